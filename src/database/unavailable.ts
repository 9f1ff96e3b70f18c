import { EventStoreUnavailable } from '../event-store/event-store.errors.ts';

/**
 * PostgreSQL's classes 08 (connection exception) and 53 (insufficient resources: too many connections, out of
 * memory, disk full), a server shutting down or restarting (57P01-57P03), a statement cancelled by its timeout
 * (57014), an idle session cut (57P05), and the socket errors Node raises for a server that cannot be reached.
 */
const UNAVAILABLE_CODES = new Set([
  '57P01', '57P02', '57P03', '57P05', '57014',
  'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN',
]);
const UNAVAILABLE_CLASSES = ['08', '53'];
const SQLSTATE = /^[0-9A-Z]{5}$/;

/** What node-postgres and pg-pool say, without a code, when a connection is lost, refused or too slow. */
const UNAVAILABLE_MESSAGE =
  /Connection terminated|timeout exceeded when trying to connect|Query read timeout|connection timeout|Client has encountered a connection error|Client was closed and is not queryable|Cannot use a pool after calling end/i;

/**
 * Whether an error says the database (or the event store) is away or too slow, rather than that the request or
 * the data is wrong: such a request may succeed if retried later (HTTP 503), and a projection must wait for it
 * rather than give up on the event. Looks through the wrappers (TypeORM's QueryFailedError, causes, aggregates).
 */
export function isUnavailable(error: unknown, depth = 0): boolean {
  if (error === null || typeof error !== 'object' || depth > 5) return false;
  if (error instanceof EventStoreUnavailable) return true;
  const { code, message, cause, driverError, errors } = error as { code?: unknown; message?: unknown; cause?: unknown; driverError?: unknown; errors?: unknown };
  if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || (SQLSTATE.test(code) && UNAVAILABLE_CLASSES.includes(code.slice(0, 2))))) return true;
  // Only node-postgres's own errors are judged by their message: a server's may quote a value someone sent.
  if (typeof message === 'string' && !(typeof code === 'string' && SQLSTATE.test(code)) && UNAVAILABLE_MESSAGE.test(message)) return true;
  const wrapped = [cause, driverError, ...(Array.isArray(errors) ? errors : [])];
  return wrapped.some((inner) => inner !== error && isUnavailable(inner, depth + 1));
}
