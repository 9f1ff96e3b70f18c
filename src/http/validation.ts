import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { refuseNonObjectBody } from './hostile-input.ts';
import { ValidationFailed, type FieldError } from './problem.ts';
import { keepValidationRules } from './validation-rules-kept.ts';

/**
 * What no field may hold was refused before any handler ran (see hostile-input.ts). Text in bodies is
 * trimmed before it is validated, so a required field of spaces is as missing as an empty one, and
 * nothing stores the stray spaces of a pasted name.
 */
class TrimmingValidationPipe extends ValidationPipe {
  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'body') return super.transform(value, metadata);
    refuseNonObjectBody(value);
    return super.transform(trimmed(value), metadata);
  }
}

function trimmed(value: unknown): unknown {
  if (typeof value === 'string') return value.trim();
  if (Array.isArray(value)) return value.map(trimmed);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, member]) => [key, trimmed(member)]));
  return value;
}

/** Unknown fields are rejected, not silently dropped, and every failing field is named by its path. */
export function createValidationPipe(): ValidationPipe {
  keepValidationRules();
  return new TrimmingValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    // Bodies of commands that need no details (`{}`) have no decorated fields; unknown fields are still refused.
    forbidUnknownValues: false,
    transform: true,
    // The value is kept only to tell a missing field from a wrong one; no message quotes it.
    validationError: { target: false, value: true },
    exceptionFactory: (errors) => new ValidationFailed(flatten(errors)),
  });
}

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    if (missing(error)) return [{ field, message: `${field} is required` }];
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message: reword(message, error.property, field) }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** A required field left out (or null): one message saying so, rather than every rule its absence breaks. */
function missing(error: ValidationError): boolean {
  return (error.value === undefined || error.value === null) && !('whitelistValidation' in (error.constraints ?? {}));
}

/**
 * class-validator names the property, sometimes behind "property " or "nested property " (unknown fields,
 * nested objects); the message names the field by its whole path instead, once.
 */
function reword(message: string, property: string, field: string): string {
  const text = message.replace(/^(?:nested )?property /, '');
  const named = new RegExp(`(^|\\s)${property.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=\\s|$)`);
  return named.test(text) ? text.replace(named, `$1${field}`) : `${field}: ${text}`;
}
