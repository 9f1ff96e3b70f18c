import { describe, expect, it } from '@jest/globals';
import { DataSubjectDecisionDto } from '../personal-data/data-subjects/data-subjects.dto.ts';
import { validationErrorsOf } from './validation.testing.ts';

const errorsOf = (body: unknown) => validationErrorsOf(DataSubjectDecisionDto, body);

describe('a body missing a required field', () => {
  it('says the field is required, once, not which length or type its absence breaks', async () => {
    expect(await errorsOf({ ground: 'art17-objection' })).toEqual([{ field: 'requestReference', message: 'requestReference is required' }]);
    expect(await errorsOf({ ground: 'art17-objection', requestReference: null })).toEqual([{ field: 'requestReference', message: 'requestReference is required' }]);
  });

  it('still names what is wrong with a field that is there, and an unknown field even when null', async () => {
    expect(await errorsOf({ ground: 'art17-objection', requestReference: 'x'.repeat(41) })).toEqual([{ field: 'requestReference', message: 'requestReference must be shorter than or equal to 40 characters' }]);
    expect(await errorsOf({ ground: 'art17-objection', requestReference: 'Request-7', extra: null })).toEqual([{ field: 'extra', message: 'extra should not exist' }]);
  });
});
