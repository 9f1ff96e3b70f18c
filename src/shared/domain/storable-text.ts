import { DomainRuleViolation } from './errors.ts';

/**
 * Text PostgreSQL can hold: a NUL byte is refused in `text` and, as `\u0000`, in `jsonb`, and an unpaired
 * UTF-16 surrogate has no UTF-8 form at all, so either would fail whatever stores or projects the value.
 */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const isStorableText = (text: string): boolean => !UNSTORABLE.test(text);

export const UNSTORABLE_TEXT_MESSAGE = 'must not contain a NUL character or an unpaired surrogate';

/**
 * The paths of every string in a command (plain objects and arrays, at any depth) that could not be stored,
 * so a decider can refuse a command from any source, not only HTTP, before it becomes an event.
 */
export function unstorableTextPaths(value: unknown, path = ''): string[] {
  if (typeof value === 'string') return isStorableText(value) ? [] : [path];
  if (Array.isArray(value)) return value.flatMap((member, index) => unstorableTextPaths(member, join(path, String(index))));
  if (isPlainObject(value)) return Object.entries(value).flatMap(([key, member]) => unstorableTextPaths(member, join(path, key)));
  return [];
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** Refuses a command holding text that could not be stored, naming the fields (never their values, which may be personal). */
export function refuseUnstorableText(command: object): void {
  const paths = unstorableTextPaths(command);
  if (paths.length > 0) throw new DomainRuleViolation('unstorable-text', `${paths.join(', ')} ${UNSTORABLE_TEXT_MESSAGE}`);
}

/** Text a read model can show as a name or a label: a string with something in it. */
export const isNonBlankText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';
