import { describe, expect, it } from '@jest/globals';
import { ruleOf } from '../../shared/domain/rule-violations.testing.ts';
import { dataSubjectDecider } from './data-subject.decide.ts';

const metadata = { now: new Date('2026-03-02T10:00:00Z') };

describe('decisions about a data subject', () => {
  it('records an erasure with its reason', () => {
    const events = dataSubjectDecider.decide({ type: 'Erase', subjectId: 's-1', reason: 'DSAR-17', metadata }, dataSubjectDecider.initialState());
    expect(events).toEqual([{ type: 'PersonalDataErased', data: { subjectId: 's-1', reason: 'DSAR-17', erasedAt: '2026-03-02T10:00:00.000Z' } }]);
  });

  it('refuses a reason no store can hold, whoever sends it', () => {
    expect(ruleOf(() => dataSubjectDecider.decide({ type: 'Erase', subjectId: 's-1', reason: 'DSAR\u0000', metadata }, dataSubjectDecider.initialState()))).toBe('unstorable-text');
  });
});
