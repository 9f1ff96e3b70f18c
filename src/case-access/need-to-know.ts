import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AccessLogRecorder } from '../audit/access-log/access-log.recorder.ts';
import { purposeOf } from '../audit/access-log/purpose.ts';
import { ValidationFailed } from '../http/problem.ts';
import { SettingsService } from '../settings/settings.service.ts';
import { RestrictedAccessReader } from './restricted-access.reader.ts';

/**
 * The cases a request's user may work on, as their restrictions' streams say now; every case refused is in the
 * access log (`CaseAccessRefused`), whether the route names it by `:id` or reaches it through a person or a
 * data subject.
 */
@Injectable()
export class NeedToKnow {
  constructor(
    private readonly restrictions: RestrictedAccessReader,
    private readonly log: AccessLogRecorder,
    private readonly settings: SettingsService,
  ) {}

  async workableFor(request: FastifyRequest, caseIds: readonly string[]): Promise<string[]> {
    const user = request.user;
    if (!user) throw new Error('NeedToKnow used on a route without authentication');
    const workable = await this.restrictions.workableBy(caseIds, user);
    const refused = caseIds.filter((caseId) => !workable.includes(caseId));
    if (refused.length > 0) {
      const purposes = (await this.settings.current()).activeIds('accessPurposes');
      await this.log.record('CaseAccessRefused', request, user, refused, refusalPurpose(request, user.roles, purposes));
    }
    return workable;
  }
}

/** The refusal is logged whatever X-Purpose says: an unreadable purpose is kept as such. */
function refusalPurpose(request: FastifyRequest, roles: Parameters<typeof purposeOf>[1], purposes: readonly string[]): string {
  try {
    return purposeOf(request.headers['x-purpose'], roles, purposes);
  } catch (error) {
    if (error instanceof ValidationFailed) return 'unreadable';
    throw error;
  }
}
