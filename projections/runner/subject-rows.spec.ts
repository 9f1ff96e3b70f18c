import { describe, expect, it } from '@jest/globals';
import { createEventCatalog } from '../../src/event-store/known-events.ts';
import type { RecordedEvent } from '../../src/event-store/event-store.port.ts';
import type { Projection, ReadModelRow } from './projection.ts';
import { withSubjectsOf } from './subject-rows.ts';

const catalog = createEventCatalog();
const received: RecordedEvent = {
  id: 'e1',
  stream: 'referral-r1',
  revision: 0,
  position: 1n,
  recordedAt: new Date('2026-03-02T10:00:00Z'),
  type: 'ReferralReceived',
  schemaVersion: 2,
  data: { referralId: 'r1', crimeReference: 'CR-1', victim: { subjectId: 'v1', name: 'Ann' } },
  metadata: { actor: { sub: 'cm', roles: ['case_manager'] }, correlationId: 'c', causationId: 'c' },
};
const assigned: RecordedEvent = { ...received, id: 'e2', revision: 1, position: 2n, type: 'CaseManagerAssigned', data: { referralId: 'r1', caseManager: 'cm-1' } };
const projection = { holdsPersonalData: true } as Projection;

describe('withSubjectsOf', () => {
  it("marks a row with its event's subjects (the victim's and the case's own) and stream", () => {
    const row = withSubjectsOf(projection, undefined, { id: 'r1' }, received, catalog);
    expect(row).toEqual({ id: 'r1', subject_ids: ['r1', 'v1'], streams: ['referral-r1'] });
  });

  it('leaves the marks of an event that adds no subject and no stream as they were, without copying them', () => {
    const before = withSubjectsOf(projection, undefined, { id: 'r1' }, received, catalog)!;
    const after: ReadModelRow = { ...before, status: 'assigned' };
    const marked = withSubjectsOf(projection, before, after, assigned, catalog)!;
    expect(marked).toBe(after);
    expect(marked.subject_ids).toBe(before.subject_ids);
  });

  it('copies the row it was given back rather than marking it in place: that row is still the older one elsewhere', () => {
    const before: ReadModelRow = { id: 'r1', subject_ids: ['r1'], streams: ['referral-r1'] };
    const marked = withSubjectsOf(projection, before, before, received, catalog)!;
    expect(marked).not.toBe(before);
    expect(before).toEqual({ id: 'r1', subject_ids: ['r1'], streams: ['referral-r1'] });
    expect(marked.subject_ids).toEqual(['r1', 'v1']);
  });
});
