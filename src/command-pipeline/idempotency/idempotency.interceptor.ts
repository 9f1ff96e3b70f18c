import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { catchError, from, mergeMap, of, type Observable } from 'rxjs';
import { toProblem } from '../../http/problem-details.filter.ts';
import { ValidationFailed } from '../../http/problem.ts';
import { canonicalJson } from '../../shared/canonical-json.ts';
import { IdempotencyStore } from './idempotency.store.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const REPLAYED_HEADERS = ['location', 'etag'] as const;

/**
 * Idempotency-Key on any POST: the same key and body returns the first response again and runs
 * nothing; the same key with another body is 409. Keys are scoped to the user who sent them.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly store: IdempotencyStore) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    if (request.method !== 'POST' || !request.user) return next.handle();
    const key = idempotencyKeyOf(request);
    if (key === undefined) return next.handle();
    const owner = request.user.sub;
    const reply = http.getResponse<FastifyReply>();

    return from(this.store.claim(owner, key, fingerprint(request))).pipe(
      mergeMap((claim) => {
        if (claim.kind === 'replay') {
          void reply.status(claim.response.status).headers({ ...claim.response.headers, 'idempotent-replayed': 'true' });
          return of(claim.response.body);
        }
        return next.handle().pipe(
          mergeMap(async (body) => {
            await this.store.complete(owner, key, { status: reply.statusCode, headers: replayedHeaders(reply), body });
            return body;
          }),
          catchError(async (error: unknown) => {
            const problem = toProblem(error);
            // Nothing ran: a corrected body (400), a fresh If-Match (412) or a retry after a fault (5xx) may use the key again.
            if (problem.status >= 500 || problem.status === 400 || problem.status === 412) await this.store.release(owner, key);
            else await this.store.complete(owner, key, { status: problem.status, headers: { 'content-type': 'application/problem+json' }, body: problem });
            throw error;
          }),
        );
      }),
    );
  }
}

export function idempotencyKeyOf(request: FastifyRequest): string | undefined {
  const key = request.headers['idempotency-key'];
  if (key === undefined) return undefined;
  if (typeof key !== 'string' || !UUID.test(key)) {
    throw new ValidationFailed([{ field: 'Idempotency-Key', message: 'Idempotency-Key must be a UUID' }]);
  }
  return key.toLowerCase();
}

function fingerprint(request: FastifyRequest): string {
  return createHash('sha256').update(`${request.method} ${request.url}\n${canonicalJson(request.body)}`).digest('hex');
}

function replayedHeaders(reply: FastifyReply): Record<string, string> {
  return Object.fromEntries(REPLAYED_HEADERS.flatMap((name) => {
    const value = reply.getHeader(name);
    return value === undefined ? [] : [[name, String(value)]];
  }));
}
