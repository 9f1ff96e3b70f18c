import type { ExecutionContext, ValidationPipe } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

/** Where Nest keeps a handler's parameter decorators (`@Body()`, `@Query()`), keyed `<paramtype>:<index>`. */
const ROUTE_ARGS_METADATA = '__routeArguments__';
/** Nest's RouteParamtypes for a body and a query string. */
const VALIDATED = new Map([
  ['3', 'body'],
  ['4', 'query'],
] as const);

/**
 * Validates a request's body and query string as its route would, before it is refused: a case that does
 * not exist answers a malformed body with 400 rather than 404, so a restricted one must too, or the
 * difference would reveal that it exists.
 */
export async function validateAsTheRouteWould(context: ExecutionContext, request: FastifyRequest, pipe: ValidationPipe): Promise<void> {
  const controller = context.getClass();
  const method = context.getHandler().name;
  const args: Record<string, { index: number; data?: string }> = Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, method) ?? {};
  const types: unknown[] = Reflect.getMetadata('design:paramtypes', controller.prototype, method) ?? [];
  for (const [key, { index, data }] of Object.entries(args)) {
    const type = VALIDATED.get(key.split(':')[0] as '3' | '4');
    if (!type) continue;
    const value = type === 'body' ? request.body : request.query;
    await pipe.transform(data ? (value as Record<string, unknown> | undefined)?.[data] : value, { type, data, metatype: types[index] as never });
  }
}
