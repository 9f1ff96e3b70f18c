import { Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { AuthenticatedUser } from '../../auth/token-verifier.ts';
import { londonDate } from '../../calendar/working-days.ts';
import { EVENT_STORE, type EventStore } from '../../event-store/event-store.port.ts';
import { accessLogStream, type CaseAccessed, type CaseAccessRefused } from './access-log.events.ts';

/** Appends one entry of the access log: a read, or a refusal of a restricted case. */
@Injectable()
export class AccessLogRecorder {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async record(type: (CaseAccessed | CaseAccessRefused)['type'], request: FastifyRequest, user: AuthenticatedUser, caseIds: string[], purpose: string): Promise<void> {
    const at = new Date();
    const data: CaseAccessed['data'] = { user: user.sub, roles: user.roles, caseIds, purpose, method: request.method, route: request.routeOptions.url ?? 'unknown', at: at.toISOString() };
    const event = { id: randomUUID(), type, schemaVersion: 1, data, metadata: { actor: { sub: user.sub, roles: user.roles }, correlationId: request.correlationId, causationId: request.id } };
    await this.store.append(accessLogStream(user.sub, londonDate(at)), [event], 'any', { readersMayWait: true });
  }
}
