import { ValidationFailed } from './problem.ts';

/** One entity-tag of a list (RFC 9110 section 8.8.3): optionally weak, then quoted, then a comma or the end. */
const ENTITY_TAG = /\s*(W\/)?"([^"]*)"\s*(?:,|$)/y;

/**
 * If-Match as RFC 9110 section 13.1.1 has it: `*` matches any current revision (a command on a missing case is
 * a 404 before any precondition), otherwise the revisions of the strong entity-tags listed, any of which may match;
 * a weak one never matches under the strong comparison If-Match asks for, nor one that names no revision, so a
 * header of only those leaves nothing to match (412). Undefined: no precondition.
 */
export function parseIfMatch(header: string | undefined): readonly number[] | undefined {
  if (header === undefined || header.trim() === '*') return undefined;
  const revisions: number[] = [];
  ENTITY_TAG.lastIndex = 0;
  while (ENTITY_TAG.lastIndex < header.length) {
    const tag = ENTITY_TAG.exec(header);
    if (!tag) break;
    if (!tag[1] && /^\d+$/.test(tag[2]!)) revisions.push(Number(tag[2]));
  }
  if (ENTITY_TAG.lastIndex !== header.length || header.trim() === '') {
    throw new ValidationFailed([{ field: 'If-Match', message: 'If-Match must be * or a list of ETags such as "3"' }]);
  }
  return revisions;
}
