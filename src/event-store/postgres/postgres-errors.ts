import { isUnavailable } from '../../database/unavailable.ts';
import { EventStoreUnavailable } from '../event-store.errors.ts';

export function uniqueViolationOf(error: unknown): string | undefined {
  const { code, constraint } = (error ?? {}) as { code?: string; constraint?: string };
  return code === '23505' ? constraint : undefined;
}

/** A lost, refused or timed-out connection becomes the port's EventStoreUnavailable, which callers may retry. */
export async function translated<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUnavailable(error)) throw new EventStoreUnavailable('PostgreSQL event store unreachable or too slow', { cause: error });
    throw error;
  }
}
