import { describe, expect, it } from '@jest/globals';
import { DEFAULT_CRIME_TYPES } from '../../settings/domain/crime-types.ts';
import { fold } from '../../shared/domain/decider.ts';
import { ruleOf } from '../../shared/domain/rule-violations.testing.ts';
import { proposalFor } from './priority-groups.ts';
import type { ReferralCommand } from './referral.commands.ts';
import { referralDecider } from './referral.decide.ts';
import type { ReferralEvent } from './referral.events.ts';
import type { ReceivedReferral } from './referral.state.ts';
import { referralReceived } from './referral.testing.ts';

const crimeType = (id: string) => DEFAULT_CRIME_TYPES.find((type) => type.id === id)!;
const metadata = { now: new Date('2026-03-02T10:00:00Z') };
const received = referralReceived({ offenceDate: '2026-02-27', victim: { subjectId: 's-1', name: 'Ann Example', dateOfBirth: '1980-01-01', phone: '07700 900123', email: null, address: null } });
const decide = (command: ReferralCommand, history: ReferralEvent[] = [received]) => referralDecider.decide(command, fold(referralDecider, history));
const fixed = (command: ReferralCommand) => fold(referralDecider, [received, ...decide(command)]) as ReceivedReferral;

describe('correcting a referral', () => {
  it("records only the victim's details that change, with the reason, and shows the new ones", () => {
    const events = decide({ type: 'CorrectVictimDetails', corrected: { name: 'Ann Example', phone: '07700 900999', email: null, address: 'New Road' }, reason: 'New number', metadata });
    expect(events).toEqual([
      { type: 'VictimDetailsCorrected', data: { referralId: 'r-1', subjectId: 's-1', corrected: { phone: '07700 900999', address: 'New Road' }, reason: 'New number', correctedAt: '2026-03-02T10:00:00.000Z' } },
    ]);
    const state = fold(referralDecider, [received, ...events]) as ReceivedReferral;
    expect(state.victim).toMatchObject({ name: 'Ann Example', phone: '07700 900999', address: 'New Road' });
    expect(state.corrections).toEqual([{ of: 'victim', fields: ['address', 'phone'], reason: 'New number', at: '2026-03-02T10:00:00.000Z' }]);
  });

  it('refuses a correction that changes nothing, a blank name or a birth after the offence', () => {
    expect(ruleOf(() => decide({ type: 'CorrectVictimDetails', corrected: { name: 'Ann Example', email: null }, reason: 'same', metadata }))).toBe('correction-changes-nothing');
    expect(ruleOf(() => decide({ type: 'CorrectCrimeDetails', crimeType: crimeType('burglary'), reason: 'same', metadata }))).toBe('correction-changes-nothing');
    expect(ruleOf(() => decide({ type: 'CorrectVictimDetails', corrected: { name: ' ' }, reason: 'blank', metadata }))).toBe('victim-name-required');
    expect(ruleOf(() => decide({ type: 'CorrectVictimDetails', corrected: { dateOfBirth: '2026-02-28' }, reason: 'later', metadata }))).toBe('born-after-offence');
  });

  it('moves the proposed priority groups with a corrected crime type', () => {
    const state = fixed({ type: 'CorrectCrimeDetails', crimeType: crimeType('stalking'), crimeReference: '41/1/26', reason: 'Wrong report', metadata });
    expect(state).toMatchObject({ crimeTypeId: 'stalking', crimeReference: '41/1/26', corrections: [{ of: 'crime', fields: ['crimeReference', 'crimeTypeId'] }] });
    expect(proposalFor(state, DEFAULT_CRIME_TYPES)).toEqual(['persistently-targeted']);
  });
});
