import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { ValidationFailed, type FieldError } from './problem.ts';

/** Unknown fields are rejected, not silently dropped, and every failing field is named by its path. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    // Bodies of commands that need no details (`{}`) have no decorated fields; unknown fields are still refused.
    forbidUnknownValues: false,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new ValidationFailed(flatten(errors)),
  });
}

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message: reword(message, error.property, field) }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
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
