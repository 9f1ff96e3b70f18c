import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { FieldError } from '../http/problem.ts';
import type { ConsoleSession } from './console-session.ts';

export interface ApiAnswer<Body = any> {
  status: number;
  body: Body;
  /** The case's revision from the ETag, for the If-Match of the next form. */
  revision?: number;
  /** A command's position: the read waits until the read models include it, so the user sees what they just did. */
  minPosition?: string;
}

/** What a refused command said, as the API's problem+json has it. */
export interface Problem {
  status: number;
  title: string;
  detail: string;
  errors?: FieldError[];
  rule?: string;
  rules?: string[];
}

export interface ApiCall {
  method: 'GET' | 'POST';
  url: string;
  body?: object;
  /** The revision the form was shown at: sent as If-Match, so a case changed meanwhile is a 412. */
  revision?: number;
  /** A command's position: the read waits until the read models include it, so the user sees what they just did. */
  minPosition?: string;
}

/**
 * The console's only way to the cases: the API's own routes, called in-process with the signed-in user's
 * token. Commands, queries, role checks, validation, If-Match and the access log are exactly the API's.
 */
export class ConsoleApi {
  constructor(private readonly fastify: FastifyInstance) {}

  async call(request: FastifyRequest, session: ConsoleSession, call: ApiCall): Promise<ApiAnswer> {
    const headers: Record<string, string> = { authorization: `Bearer ${session.token}`, 'x-correlation-id': request.correlationId };
    if (call.revision !== undefined) headers['if-match'] = `"${call.revision}"`;
    if (call.body !== undefined) headers['content-type'] = 'application/json';
    if (call.minPosition !== undefined) headers['x-min-position'] = call.minPosition;
    const response = await this.fastify.inject({
      method: call.method,
      url: call.url,
      headers,
      payload: call.body === undefined ? undefined : JSON.stringify(call.body),
      // The user's own address, so the API's per-address throttle of failed authentications counts them, not the console.
      remoteAddress: request.ip,
    });
    const etag = /^"(\d+)"$/.exec(String(response.headers.etag ?? ''))?.[1];
    return { status: response.statusCode, body: response.body ? response.json() : undefined, revision: etag === undefined ? undefined : Number(etag) };
  }
}
