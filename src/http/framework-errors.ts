import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { Socket } from 'node:net';
import { STATUS_CODES } from 'node:http';
import { sendProblem } from './problem-details.filter.ts';
import { PROBLEM_CONTENT_TYPE, problemType, type ProblemDetails } from './problem.ts';
import { HEADERS_BEFORE_ROUTING } from './security-headers.ts';

/**
 * Requests Fastify refuses before any route or hook sees them (a URL it cannot decode, a path parameter
 * longer than any id) are answered as problem+json like every other error; their paths are not echoed.
 */
export function answerFrameworkError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  void reply.headers(HEADERS_BEFORE_ROUTING);
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    return sendProblem(reply, { type: problemType('uri-too-long'), title: 'URI too long', status: 414, detail: 'A path segment is longer than any id' });
  }
  sendProblem(reply, { type: problemType('malformed-request'), title: 'The request could not be read', status: 400, detail: 'The URL is not well-formed' });
}

/**
 * Requests Node's HTTP parser refuses (headers too large, a timeout, malformed HTTP) never reach Fastify's
 * reply: the answer is written to the socket, which is then closed.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  if (socket.writable) socket.write(rawResponse(clientProblem(error.code)));
  socket.destroy(error);
}

function clientProblem(code: string | undefined): ProblemDetails {
  if (code === 'HPE_HEADER_OVERFLOW') {
    return { type: problemType('headers-too-large'), title: 'Request headers too large', status: 431, detail: 'The request headers are larger than the server accepts' };
  }
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return { type: problemType('request-timeout'), title: 'Request timeout', status: 408, detail: 'The request was not received in time' };
  }
  return { type: problemType('malformed-request'), title: 'The request could not be read', status: 400, detail: 'The request is not well-formed HTTP' };
}

function rawResponse(problem: ProblemDetails): string {
  const body = JSON.stringify(problem);
  const headers = { ...HEADERS_BEFORE_ROUTING, 'content-type': PROBLEM_CONTENT_TYPE, 'content-length': String(Buffer.byteLength(body)), connection: 'close' };
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}`);
  return [`HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status]}`, ...lines, '', body].join('\r\n');
}
