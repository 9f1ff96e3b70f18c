import type { IncomingMessage, ServerResponse } from 'node:http';
import { correlationIdOf } from '../http/request-context.ts';

/**
 * What a request log line may say about the request: an allowlist, so no header (tokens), no body and no
 * query string (list filters search by victim name) can reach a log by accident.
 */
export function requestFields(request: { id?: unknown; method?: string; url?: string }) {
  return { id: request.id, method: request.method, path: request.url?.split('?', 1)[0] };
}

export function responseFields(response: Pick<ServerResponse, 'statusCode'>) {
  return { statusCode: response.statusCode };
}

/** Error type and code only: driver messages may quote the values of the row they failed on. */
export function errorFields(error: unknown) {
  const { name, code } = (error ?? {}) as { name?: unknown; code?: unknown };
  return { type: typeof name === 'string' ? name : typeof error, ...(typeof code === 'string' ? { code } : {}) };
}

/** Bound to every line logged while a request is handled, and to its completion line. */
export function requestBindings(request: IncomingMessage & { id?: unknown }) {
  return { correlationId: correlationIdOf(request.headers['x-correlation-id'], String(request.id)) };
}
