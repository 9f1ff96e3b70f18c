import { describe, expect, it } from '@jest/globals';
import { fold } from '../../shared/domain/decider.ts';
import { ruleOf } from '../../shared/domain/rule-violations.testing.ts';
import type { ReferralCommand } from './referral.commands.ts';
import { referralDecider } from './referral.decide.ts';
import type { ReferralEvent } from './referral.events.ts';
import type { ReceivedReferral } from './referral.state.ts';
import { referralReceived } from './referral.testing.ts';

const now = new Date('2026-03-10T10:00:00Z');
const metadata = { now };
const history: ReferralEvent[] = [
  referralReceived(),
  { type: 'ContactContractAgreed', data: { referralId: 'r-1', subjectId: 's-1', frequency: 'weekly', channel: 'phone', safeTimes: null, agreedAt: '2026-03-01T10:00:00.000Z', nextContactDue: '2026-03-08T10:00:00.000Z' } },
];
const withdraw = (consent: 'contact' | 'dataSharing', at?: string): ReferralCommand => ({ type: 'WithdrawConsent', consent, reason: 'Not now', at, metadata });
const give = (consent: 'contact' | 'dataSharing'): ReferralCommand => ({ type: 'GiveConsent', consent, reason: 'Ready again', metadata });
/** The state after each command in turn. */
const after = (...commands: ReferralCommand[]) =>
  commands.reduce((events, command) => [...events, ...referralDecider.decide(command, fold(referralDecider, events))], history);
const stateAfter = (...commands: ReferralCommand[]) => fold(referralDecider, after(...commands)) as ReceivedReferral;

describe("a victim's consent withdrawn and given again", () => {
  it('stops the contact clock when contact consent is withdrawn, and restarts it one interval from when it is given again', () => {
    expect(stateAfter(withdraw('contact'))).toMatchObject({ consent: { contact: false }, contact: { nextDue: null }, consentChanges: [{ consent: 'contact', given: false, reason: 'Not now' }] });
    expect(stateAfter(withdraw('contact'), give('contact'))).toMatchObject({ consent: { contact: true }, contact: { nextDue: '2026-03-17T10:00:00.000Z' } });
  });

  it('refuses contacts without consent to contact, and service referrals without consent to share', () => {
    const contact = { type: 'RecordContact', outcome: 'made', channel: 'phone', at: now.toISOString(), note: null, failureThreshold: 3, metadata } as const;
    expect(ruleOf(() => referralDecider.decide(contact, stateAfter(withdraw('contact'))))).toBe('no-consent-to-contact');
    const service = { type: 'MakeServiceReferral', serviceReferralId: 'sr-1', service: 'idva', metadata } as const;
    expect(ruleOf(() => referralDecider.decide(service, stateAfter(withdraw('dataSharing'))))).toBe('no-consent-to-share');
    expect(referralDecider.decide(service, stateAfter(withdraw('dataSharing'), give('dataSharing')))[0]!.type).toBe('ServiceReferralMade');
  });

  it('refuses a consent withdrawn twice or given twice, and one dated before receipt', () => {
    expect(ruleOf(() => after(withdraw('contact'), withdraw('contact')))).toBe('consent-already-withdrawn');
    expect(ruleOf(() => after(give('dataSharing')))).toBe('consent-already-given');
    expect(ruleOf(() => after(withdraw('contact', '2026-02-28T09:00:00.000Z')))).toBe('withdrawn-before-receipt');
  });
});
