import { Catch, HttpException, HttpStatus, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { IdentityProviderUnavailable } from '../auth/token-claims.ts';
import { CaseNotFound, RevisionMismatch, TooMuchContention } from '../command-pipeline/command-pipeline.errors.ts';
import { IdempotencyConflict } from '../command-pipeline/idempotency/idempotency.errors.ts';
import { isUnavailable } from '../database/unavailable.ts';
import { ProcessingRestricted } from '../personal-data/processing-restriction.ts';
import { ActNotPermitted, DomainRuleViolation, UnknownCasePart } from '../shared/domain/errors.ts';
import { ReadModelBehind } from './min-position.ts';
import { PROBLEM_CONTENT_TYPE, problemType, ValidationFailed, type ProblemDetails } from './problem.ts';

/** About what a database restart or failover takes. */
const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

/** Errors are typed and mapped to HTTP here, once. Bodies never carry stack traces, SQL or personal data. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(error: unknown, host: ArgumentsHost): void {
    const problem = toProblem(error);
    if (problem.status >= 500) this.logger.error(`${problem.status} ${describe(error)}`);
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (error instanceof ReadModelBehind || isInProgress(error)) void reply.header('retry-after', '1');
    if (problem.status === 503) void reply.header('retry-after', String(UNAVAILABLE_RETRY_AFTER_SECONDS));
    sendProblem(reply, problem);
  }
}

/** A first request still running usually answers within the second; a crashed one's claim is taken over later. */
const isInProgress = (error: unknown) => error instanceof IdempotencyConflict && error.kind === 'idempotency-request-in-progress';

export function sendProblem(reply: FastifyReply, problem: ProblemDetails): void {
  void reply.status(problem.status).header('content-type', PROBLEM_CONTENT_TYPE).send(problem);
}

export function toProblem(error: unknown): ProblemDetails {
  if (error instanceof ValidationFailed) {
    return { type: problemType('validation'), title: 'The request is not valid', status: 400, detail: error.message, errors: error.errors };
  }
  if (error instanceof DomainRuleViolation) {
    return { type: problemType('rule-violation'), title: 'The case does not allow this now', status: 409, detail: error.message, rule: error.rule, rules: error.broken.map((broken) => broken.rule) };
  }
  if (error instanceof ProcessingRestricted) {
    return { type: problemType('processing-restricted'), title: 'Processing of this case is restricted', status: 409, detail: error.message, rule: error.rule, rules: [error.rule] };
  }
  if (error instanceof ActNotPermitted) return { type: problemType('forbidden'), title: 'Forbidden', status: 403, detail: error.message, rule: error.rule };
  if (error instanceof ReadModelBehind) return { type: problemType('read-model-behind'), title: 'Not caught up yet', status: 202, detail: error.message };
  if (error instanceof UnknownCasePart) return { type: problemType('not-found'), title: 'No such part of the case', status: 404, detail: error.message };
  if (error instanceof CaseNotFound) return { type: problemType('not-found'), title: 'No such case', status: 404, detail: error.message };
  if (error instanceof RevisionMismatch) {
    return { type: problemType('precondition-failed'), title: 'The case has changed', status: 412, detail: error.message };
  }
  if (error instanceof TooMuchContention) return { type: problemType('contention'), title: 'Too many concurrent changes', status: 409, detail: error.message };
  if (error instanceof IdempotencyConflict) return { type: problemType(error.kind), title: 'Idempotency-Key conflict', status: 409, detail: error.message };
  if (isUnavailable(error)) {
    return { type: problemType('unavailable'), title: 'A store is unreachable', status: 503, detail: 'Try again shortly; a command retried with the same Idempotency-Key is stored once at most' };
  }
  if (error instanceof IdentityProviderUnavailable) {
    return { type: problemType('unavailable'), title: 'The identity provider is unreachable', status: 503, detail: 'Tokens cannot be verified just now; try again shortly' };
  }
  if (error instanceof HttpException) return fromHttpException(error);
  if (isFastifyClientError(error)) {
    return { type: problemType('malformed-request'), title: 'The request could not be read', status: error.statusCode, detail: malformedDetail(error) };
  }
  return { type: problemType('internal'), title: 'Internal error', status: 500, detail: 'The server failed to handle this request' };
}

function fromHttpException(error: HttpException): ProblemDetails {
  const status = error.getStatus();
  const slug: Record<number, string> = { 400: 'malformed-request', 401: 'unauthenticated', 403: 'forbidden', 404: 'not-found', 405: 'method-not-allowed', 413: 'too-large', 415: 'unsupported-media-type', 429: 'too-many-requests' };
  const response = error.getResponse();
  const detail = typeof response === 'object' && response && 'message' in response ? String((response as { message: unknown }).message) : error.message;
  return { type: problemType(slug[status] ?? 'http-error'), title: HttpStatus[status]?.replace(/_/g, ' ').toLowerCase() ?? 'error', status, detail };
}

function isFastifyClientError(error: unknown): error is { statusCode: number; code?: string; message: string } {
  const statusCode = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500;
}

function malformedDetail(error: { code?: string }): string {
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return 'Send the body as application/json';
  if (error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return 'The JSON body is empty';
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return 'The body is too large';
  return 'The body is not well-formed JSON';
}

/**
 * What an operator needs to find the fault, without the message: a message may quote a value from
 * the request or the database (a name, an address), and no log line may carry personal data.
 */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return 'non-Error thrown';
  const code = (error as { code?: unknown }).code;
  const frames = (error.stack ?? '').split('\n').filter((line) => line.trimStart().startsWith('at '));
  return [`${error.name}${typeof code === 'string' ? ` (${code})` : ''}`, ...frames].join('\n');
}
