import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AuthenticatedUser } from '../auth/token-verifier.ts';
import type { CommandContext } from '../command-pipeline/command-context.ts';
import { idsDerivedFrom, randomIds } from '../command-pipeline/id-source.ts';
import { idempotencyKeyOf } from '../command-pipeline/idempotency/idempotency.interceptor.ts';
import { parseIfMatch } from './if-match.ts';

declare module 'fastify' {
  interface FastifyRequest {
    correlationId: string;
  }
}

const CORRELATION_ID = /^[\w.:-]{1,128}$/;

/**
 * The caller's X-Correlation-Id when well-formed; otherwise the request starts a new conversation and its
 * own id (a UUID) names it. Derived, not drawn, so the request log computes the same id from the raw request.
 */
export function correlationIdOf(header: string | string[] | undefined, requestId: string): string {
  return typeof header === 'string' && CORRELATION_ID.test(header) ? header : requestId;
}

/** Every request carries a correlation id (see correlationIdOf); it is echoed back. */
export function registerCorrelationId(fastify: FastifyInstance): void {
  fastify.decorateRequest('correlationId', '');
  fastify.addHook('onRequest', async (request, reply) => {
    request.correlationId = correlationIdOf(request.headers['x-correlation-id'], request.id);
    void reply.header('x-correlation-id', request.correlationId);
  });
}

/** The command context of an authenticated HTTP request: actor, ids, clock, If-Match. */
export const CommandCtx = createParamDecorator((_: unknown, context: ExecutionContext): CommandContext => {
  const request = context.switchToHttp().getRequest<FastifyRequest>();
  if (!request.user) throw new Error('CommandCtx used on a route without authentication');
  const key = idempotencyKeyOf(request);
  return {
    actor: { sub: request.user.sub, roles: request.user.roles },
    correlationId: request.correlationId,
    causationId: request.id,
    now: new Date(),
    ids: key ? idsDerivedFrom(`${request.user.sub}/${key}`) : randomIds,
    expectedRevisions: parseIfMatch(request.headers['if-match']),
  };
});

/** The authenticated caller, for queries that depend on who asks (e.g. `caseManager=me`). */
export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): AuthenticatedUser => {
  const user = context.switchToHttp().getRequest<FastifyRequest>().user;
  if (!user) throw new Error('CurrentUser used on a route without authentication');
  return user;
});
