import { describe, expect, it } from '@jest/globals';
import { EventCatalog } from '../../event-store/event-catalog.ts';
import { ruleOf } from '../../shared/domain/rule-violations.testing.ts';
import { dataSubjectDecider, type DataSubjectCommand, type DataSubjectState } from './data-subject.decide.ts';
import { dataSubjectEventDefinitions } from './data-subject.events.ts';
import { ERASURE_GROUNDS, LIFT_GROUNDS, RESTRICTION_GROUNDS } from './data-subject-grounds.ts';

const metadata = { now: new Date('2026-03-02T10:00:00Z') };
const initial = dataSubjectDecider.initialState();
const restricted: DataSubjectState = { erased: false, restricted: true };
const decide = (command: Omit<DataSubjectCommand, 'metadata' | 'subjectId'>, state = initial) => dataSubjectDecider.decide({ subjectId: 's-1', metadata, ...command } as DataSubjectCommand, state);

describe('decisions about a data subject', () => {
  it('records an erasure with its ground and the request reference, and no free text', () => {
    expect(decide({ type: 'Erase', ground: 'art17-withdrawn-consent', requestReference: 'DSAR-2026-0142' })).toEqual([
      { type: 'PersonalDataErased', data: { subjectId: 's-1', ground: 'art17-withdrawn-consent', requestReference: 'DSAR-2026-0142', erasedAt: '2026-03-02T10:00:00.000Z' } },
    ]);
  });

  it('records a restriction and its lift with their own grounds', () => {
    expect(decide({ type: 'Restrict', ground: 'art18-accuracy-contested', requestReference: 'SAR/17.a_b' })).toEqual([
      { type: 'ProcessingRestricted', data: { subjectId: 's-1', ground: 'art18-accuracy-contested', requestReference: 'SAR/17.a_b', restrictedAt: '2026-03-02T10:00:00.000Z' } },
    ]);
    expect(decide({ type: 'LiftRestriction', ground: 'accuracy-verified', requestReference: 'SAR-17' }, restricted)).toEqual([
      { type: 'RestrictionLifted', data: { subjectId: 's-1', ground: 'accuracy-verified', requestReference: 'SAR-17', liftedAt: '2026-03-02T10:00:00.000Z' } },
    ]);
  });

  it("accepts each decision's every ground, and none of another decision's", () => {
    for (const ground of ERASURE_GROUNDS) expect(decide({ type: 'Erase', ground, requestReference: 'R-1' })[0]!.data).toMatchObject({ ground });
    for (const ground of RESTRICTION_GROUNDS) expect(decide({ type: 'Restrict', ground, requestReference: 'R-1' })[0]!.data).toMatchObject({ ground });
    for (const ground of LIFT_GROUNDS) expect(decide({ type: 'LiftRestriction', ground, requestReference: 'R-1' }, restricted)[0]!.data).toMatchObject({ ground });
    expect(ruleOf(() => decide({ type: 'Erase', ground: 'art18-unlawful-processing', requestReference: 'R-1' }))).toBe('ground-not-allowed');
    expect(ruleOf(() => decide({ type: 'Restrict', ground: 'art17-unlawful-processing', requestReference: 'R-1' }))).toBe('ground-not-allowed');
    expect(ruleOf(() => decide({ type: 'LiftRestriction', ground: 'art18-legal-claims', requestReference: 'R-1' }, restricted))).toBe('ground-not-allowed');
  });

  it('takes `not-recorded` only for an erasure whose request was lost, without a reference', () => {
    expect(decide({ type: 'Erase', ground: 'not-recorded', requestReference: null })[0]!.data).toMatchObject({ ground: 'not-recorded', requestReference: null });
    expect(ruleOf(() => decide({ type: 'Restrict', ground: 'not-recorded', requestReference: 'R-1' }))).toBe('ground-not-allowed');
    expect(ruleOf(() => decide({ type: 'LiftRestriction', ground: 'not-recorded', requestReference: 'R-1' }, restricted))).toBe('ground-not-allowed');
  });

  it('refuses a request reference that is prose or too long, whoever sends it', () => {
    for (const requestReference of ['Erasure for Jane Smith', '', '-DSAR-1', 'x'.repeat(41)]) {
      expect({ requestReference, rule: ruleOf(() => decide({ type: 'Erase', ground: 'art17-objection', requestReference })) }).toEqual({ requestReference, rule: 'invalid-request-reference' });
    }
    expect(decide({ type: 'Erase', ground: 'art17-objection', requestReference: 'x'.repeat(40) })).toHaveLength(1);
  });

  it('refuses a reference no store can hold, whoever sends it', () => {
    expect(ruleOf(() => decide({ type: 'Erase', ground: 'art17-objection', requestReference: 'DSAR\u0000' }))).toBe('unstorable-text');
  });

  it('refuses every decision once erased, and a restriction twice or a lift without one', () => {
    const erased = { erased: true, restricted: false };
    expect(ruleOf(() => decide({ type: 'Restrict', ground: 'art18-legal-claims', requestReference: 'R-1' }, erased))).toBe('already-erased');
    expect(ruleOf(() => decide({ type: 'Restrict', ground: 'art18-legal-claims', requestReference: 'R-1' }, restricted))).toBe('already-restricted');
    expect(ruleOf(() => decide({ type: 'LiftRestriction', ground: 'subject-consent', requestReference: 'R-1' }))).toBe('not-restricted');
  });
});

describe('decisions stored at schema version 1, with a free-text reason', () => {
  const catalog = new EventCatalog(dataSubjectEventDefinitions);
  const read = (type: string, reason: string, at: Record<string, string>) => catalog.toDomain({ type, schemaVersion: 1, data: { subjectId: 's-1', reason, ...at } });

  it('read with the ground not recorded and the reason as the reference where it reads as one', () => {
    expect(read('PersonalDataErased', 'DSAR-17', { erasedAt: '2026-03-02T10:00:00.000Z' })).toEqual({
      type: 'PersonalDataErased',
      data: { subjectId: 's-1', ground: 'not-recorded', requestReference: 'DSAR-17', erasedAt: '2026-03-02T10:00:00.000Z' },
    });
    expect(read('ProcessingRestricted', 'SAR/2026.4_b', { restrictedAt: '2026-03-02T10:00:00.000Z' }).data).toEqual({
      subjectId: 's-1',
      ground: 'not-recorded',
      requestReference: 'SAR/2026.4_b',
      restrictedAt: '2026-03-02T10:00:00.000Z',
    });
  });

  it('drop any other text: it may name the person, and only the stored version 1 event keeps it', () => {
    for (const reason of ['Erasure request from Jane Smith', 'With data subject s-2 of the case: SAR-1', 'x'.repeat(41), '-17', '']) {
      const { data } = read('RestrictionLifted', reason, { liftedAt: '2026-03-02T10:00:00.000Z' });
      expect({ reason, data }).toEqual({ reason, data: { subjectId: 's-1', ground: 'not-recorded', requestReference: null, liftedAt: '2026-03-02T10:00:00.000Z' } });
    }
  });

  it('fold as the decisions they were', () => {
    const events = [read('ProcessingRestricted', 'SAR-1', { restrictedAt: 'a' }), read('RestrictionLifted', 'SAR-1', { liftedAt: 'b' }), read('PersonalDataErased', 'SAR-1', { erasedAt: 'c' })];
    const states = events.map((_, index) => events.slice(0, index + 1).reduce((state, event) => dataSubjectDecider.evolve(state, event as never), initial));
    expect(states).toEqual([
      { erased: false, restricted: true },
      { erased: false, restricted: false },
      { erased: true, restricted: false },
    ]);
  });
});
