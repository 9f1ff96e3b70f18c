import type { FastifyInstance } from 'fastify';
import { isStorableText, UNSTORABLE_TEXT_MESSAGE } from '../shared/domain/storable-text.ts';
import { sendProblem, toProblem } from './problem-details.filter.ts';
import { ValidationFailed, type FieldError } from './problem.ts';

/** Far deeper than any DTO nests (three levels), shallow enough that nothing recursing after this check can run out of stack. */
export const MAX_NESTING_DEPTH = 32;

/**
 * What no body, query string or path parameter may hold, found before anything recurses into it (so
 * iteratively): nesting past the limit, text PostgreSQL cannot store, and fields named like
 * `Object.prototype`'s members, which class-validator's whitelist mistakes for declared properties (it looks
 * them up with `[]`) and would let through.
 */
export function hostileInputErrors(input: unknown): FieldError[] {
  const errors: FieldError[] = [];
  const pending: { value: unknown; field: string; depth: number }[] = [{ value: input, field: '', depth: 0 }];
  for (let next = 0; next < pending.length; next++) {
    const { value, field, depth } = pending[next]!;
    const name = field || 'body';
    if (typeof value === 'string') {
      if (!isStorableText(value)) errors.push({ field: name, message: `${name} ${UNSTORABLE_TEXT_MESSAGE}` });
    } else if (value !== null && typeof value === 'object') {
      if (depth === MAX_NESTING_DEPTH) return [{ field: name, message: `JSON may nest at most ${MAX_NESTING_DEPTH} levels deep` }];
      for (const [key, member] of Object.entries(value)) {
        const path = field ? `${field}.${key}` : key;
        if (!isStorableText(key)) errors.push({ field: path, message: `the name of a field ${UNSTORABLE_TEXT_MESSAGE}` });
        else if (!Array.isArray(value) && key in Object.prototype) errors.push({ field: path, message: `property ${path} should not exist` });
        else pending.push({ value: member, field: path, depth: depth + 1 });
      }
    }
  }
  return errors;
}

/**
 * Every route's path parameters, query string and body (JSON or form) are checked once, before any handler,
 * guard or interceptor: a NUL would otherwise become a 404 (a lookup that finds nothing), a refused
 * command shown as something else, or a 500 from PostgreSQL, depending on the route.
 */
export function refuseHostileRequests(fastify: FastifyInstance): void {
  fastify.addHook('preValidation', async (request, reply) => {
    // A path no route matches is a 404 whatever it holds: its wildcard is no field to name.
    if (request.is404) return;
    const errors = [request.params, request.query, request.body].flatMap(hostileInputErrors);
    if (errors.length === 0) return;
    sendProblem(reply, toProblem(new ValidationFailed(errors)));
    return reply;
  });
}

/** Every DTO is a JSON object: an array, a string or `null` in its place is refused rather than read as one. */
export function refuseNonObjectBody(body: unknown): void {
  if (body !== undefined && (body === null || typeof body !== 'object' || Array.isArray(body))) {
    throw new ValidationFailed([{ field: 'body', message: 'the body must be a JSON object' }]);
  }
}
