import { describe, expect, it } from '@jest/globals';
import { englandAndWalesCalendar } from '../../calendar/england-and-wales.ts';
import { fold } from '../../shared/domain/decider.ts';
import { ruleOf } from '../../shared/domain/rule-violations.testing.ts';
import type { ReferralCommand, SendVictimMessage } from './referral.commands.ts';
import { referralDecider } from './referral.decide.ts';
import type { ReferralEvent } from './referral.events.ts';
import { nextSafeInstant, parseSafeTimes } from './safe-times.ts';

const now = new Date('2026-03-02T10:00:00Z');
const calendar = englandAndWalesCalendar();
const victim = { subjectId: 's-1', name: 'Ann Example', dateOfBirth: null, phone: '07700 900123', email: 'ann@example.org', address: '1 High St, St Albans, AL1 1AA' };
const received: ReferralEvent = {
  type: 'ReferralReceived',
  data: { referralId: 'r-1', source: 'self', crimeReference: null, crimeTypeId: 'burglary', offenceDate: null, crimeReportedOn: null, victim, consent: { contact: true, dataSharing: false, basis: 'explicit' }, receivedAt: '2026-03-01T09:00:00.000Z' },
};
const contract = (channel: 'email' | 'sms' | 'letter', safeTimes: string | null = null): ReferralEvent => ({
  type: 'ContactContractAgreed',
  data: { referralId: 'r-1', subjectId: 's-1', frequency: 'weekly', channel, safeTimes, agreedAt: '2026-03-01T09:00:00.000Z', nextContactDue: '2026-03-08T09:00:00.000Z' },
});
const learned: ReferralEvent = {
  type: 'CriminalJusticeEventLearned',
  data: { referralId: 'r-1', cjEventId: 'cj-1', kind: 'charge', learnedAt: '2026-03-02T09:00:00.000Z', dueBy: '2026-03-09', enhanced: false },
};
const send = (overrides: Partial<SendVictimMessage> = {}): SendVictimMessage => ({
  type: 'SendVictimMessage',
  messageId: 'm-1',
  kind: 'cj-update',
  cjEventId: 'cj-1',
  channel: 'email',
  templateId: 'template-1',
  personalisation: { first_name: 'Ann' },
  metadata: { now },
  ...overrides,
});

const given = (events: ReferralEvent[]) => fold(referralDecider, events);
const whenThen = (history: ReferralEvent[], command: ReferralCommand) => referralDecider.decide(command, given(history));
const queuedFrom = (history: ReferralEvent[], command = send()) => [...history, ...whenThen(history, command)];

describe('sending the victim a message', () => {
  it('queues it to the address on file, with the template configured, to go at once when no safe times were agreed', () => {
    const [event] = whenThen([received, contract('email'), learned], send());
    expect(event).toEqual({
      type: 'VictimMessageQueued',
      data: { referralId: 'r-1', messageId: 'm-1', subjectId: 's-1', kind: 'cj-update', cjEventId: 'cj-1', channel: 'email', templateId: 'template-1', recipient: 'ann@example.org', personalisation: { first_name: 'Ann' }, queuedAt: now.toISOString(), sendAfter: now.toISOString() },
    });
  });

  it('addresses a letter to the victim by name at their postal address', () => {
    const [event] = whenThen([received, contract('letter')], send({ kind: 'contact', cjEventId: null, channel: 'letter' }));
    expect(event).toMatchObject({ data: { recipient: 'Ann Example\n1 High St, St Albans, AL1 1AA' } });
  });

  it('refuses what the contact contract does not allow, naming the rule', () => {
    const noConsent: ReferralEvent = { ...received, data: { ...(received.data as object), consent: { contact: false, dataSharing: false, basis: 'explicit' } } } as ReferralEvent;
    expect(ruleOf(() => whenThen([noConsent, learned], send()))).toBe('no-consent-to-contact');
    expect(ruleOf(() => whenThen([received, learned], send()))).toBe('no-contact-contract');
    expect(ruleOf(() => whenThen([received, contract('sms'), learned], send()))).toBe('channel-not-agreed');
    expect(ruleOf(() => whenThen([received, contract('email', 'Not when her partner is home'), learned], send()))).toBe('safe-times-unreadable');
    expect(ruleOf(() => whenThen([received, contract('email'), learned], send({ templateId: null })))).toBe('no-template-for-message');
    const noEmail: ReferralEvent = { ...received, data: { ...(received.data as object), victim: { ...victim, email: null } } } as ReferralEvent;
    expect(ruleOf(() => whenThen([noEmail, contract('email'), learned], send()))).toBe('no-recipient-on-file');
  });

  it('waits for the next safe window, in London time', () => {
    const [event] = whenThen([received, contract('email', '18:00-20:00'), learned], send());
    // 10:00Z on 2 March is 10:00 in London (GMT): the window opens at 18:00.
    expect(event).toMatchObject({ data: { sendAfter: '2026-03-02T18:00:00.000Z' } });
  });

  it('passes an update on once: not while a message is on its way, nor once told', () => {
    const queued = queuedFrom([received, contract('email'), learned]);
    expect(ruleOf(() => whenThen(queued, send({ messageId: 'm-2' })))).toBe('update-message-pending');
    const delivered = [...queued, ...whenThen(queued, { type: 'RecordMessageDelivered', messageId: 'm-1', at: '2026-03-02T10:05:00.000Z', calendar, metadata: { now } })];
    expect(ruleOf(() => whenThen(delivered, send({ messageId: 'm-2' })))).toBe('victim-already-updated');
  });
});

describe("what Notify reports of a message", () => {
  const deliver = (messageId = 'm-1'): ReferralCommand => ({ type: 'RecordMessageDelivered', messageId, at: '2026-03-03T10:05:00.000Z', calendar, metadata: { now: new Date('2026-03-03T10:06:00Z') } });
  const fail = (threshold = 3): ReferralCommand => ({ type: 'RecordMessageFailed', messageId: 'm-1', reason: 'permanent-failure', at: '2026-03-02T10:05:00.000Z', failureThreshold: threshold, metadata: { now } });

  it('closes the update clock on delivery, once, however often the receipt comes', () => {
    const queued = queuedFrom([received, contract('email'), learned]);
    const events = whenThen(queued, deliver());
    expect(events.map((event) => event.type)).toEqual(['VictimMessageDelivered', 'VictimUpdated']);
    expect(events[1]).toMatchObject({ data: { cjEventId: 'cj-1', at: '2026-03-03T10:05:00.000Z', channel: 'email', onTime: true, workingDaysTaken: 1 } });
    expect(whenThen([...queued, ...events], deliver())).toEqual([]);
  });

  it('counts a delivered contact as a contact made, and a failure as a failed attempt towards unable to contact', () => {
    const queued = queuedFrom([received, contract('sms')], send({ kind: 'contact', cjEventId: null, channel: 'sms' }));
    expect(whenThen(queued, deliver()).map((event) => event.type)).toEqual(['VictimMessageDelivered', 'ContactMade']);
    const failed = whenThen(queued, fail(1));
    expect(failed).toEqual([
      { type: 'VictimMessageFailed', data: { referralId: 'r-1', messageId: 'm-1', reason: 'permanent-failure', failedAt: '2026-03-02T10:05:00.000Z' } },
      { type: 'ContactAttemptFailed', data: { referralId: 'r-1', subjectId: 's-1', channel: 'sms', at: '2026-03-02T10:05:00.000Z', note: null, consecutiveFailures: 1, unableToContact: true } },
    ]);
    expect(whenThen([...queued, ...failed], deliver())).toEqual([]);
  });
});

describe('safe times', () => {
  it('reads windows of the day and nothing else', () => {
    expect(parseSafeTimes('09:00-12:00, 18:00 - 20:30')).toEqual([{ from: 540, to: 720 }, { from: 1080, to: 1230 }]);
    expect(parseSafeTimes('Evenings')).toBeUndefined();
    expect(parseSafeTimes('9-5')).toBeUndefined();
  });

  it('sends at once inside a window, else at the next start, tomorrow if today\'s have passed, on London\'s clock in summer', () => {
    const windows = parseSafeTimes('09:00-12:00, 18:00-20:00')!;
    expect(nextSafeInstant(new Date('2026-07-01T09:30:00Z'), windows).toISOString()).toBe('2026-07-01T09:30:00.000Z');
    expect(nextSafeInstant(new Date('2026-07-01T12:30:00Z'), windows).toISOString()).toBe('2026-07-01T17:00:00.000Z');
    expect(nextSafeInstant(new Date('2026-07-01T20:15:30Z'), windows).toISOString()).toBe('2026-07-02T08:00:00.000Z');
  });
});
