import type { ModuleRef } from '@nestjs/core';
import { useContainer } from 'class-validator';

/** What constraints are taken from: an application's module reference. */
type ConstraintSource = Pick<ModuleRef, 'get'>;

/** The applications of this process that are open, newest last (tests run two services in one process). */
const open: { source: ConstraintSource; resolved: Map<Function, unknown> }[] = [];

/**
 * Lets class-validator take constraints that need Nest's providers (e.g. the configurable lists) from
 * Nest's container. class-validator asks the container for every constraint of every field it checks,
 * and Nest answers an unknown class with an exception, whose stack trace cost more than the checks
 * themselves; so each class is looked up once, and the ones Nest does not provide come from
 * class-validator's own container. That container is the process's: constraints come from the newest
 * application still open, never from one that has closed (its database pools ended). Returns the function
 * to call on closing.
 */
export function useNestForConstraints(source: ConstraintSource): () => void {
  const entry = { source, resolved: new Map<Function, unknown>() };
  open.push(entry);
  useContainer({ get: fromNewestOpen }, { fallback: true });
  return () => {
    const index = open.indexOf(entry);
    if (index >= 0) open.splice(index, 1);
  };
}

function fromNewestOpen(constraint: Function): unknown {
  const newest = open.at(-1);
  if (!newest) return undefined;
  if (!newest.resolved.has(constraint)) newest.resolved.set(constraint, findIn(newest.source, constraint));
  return newest.resolved.get(constraint);
}

function findIn(source: ConstraintSource, constraint: Function): unknown {
  try {
    return source.get(constraint, { strict: false });
  } catch {
    return undefined;
  }
}
