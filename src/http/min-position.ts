import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { ProjectionsService } from '../../projections/runner/projections.service.ts';
import { ValidationFailed } from './problem.ts';

/** X-Min-Position: the `position` a command returned; the query waits until its read model has it. */
export const MinPosition = createParamDecorator((_: unknown, context: ExecutionContext): bigint | undefined => {
  const header = context.switchToHttp().getRequest<FastifyRequest>().headers['x-min-position'];
  if (header === undefined) return undefined;
  if (typeof header !== 'string' || !/^\d{1,30}$/.test(header)) {
    throw new ValidationFailed([{ field: 'X-Min-Position', message: 'X-Min-Position must be a position returned by a command' }]);
  }
  return BigInt(header);
});

/** Answered (202, Retry-After) when the read model has not caught up with X-Min-Position in time. */
export class ReadModelBehind extends Error {
  override readonly name = 'ReadModelBehind';

  constructor(
    readonly projection: string,
    awaited = 'X-Min-Position',
  ) {
    super(`The ${projection} read model has not yet caught up with ${awaited}: retry shortly`);
  }
}

/** Read-your-writes: waits until every read model a query uses has the client's write, else 202. */
export async function awaitReadModels(projections: ProjectionsService, names: readonly string[], minPosition: bigint | undefined): Promise<void> {
  if (minPosition === undefined) return;
  for (const name of names) {
    if (!(await projections.waitUntilProjected(name, minPosition))) throw new ReadModelBehind(name);
  }
}
