import { ValidationFailed, type FieldError } from './problem.ts';
import { createValidationPipe } from './validation.ts';

/** For DTOs' tests: the fields a body fails on, as the route's validation pipe names them; none if it passes. */
export async function validationErrorsOf(metatype: new () => object, body: unknown): Promise<FieldError[]> {
  try {
    await createValidationPipe().transform(body, { type: 'body', metatype });
  } catch (error) {
    if (error instanceof ValidationFailed) return error.errors;
    throw error;
  }
  return [];
}
