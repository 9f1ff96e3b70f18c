import type { INestApplicationContext } from '@nestjs/common';
import { useContainer } from 'class-validator';

/**
 * Lets class-validator take constraints that need Nest's providers (e.g. the configurable lists) from
 * Nest's container. class-validator asks the container for every constraint of every field it checks,
 * and Nest answers an unknown class with an exception, whose stack trace cost more than the checks
 * themselves; so each class is looked up once, and the ones Nest does not provide come from
 * class-validator's own container.
 */
export function useNestForConstraints(context: INestApplicationContext): void {
  const resolved = new Map<Function, unknown>();
  const fromNest = (constraint: Function): unknown => {
    if (!resolved.has(constraint)) resolved.set(constraint, findIn(context, constraint));
    return resolved.get(constraint);
  };
  useContainer({ get: fromNest }, { fallback: true });
}

function findIn(context: INestApplicationContext, constraint: Function): unknown {
  try {
    return context.get(constraint, { strict: false });
  } catch {
    return undefined;
  }
}
