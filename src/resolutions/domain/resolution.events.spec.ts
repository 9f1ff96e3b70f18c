import { describe, expect, it } from '@jest/globals';
import { EventCatalog } from '../../event-store/event-catalog.ts';
import type { JsonObject } from '../../event-store/event-store.port.ts';
import { findPersonalData } from '../../personal-data/personal-data.ts';
import { resolutionDecider } from './resolution.decide.ts';
import { resolutionEventDefinitions } from './resolution.events.ts';

const now = new Date('2026-03-02T10:00:00Z');
const specsOf = (type: string) => resolutionEventDefinitions.find((definition) => definition.type === type)!.personalData;

describe('personal data in stored resolution events', () => {
  const [proposed] = resolutionDecider.decide(
    {
      type: 'ProposeResolution',
      resolutionId: 'cr-1',
      crimeReference: '41/1/26',
      offenceTypeId: 'criminal-damage',
      eligibleOffenceTypes: ['criminal-damage'],
      offenceDate: '2026-02-01',
      offender: { subjectId: 'o', name: 'Owen', dateOfBirth: '2010-01-01' },
      appropriateAdult: { subjectId: 'aa', name: 'Parent', relationship: 'mother' },
      evidenceSufficient: true,
      offenderAdmits: true,
      offenderAgrees: true,
      victims: [
        { subjectId: 'v1', name: 'Vic', contact: '07700 900001', consulted: true, views: 'Wants repair', consents: true },
        { subjectId: 'v2', name: 'Val', contact: null, consulted: false, views: null, consents: false },
      ],
      flags: { domesticAbuse: false, intimatePartner: false, hateCrime: false },
      rationale: 'First offence',
      metadata: { now },
    },
    { status: 'none' },
  );

  it("ties every name, date of birth and contact detail to its own data subject, and the free text to the case's", () => {
    const found = findPersonalData(proposed!.data as unknown as JsonObject, specsOf('CommunityResolutionProposed'));
    const bySubject = (subjectId: string) => found.filter((field) => field.subjectId === subjectId).map((field) => field.path);
    expect(bySubject('o')).toEqual(['offender.name', 'offender.dateOfBirth']);
    expect(bySubject('aa')).toEqual(['appropriateAdult.name', 'appropriateAdult.relationship']);
    expect(bySubject('v1')).toEqual(['victims.0.name', 'victims.0.contact']);
    expect(bySubject('v2')).toEqual(['victims.1.name', 'victims.1.contact']);
    expect(bySubject('cr-1')).toEqual(['crimeReference', 'rationale', 'victims.0.views', 'victims.1.views']);
  });

  it("opens a supervisor's reason typed into a proposal before version 2 where that version sealed it", () => {
    const decision = { resolutionId: 'cr-1', subjectId: 'o', proceed: true, reason: 'Second victim abroad', supervisor: 'sgt-1', decidedAt: now.toISOString() };
    expect(findPersonalData(decision, specsOf('SupervisorDecisionRecorded')).map((field) => [field.subjectId, field.path])).toEqual([['cr-1', 'reason']]);
    const stored = { ...(proposed!.data as unknown as JsonObject), supervisorDecision: { supervisor: 'Sgt Smith', reason: 'Second victim abroad' } };
    const catalog = new EventCatalog(resolutionEventDefinitions);
    expect(findPersonalData(stored, catalog.personalDataOf('CommunityResolutionProposed', 1)).map((field) => [field.subjectId, field.path])).toContainEqual(['o', 'supervisorDecision.reason']);
    const upcast = catalog.toDomain({ type: 'CommunityResolutionProposed', schemaVersion: 1, data: stored });
    expect(upcast.data).toMatchObject({ typedSupervisorDecision: { supervisor: 'Sgt Smith', reason: 'Second victim abroad' } });
  });

  it("seals the remedies' free text under the case", () => {
    const agreed = { resolutionId: 'cr-1', remedyId: 'r', subjectId: 'o', details: 'Repaint fence', overrideReason: 'No income' };
    const completed = { resolutionId: 'cr-1', remedyId: 'r', subjectId: 'o', evidence: 'Timesheet', excessHoursReason: 'Finished the fence' };
    const failed = { resolutionId: 'cr-1', remedyId: 'r', subjectId: 'o', reason: 'Moved away' };
    const sealed = (type: string, data: JsonObject) => findPersonalData(data, specsOf(type)).map((field) => [field.subjectId, field.path]);
    expect(sealed('RemedyAgreed', agreed)).toEqual([['cr-1', 'details'], ['cr-1', 'overrideReason']]);
    expect(sealed('RemedyCompleted', completed)).toEqual([['cr-1', 'evidence'], ['cr-1', 'excessHoursReason']]);
    expect(sealed('RemedyFailed', failed)).toEqual([['cr-1', 'reason']]);
  });
});

describe('stored resolution events of earlier versions', () => {
  it('reads a version-1 completion, which asked for no reason for extra hours, with none', () => {
    const stored = { resolutionId: 'cr-1', remedyId: 'r', subjectId: 'o', completedAt: '2026-03-02T10:00:00.000Z', evidence: 'Timesheet', hoursDone: 12, amountPaid: null, recordedAt: '2026-03-02T10:00:00.000Z' };
    expect(new EventCatalog(resolutionEventDefinitions).toDomain({ type: 'RemedyCompleted', schemaVersion: 1, data: stored }).data).toEqual({ ...stored, excessHoursReason: null });
  });
});
