import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { from, mergeMap, type Observable } from 'rxjs';
import { AccessLogRecorder } from './access-log.recorder.ts';
import { ACCESS_LOGGED_KEY } from './access-logged.decorator.ts';
import { SettingsService } from '../../settings/settings.service.ts';
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
    private readonly log: AccessLogRecorder,
    private readonly settings: SettingsService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (!this.reflector.get<boolean>(ACCESS_LOGGED_KEY, context.getHandler())) return next.handle();
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const user = request.user;
    if (!user) throw new Error('AccessLogged used on a route without authentication');
    return from(this.settings.current()).pipe(
      mergeMap((settings) => {
        const purpose = purposeOf(request.headers['x-purpose'], user.roles, settings.activeIds('accessPurposes'));
        return next.handle().pipe(mergeMap((body: unknown) => from(this.log.record('CaseAccessed', request, user, caseIdsIn(request, body), purpose).then(() => body))));
      }),
    );
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
