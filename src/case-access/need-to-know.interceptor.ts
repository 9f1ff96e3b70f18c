import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { from, mergeMap, type Observable } from 'rxjs';
import { CaseNotFound } from '../command-pipeline/command-pipeline.errors.ts';
import { UUID } from '../http/case-id.pipe.ts';
import { createValidationPipe } from '../http/validation.ts';
import { validateAsTheRouteWould } from './validate-as-the-route-would.ts';
import { NeedToKnow } from './need-to-know.ts';

/**
 * Need to know, for every route that names a case by `:id`, read or command, present and future: a user
 * not named on a restricted case (nor in a named team, nor an auditor) is answered exactly as for a case
 * that does not exist (a malformed body is a 400 all the same), before the handler runs, and the refusal is
 * logged like a read.
 */
@Injectable()
export class NeedToKnowInterceptor implements NestInterceptor {
  private readonly validation = createValidationPipe();

  constructor(private readonly needToKnow: NeedToKnow) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const id = (request.params as Record<string, string> | undefined)?.id;
    if (!request.user || !id || !UUID.test(id)) return next.handle();
    const caseId = id.toLowerCase();
    return from(this.needToKnow.workableFor(request, [caseId])).pipe(
      mergeMap(async (workable) => {
        if (workable.length > 0) return;
        await validateAsTheRouteWould(context, request, this.validation);
        throw new CaseNotFound(caseId);
      }),
      mergeMap(() => next.handle()),
    );
  }
}
