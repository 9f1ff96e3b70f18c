import { randomUUID } from 'node:crypto';
import { londonDate } from '../calendar/working-days.ts';
import type { Actor } from '../event-store/event-store.port.ts';
import { referralDecider, type ReferralCommand } from '../referrals/domain/referral.decide.ts';
import type { ReferralEvent, ReferralSource, RiskLevel } from '../referrals/domain/referral.events.ts';
import { proposePriorityGroups } from '../referrals/domain/priority-groups.ts';
import type { Referral } from '../referrals/domain/referral.state.ts';
import { referralStream } from '../referrals/referral-stream.ts';
import type { CrimeType } from '../settings/domain/crime-types.ts';
import type { Settings } from '../settings/settings.ts';
import { CaseHistory } from './case-history.ts';
import { dateOfBirthFor, inventPerson } from './people.ts';
import type { Random } from './random.ts';
import type { WorkingTime } from './working-time.ts';

/**
 * Shares that make the demo look like the office's year: about a quarter of referred victims in a priority
 * group (the office runs near 26% against 20% nationally), some 30% declining support, mostly for wanting to
 * move on or being supported elsewhere.
 */
const CRIME_TYPE_WEIGHTS: Record<string, number> = {
  'domestic-abuse': 11, 'sexual-offence': 4, 'hate-crime': 3, harassment: 3, stalking: 1.5, 'wounding-with-intent': 0.5,
  assault: 16, theft: 16, burglary: 13, 'criminal-damage': 10, fraud: 9, robbery: 4, 'anti-social-behaviour': 7, other: 2,
};
const SOURCE_WEIGHTS: Record<ReferralSource, number> = { police: 78, self: 14, partner: 8 };
const RISK_WEIGHTS: Record<RiskLevel, number> = { standard: 62, medium: 28, high: 10 };
const DECLINE_REASON_WEIGHTS: Record<string, number> = { 'wants-to-move-on': 40, 'supported-elsewhere': 22, 'no-longer-needed': 25, 'no-safe-contact': 5, other: 8 };
const SERVICE_BY_CRIME_TYPE: Record<string, string> = { 'domestic-abuse': 'idva', 'sexual-offence': 'isva', 'hate-crime': 'outreach' };
const UNDER_18_SHARE = 0.04;
export const CASE_MANAGERS = Array.from({ length: 12 }, (_, index) => `cm-${String(index + 1).padStart(2, '0')}`);
const HISTORY_DAYS = 365;

type ReferralHistory = CaseHistory<Referral, ReferralCommand, ReferralEvent>;
type Step = (workingDays: number, command: Parameters<ReferralHistory['decide']>[2]) => boolean;

/** Where every journey starts: received, given a case manager, needs assessed. */
export interface AssessedReferral {
  history: ReferralHistory;
  /** Decides the next command `workingDays` after the previous one, as the assigned case manager. */
  step: Step;
  /** When the last step was decided. */
  clock: () => Date;
  actor: Actor;
  crimeType: CrimeType;
  source: ReferralSource;
  riskLevel: RiskLevel;
  enhanced: boolean;
  /** False when the assessment would lie after now: the journey stops there. */
  assessed: boolean;
}

export interface ReferralShape {
  caseManagers: readonly string[];
  historyDays: number;
}

const OFFICE: ReferralShape = { caseManagers: CASE_MANAGERS, historyDays: HISTORY_DAYS };

export function assessedReferral(random: Random, time: WorkingTime, settings: Settings, now: Date, shape: ReferralShape = OFFICE): AssessedReferral {
  const referralId = randomUUID();
  const history: ReferralHistory = new CaseHistory(referralStream(referralId), referralDecider, now);
  const crimeType = settings.crimeType(random.weighted(CRIME_TYPE_WEIGHTS)) ?? settings.crimeTypes[0]!;
  const source = random.weighted(SOURCE_WEIGHTS);
  const receivedAt = time.within(shape.historyDays, now);
  const offenceDate = londonDate(new Date(receivedAt.getTime() - random.int(1, 20) * 86_400_000));
  const person = inventPerson(random);
  const dateOfBirth = dateOfBirthFor(random, random.chance(UNDER_18_SHARE) ? random.int(12, 17) : random.int(18, 85), offenceDate);
  let clock = receivedAt;
  let actor: Actor = { sub: random.pick(shape.caseManagers), roles: ['case_manager'] };
  const step: Step = (workingDays, command) => {
    clock = time.after(clock, workingDays);
    return history.decide(clock, actor, command);
  };

  history.decide(receivedAt, actor, (metadata) => ({
    type: 'ReceiveReferral',
    referralId,
    source,
    crimeReference: source === 'police' ? `41/${random.int(10000, 99999)}/${offenceDate.slice(2, 4)}` : null,
    crimeType,
    offenceDate,
    crimeReportedOn: source === 'police' ? offenceDate : null,
    victim: { subjectId: randomUUID(), name: person.name, dateOfBirth, phone: person.phone, email: random.chance(0.6) ? person.email : null, address: person.address },
    // Police may refer some crime types only with explicit consent; the others mostly come with it too.
    consent: { contact: true, dataSharing: random.chance(0.85), basis: crimeType.explicitConsentRequired || random.chance(0.8) ? 'explicit' : 'implied' },
    metadata,
  }));
  const caseManager = random.pick(shape.caseManagers);
  actor = { sub: caseManager, roles: ['case_manager'] };
  step(random.int(0, 1), (metadata) => ({ type: 'AssignCaseManager', caseManager, assignedBy: { userId: caseManager, supervisor: false }, metadata }));
  const priorityGroups = proposePriorityGroups(crimeType, dateOfBirth, offenceDate);
  const riskLevel = random.weighted(RISK_WEIGHTS);
  const needs = random.some(['emotional', 'practical', 'safety', 'health', 'financial', 'housing', 'criminal-justice-information'], random.int(1, 3));
  const assessed = step(random.int(1, 2), (metadata) => ({ type: 'AssessNeeds', needs, riskLevel, priorityGroups, overrideReason: null, crimeTypes: settings.crimeTypes, metadata }));
  return { history, step, clock: () => clock, actor, crimeType, source, riskLevel, enhanced: priorityGroups.length > 0, assessed };
}

export function referralHistory(random: Random, time: WorkingTime, settings: Settings, now: Date): ReferralHistory {
  const { history, step, clock, actor, crimeType, source, riskLevel, enhanced, assessed } = assessedReferral(random, time, settings, now);
  if (!assessed) return history;
  if (random.chance(0.3)) {
    const reason = random.weighted(DECLINE_REASON_WEIGHTS);
    step(random.int(0, 2), (metadata) => ({ type: 'DeclineSupport', reason, metadata }));
    step(random.int(1, 3), (metadata) => ({ type: 'CloseCase', reason: 'declined', failureThreshold: settings.contactFailureThreshold, metadata }));
    return history;
  }
  step(0, (metadata) => ({ type: 'AcceptSupport', metadata }));
  const frequency = enhanced || riskLevel === 'high' ? 'weekly' : random.pick(['fortnightly', 'monthly'] as const);
  const channel = random.weighted({ phone: 70, sms: 12, email: 12, 'in-person': 6 });
  step(0, (metadata) => ({ type: 'AgreeContactContract', frequency, channel, safeTimes: random.chance(0.3) ? 'Weekdays after 5pm' : null, metadata }));
  const service = SERVICE_BY_CRIME_TYPE[crimeType.id] ?? random.pick(['counselling', 'outreach']);
  if (history.state.status !== 'none' && history.state.consent.dataSharing && (SERVICE_BY_CRIME_TYPE[crimeType.id] || random.chance(0.25))) {
    const serviceReferralId = randomUUID();
    step(random.int(1, 5), (metadata) => ({ type: 'MakeServiceReferral', serviceReferralId, service, metadata }));
    step(random.int(2, 8), (metadata) => ({ type: 'RecordServiceReferralOutcome', serviceReferralId, outcome: random.chance(0.85) ? 'accepted' : 'declined', metadata }));
  }
  const contactGap = { weekly: 5, fortnightly: 10, monthly: 21 }[frequency];
  let failures = 0;
  for (let contact = random.int(1, 6); contact > 0; contact--) {
    const made = random.chance(0.8);
    failures = made ? 0 : failures + 1;
    if (!step(contactGap + random.int(-1, 1), (metadata) => ({ type: 'RecordContact', outcome: made ? 'made' : 'failed', channel, at: metadata.now.toISOString(), note: null, failureThreshold: settings.contactFailureThreshold, metadata }))) return history;
    if (failures >= settings.contactFailureThreshold) {
      step(random.int(1, 3), (metadata) => ({ type: 'CloseCase', reason: 'unable-to-contact', failureThreshold: settings.contactFailureThreshold, metadata }));
      return history;
    }
    if (contact === 2 && source === 'police' && random.chance(0.4)) recordCharge(history, random, time, settings, clock, actor);
  }
  step(random.int(3, 10), (metadata) => ({ type: 'CloseCase', reason: random.chance(0.9) ? 'support-completed' : 'transferred', failureThreshold: settings.contactFailureThreshold, metadata }));
  return history;
}

/** A charge learned from the police and passed on to the victim within the Victims' Code deadline, mostly. */
function recordCharge(history: ReferralHistory, random: Random, time: WorkingTime, settings: Settings, clock: () => Date, actor: Actor): void {
  const cjEventId = randomUUID();
  const learnedAt = clock();
  if (!history.decide(learnedAt, actor, (metadata) => ({ type: 'LearnCriminalJusticeEvent', cjEventId, kind: 'charge', learnedAt: learnedAt.toISOString(), calendar: settings.calendar, crimeTypes: settings.crimeTypes, metadata }))) return;
  const toldAt = time.after(learnedAt, random.chance(0.9) ? random.int(0, 3) : random.int(6, 9));
  history.decide(toldAt, actor, (metadata) => ({ type: 'RecordVictimUpdate', cjEventId, at: toldAt.toISOString(), channel: 'phone', calendar: settings.calendar, metadata }));
}
