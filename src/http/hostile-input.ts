import { isStorableText, UNSTORABLE_TEXT_MESSAGE } from '../shared/domain/storable-text.ts';
import { ValidationFailed, type FieldError } from './problem.ts';

/** Far deeper than any DTO nests (three levels), shallow enough that nothing recursing after this check can run out of stack. */
export const MAX_NESTING_DEPTH = 32;

/**
 * What no body or query string may hold, checked before anything recurses into it (so iteratively): nesting
 * past the limit, text PostgreSQL cannot store, and fields named like `Object.prototype`'s members, which
 * class-validator's whitelist mistakes for declared properties (it looks them up with `[]`) and would let through.
 */
export function refuseHostileInput(input: unknown): void {
  const errors: FieldError[] = [];
  const pending: { value: unknown; field: string; depth: number }[] = [{ value: input, field: '', depth: 0 }];
  for (let next = 0; next < pending.length; next++) {
    const { value, field, depth } = pending[next]!;
    if (typeof value === 'string') {
      if (!isStorableText(value)) errors.push({ field, message: `${field} ${UNSTORABLE_TEXT_MESSAGE}` });
    } else if (value !== null && typeof value === 'object') {
      if (depth === MAX_NESTING_DEPTH) throw new ValidationFailed([{ field: field || 'body', message: `JSON may nest at most ${MAX_NESTING_DEPTH} levels deep` }]);
      for (const [key, member] of Object.entries(value)) {
        const path = field ? `${field}.${key}` : key;
        if (!Array.isArray(value) && key in Object.prototype) errors.push({ field: path, message: `property ${path} should not exist` });
        else pending.push({ value: member, field: path, depth: depth + 1 });
      }
    }
  }
  if (errors.length > 0) throw new ValidationFailed(errors);
}

/** Every DTO is a JSON object: an array, a string or `null` in its place is refused rather than read as one. */
export function refuseNonObjectBody(body: unknown): void {
  if (body !== undefined && (body === null || typeof body !== 'object' || Array.isArray(body))) {
    throw new ValidationFailed([{ field: 'body', message: 'the body must be a JSON object' }]);
  }
}
