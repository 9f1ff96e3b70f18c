import { describe, expect, it } from '@jest/globals';
import { fold } from '../../shared/domain/decider.ts';
import { ageBandAt, ETHNIC_GROUPS, ETHNICITIES } from '../../shared/domain/demographics.ts';
import type { RecordDemographics } from '../../shared/domain/demographics.events.ts';
import { ruleOf } from '../../shared/domain/rule-violations.testing.ts';
import { referralDecider } from './referral.decide.ts';
import { referralReceived } from './referral.testing.ts';

const metadata = { now: new Date('2026-03-10T10:00:00Z') };
const record = (changes: Partial<RecordDemographics> = {}): RecordDemographics => ({ type: 'RecordDemographics', gender: 'woman', ethnicity: 'white-irish', disability: 'no', metadata, ...changes });
const victimBorn = (dateOfBirth: string | null) => ({ subjectId: 's-1', name: 'Ann Example', dateOfBirth, phone: null, email: null, address: null });

describe("a victim's equality-monitoring answers", () => {
  it('lists the 19 ONS 2021 ethnic categories in 5 groups, and lets the victim decline', () => {
    expect(Object.keys(ETHNIC_GROUPS)).toHaveLength(5);
    expect(ETHNICITIES.filter((ethnicity) => ethnicity !== 'prefer-not-to-say')).toHaveLength(19);
  });

  it('bands the age at the offence, a birthday on the day counting', () => {
    expect(ageBandAt('2008-06-01', '2026-05-31')).toBe('0-17');
    expect(ageBandAt('2008-06-01', '2026-06-01')).toBe('18-24');
    expect(ageBandAt('1961-01-01', '2026-01-01')).toBe('65+');
    expect(ageBandAt(null, '2026-01-01')).toBe('unknown');
  });

  it('records the answers with the age band on the offence date, else the day the crime was reported', () => {
    const onOffence = referralReceived({ offenceDate: '2026-02-01', crimeReportedOn: '2026-02-20', victim: victimBorn('2001-02-10') });
    expect(referralDecider.decide(record(), fold(referralDecider, [onOffence]))).toEqual([
      { type: 'ReferralDemographicsRecorded', data: { referralId: 'r-1', subjectId: 's-1', gender: 'woman', ethnicity: 'white-irish', disability: 'no', ageBand: '18-24', recordedAt: '2026-03-10T10:00:00.000Z' } },
    ]);
    const onReport = referralReceived({ crimeReportedOn: '2026-02-20', victim: victimBorn('2001-02-10') });
    expect(referralDecider.decide(record(), fold(referralDecider, [onReport]))[0]!.data).toMatchObject({ ageBand: '25-34' });
  });

  it('replaces earlier answers, and refuses the same answers again or a value outside its list', () => {
    const history = [referralReceived(), ...referralDecider.decide(record(), fold(referralDecider, [referralReceived()]))];
    const state = fold(referralDecider, history);
    expect(referralDecider.decide(record({ disability: 'prefer-not-to-say' }), state)[0]!.data).toMatchObject({ disability: 'prefer-not-to-say', gender: 'woman' });
    expect(ruleOf(() => referralDecider.decide(record(), state))).toBe('demographics-unchanged');
    expect(ruleOf(() => referralDecider.decide(record({ ethnicity: 'martian' as never }), state))).toBe('demographic-not-in-list');
  });

  it('records answers given on intake alongside the referral', () => {
    const receive = referralDecider.decide(
      { type: 'ReceiveReferral', referralId: 'r-2', source: 'self', crimeReference: null, crimeType: { id: 'burglary', label: 'Burglary', explicitConsentRequired: false, priorityGroup: null } as never, offenceDate: '2026-02-01', crimeReportedOn: null, victim: victimBorn(null), consent: { contact: true, dataSharing: true, basis: 'implied' }, demographics: { gender: 'man', ethnicity: 'other-arab', disability: 'yes' }, metadata },
      fold(referralDecider, []),
    );
    expect(receive.map((event) => event.type)).toEqual(['ReferralReceived', 'ReferralDemographicsRecorded']);
    expect(receive[1]!.data).toMatchObject({ referralId: 'r-2', gender: 'man', ethnicity: 'other-arab', disability: 'yes', ageBand: 'unknown' });
  });
});
