import { Inject, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { from, mergeMap, type Observable } from 'rxjs';
import { londonDate } from '../../calendar/working-days.ts';
import { EVENT_STORE, type EventStore } from '../../event-store/event-store.port.ts';
import type { CaseAccessed } from './access-log.events.ts';
import { accessLogStream } from './access-log.events.ts';
import { ACCESS_LOGGED_KEY } from './access-logged.decorator.ts';
import { purposeOf } from './purpose.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The cases a read reached when its route names none (a person's search or export): set by its handler. */
    casesRead?: string[];
  }
}

/**
 * Records who read which case, when, through which route and why, before the data leaves: a read
 * that cannot be recorded is not answered.
 */
@Injectable()
export class AccessLogInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (!this.reflector.get<boolean>(ACCESS_LOGGED_KEY, context.getHandler())) return next.handle();
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const user = request.user;
    if (!user) throw new Error('AccessLogged used on a route without authentication');
    const purpose = purposeOf(request.headers['x-purpose'], user.roles);
    return next.handle().pipe(
      mergeMap((body: unknown) =>
        from(
          this.record(request, { user: user.sub, roles: user.roles, caseIds: caseIdsIn(request, body), purpose }).then(() => body),
        ),
      ),
    );
  }

  private async record(request: FastifyRequest, who: Pick<CaseAccessed['data'], 'user' | 'roles' | 'caseIds' | 'purpose'>): Promise<void> {
    const at = new Date();
    const data: CaseAccessed['data'] = { ...who, method: request.method, route: request.routeOptions.url ?? 'unknown', at: at.toISOString() };
    const event = { id: randomUUID(), type: 'CaseAccessed', schemaVersion: 1, data, metadata: { actor: { sub: who.user, roles: who.roles }, correlationId: request.correlationId, causationId: request.id } };
    await this.store.append(accessLogStream(who.user, londonDate(at)), [event], 'any');
  }
}

/** The case a route names, or the cases a list returned. */
function caseIdsIn(request: FastifyRequest, body: unknown): string[] {
  if (request.casesRead) return [...new Set(request.casesRead)];
  const id = (request.params as Record<string, string> | undefined)?.id;
  if (id) return [id];
  const items = (body as { items?: unknown } | undefined)?.items;
  if (!Array.isArray(items)) return [];
  return items.map((item: { id?: unknown }) => item.id).filter((itemId): itemId is string => typeof itemId === 'string');
}
