import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { from, mergeMap, type Observable } from 'rxjs';
import { AccessLogRecorder } from '../audit/access-log/access-log.recorder.ts';
import { purposeOf } from '../audit/access-log/purpose.ts';
import { CaseNotFound } from '../command-pipeline/command-pipeline.errors.ts';
import { UUID } from '../http/case-id.pipe.ts';
import { ValidationFailed } from '../http/problem.ts';
import { SettingsService } from '../settings/settings.service.ts';
import { createValidationPipe } from '../http/validation.ts';
import { validateAsTheRouteWould } from './validate-as-the-route-would.ts';
import { mayWorkOn } from './domain/restricted-access.decide.ts';
import { RestrictedAccessReader } from './restricted-access.reader.ts';

/**
 * Need to know, for every route that names a case by `:id`, read or command, present and future: a user
 * not named on a restricted case (nor in a named team, nor an auditor) is answered exactly as for a case
 * that does not exist (a malformed body is a 400 all the same), before the handler runs, and the refusal is
 * logged like a read.
 */
@Injectable()
export class NeedToKnowInterceptor implements NestInterceptor {
  private readonly validation = createValidationPipe();

  constructor(
    private readonly restrictions: RestrictedAccessReader,
    private readonly log: AccessLogRecorder,
    private readonly settings: SettingsService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const id = (request.params as Record<string, string> | undefined)?.id;
    const user = request.user;
    if (!user || !id || !UUID.test(id)) return next.handle();
    const caseId = id.toLowerCase();
    return from(this.restrictions.accessOf(caseId)).pipe(
      mergeMap(async (access) => {
        if (mayWorkOn(access, user)) return;
        const purposes = (await this.settings.current()).activeIds('accessPurposes');
        await this.log.record('CaseAccessRefused', request, user, [caseId], refusalPurpose(request, user.roles, purposes));
        await validateAsTheRouteWould(context, request, this.validation);
        throw new CaseNotFound(caseId);
      }),
      mergeMap(() => next.handle()),
    );
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
