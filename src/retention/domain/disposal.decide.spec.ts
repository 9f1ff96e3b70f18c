import { describe, expect, it } from '@jest/globals';
import { fold } from '../../shared/domain/decider.ts';
import { ruleOf } from '../../shared/domain/rule-violations.testing.ts';
import { disposalDecider, type DisposeCase, type DueCase } from './disposal.decide.ts';

const due: DueCase = {
  caseKind: 'complaint',
  caseId: 'c1',
  closedAt: '2020-01-31T12:00:00.000Z',
  closureReason: 'withdrawn',
  dueOn: '2026-01-31',
  rule: { caseKind: 'complaint', closureReason: null, months: 72 },
};
const dispose = (overrides: Partial<DisposeCase> = {}): DisposeCase => ({ type: 'DisposeCase', caseId: 'c1', due, held: false, subjectIds: ['c1', 's1'], by: 'admin-1', now: new Date('2026-02-02T01:00:00Z'), ...overrides });

describe('disposal of a case under the retention schedule', () => {
  it('certifies a due case: what, when, under which rule, by whom', () => {
    expect(disposalDecider.decide(dispose(), disposalDecider.initialState())).toEqual([
      {
        type: 'CaseDisposed',
        data: { ...due, subjectIds: ['c1', 's1'], by: 'admin-1', disposedAt: '2026-02-02T01:00:00.000Z' },
      },
    ]);
  });

  it('disposes of a case once', () => {
    const disposed = fold(disposalDecider, disposalDecider.decide(dispose(), disposalDecider.initialState()));
    expect(disposed).toEqual({ status: 'disposed', at: '2026-02-02T01:00:00.000Z' });
    expect(ruleOf(() => disposalDecider.decide(dispose(), disposed))).toBe('already-disposed');
  });

  it('refuses a case under a legal hold, even one whose period has run, and a case not due', () => {
    expect(ruleOf(() => disposalDecider.decide(dispose({ held: true }), disposalDecider.initialState()))).toBe('legal-hold');
    expect(ruleOf(() => disposalDecider.decide(dispose({ due: null }), disposalDecider.initialState()))).toBe('not-due');
  });
});
