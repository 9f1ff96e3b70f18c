import { describe, expect, it } from '@jest/globals';
import { ValidationFailed } from '../../http/problem.ts';
import { validationErrorsOf } from '../../http/validation.testing.ts';
import { groundsOf } from './data-subjects.controller.ts';
import { DataSubjectDecisionDto } from './data-subjects.dto.ts';

const errorsOf = (body: unknown) => validationErrorsOf(DataSubjectDecisionDto, body);

const failureOf = (action: () => unknown) => {
  try {
    action();
  } catch (error) {
    if (error instanceof ValidationFailed) return error.errors;
    throw error;
  }
  throw new Error('expected a validation failure');
};

describe('the body of an erasure, restriction or lift', () => {
  it('takes a ground code and a request reference', async () => {
    expect(await errorsOf({ ground: 'art17-withdrawn-consent', requestReference: 'DSAR-2026-0142' })).toEqual([]);
    expect(await errorsOf({ ground: 'accuracy-verified', requestReference: 'A/1.b_c-d' })).toEqual([]);
  });

  it('refuses the free-text reason it used to take, naming both fields it needs instead', async () => {
    const errors = await errorsOf({ reason: 'Erasure request from Jane Smith' });
    expect(errors.map(({ field }) => field).sort()).toEqual(['ground', 'reason', 'requestReference']);
    expect(errors).toContainEqual({ field: 'reason', message: 'reason should not exist' });
  });

  it("lists every decision's grounds for a ground that is none of them, and never takes `not-recorded`", async () => {
    for (const ground of ['forgotten', 'not-recorded']) {
      const [error, ...more] = await errorsOf({ ground, requestReference: 'DSAR-1' });
      expect(more).toEqual([]);
      expect(error!.field).toBe('ground');
      for (const listed of ['erase: art17-no-longer-necessary', 'art17-legal-obligation', 'restrict: art18-accuracy-contested', 'art18-objection-pending', 'lift-restriction: accuracy-verified', 'legal-claims-concluded']) {
        expect(error!.message).toContain(listed);
      }
    }
  });

  it('takes a reference, not prose: no spaces, starting with a letter or digit, at most 40 characters', async () => {
    for (const requestReference of ['Jane Smith asked', '-DSAR', '/17', '', 'x'.repeat(41), 17]) {
      const errors = await errorsOf({ ground: 'art17-objection', requestReference });
      expect({ requestReference, fields: errors.map(({ field }) => field) }).toEqual({ requestReference, fields: expect.arrayContaining(['requestReference']) });
      expect(errors.every(({ field }) => field === 'requestReference')).toBe(true);
    }
    expect(await errorsOf({ ground: 'art17-objection', requestReference: 'x'.repeat(40) })).toEqual([]);
  });

  it("must give a ground of the decision the route names, listing that decision's", () => {
    expect(groundsOf('Erase', 'erase', { ground: 'art17-objection', requestReference: 'R-1' })).toEqual({ ground: 'art17-objection', requestReference: 'R-1' });
    expect(failureOf(() => groundsOf('Restrict', 'restrict', { ground: 'art17-objection', requestReference: 'R-1' }))).toEqual([
      { field: 'ground', message: 'ground must be one of the grounds of restrict: art18-accuracy-contested, art18-unlawful-processing, art18-legal-claims, art18-objection-pending' },
    ]);
    expect(failureOf(() => groundsOf('LiftRestriction', 'lift-restriction', { ground: 'art18-legal-claims', requestReference: 'R-1' }))).toEqual([
      { field: 'ground', message: 'ground must be one of the grounds of lift-restriction: accuracy-verified, objection-decided, subject-consent, legal-claims-concluded' },
    ]);
    expect(failureOf(() => groundsOf('Erase', 'erase', { ground: 'accuracy-verified', requestReference: 'R-1' }))[0]!.field).toBe('ground');
  });
});
