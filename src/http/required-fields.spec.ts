import { describe, expect, it } from '@jest/globals';
import { DataSubjectDecisionDto } from '../personal-data/data-subjects/data-subjects.dto.ts';
import { ValidationFailed } from './problem.ts';
import { createValidationPipe } from './validation.ts';

const errorsOf = async (body: unknown) => {
  try {
    await createValidationPipe().transform(body, { type: 'body', metatype: DataSubjectDecisionDto });
  } catch (error) {
    if (error instanceof ValidationFailed) return error.errors;
    throw error;
  }
  throw new Error('expected the body to fail validation');
};

describe('a body missing a required field', () => {
  it('says the field is required, once, not which length or type its absence breaks', async () => {
    expect(await errorsOf({})).toEqual([{ field: 'reason', message: 'reason is required' }]);
    expect(await errorsOf({ reason: null })).toEqual([{ field: 'reason', message: 'reason is required' }]);
  });

  it('still names what is wrong with a field that is there, and an unknown field even when null', async () => {
    expect(await errorsOf({ reason: 'x'.repeat(501) })).toEqual([{ field: 'reason', message: 'reason must be shorter than or equal to 500 characters' }]);
    expect(await errorsOf({ reason: 'Request 7', extra: null })).toEqual([{ field: 'extra', message: 'extra should not exist' }]);
  });
});
