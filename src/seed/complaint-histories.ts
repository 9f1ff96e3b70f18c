import { randomUUID } from 'node:crypto';
import { addDays, londonDate } from '../calendar/working-days.ts';
import { complaintReference, complaintStream } from '../complaints/complaint-stream.ts';
import { complaintDecider, iopcReferralCriteria, type ComplaintCommand, type NewAllegation } from '../complaints/domain/complaint.decide.ts';
import type { ComplaintChannel, ComplaintEvent, ComplaintSubject, OutcomeResult } from '../complaints/domain/complaint.events.ts';
import type { Complaint } from '../complaints/domain/complaint.state.ts';
import { metCriteria, NO_CRITERIA, RECORDING_CRITERIA, type CriteriaFlags, type Criterion } from '../complaints/domain/criteria.ts';
import type { Actor } from '../event-store/event-store.port.ts';
import type { Settings } from '../settings/settings.ts';
import { CaseHistory } from './case-history.ts';
import { activeIds, weightsOf } from './configured-lists.ts';
import { inventPerson } from './people.ts';
import type { Random } from './random.ts';
import type { WorkingTime } from './working-time.ts';

/**
 * Shares after the IOPC's annual complaints statistics: most allegations are about the delivery of
 * duties and service, few about conduct serious enough to oblige recording; roughly half of complaints
 * are handled outside Schedule 3, and most recorded ones go to the force's Professional Standards Department.
 */
const CATEGORY_WEIGHTS: Record<string, number> = {
  'delivery-of-duties-and-service': 45, 'police-powers-policies-and-procedures': 16, 'individual-behaviours': 12, 'handling-of-property': 6,
  'access-and-disclosure-of-information': 6, 'discreditable-conduct': 4, 'discriminatory-behaviour': 4, 'use-of-police-vehicles': 3,
  'abuse-of-position-corruption': 1.5, 'sexual-conduct': 0.5, other: 2,
};
/** What an allegation in each category may amount to, and how often it does. */
const CRITERIA_BY_CATEGORY: Record<string, { criteria: Criterion[]; share: number }> = {
  'police-powers-policies-and-procedures': { criteria: ['criminalOrDisciplinary'], share: 0.15 },
  'individual-behaviours': { criteria: ['criminalOrDisciplinary'], share: 0.25 },
  'discreditable-conduct': { criteria: ['criminalOrDisciplinary'], share: 0.6 },
  'discriminatory-behaviour': { criteria: ['criminalOrDisciplinary', 'discrimination'], share: 0.5 },
  'abuse-of-position-corruption': { criteria: ['criminalOrDisciplinary', 'seriousCorruption'], share: 0.8 },
  'sexual-conduct': { criteria: ['criminalOrDisciplinary', 'seriousSexualOffence'], share: 0.7 },
  'use-of-police-vehicles': { criteria: ['deathOrSeriousInjury'], share: 0.05 },
};
const CHANNEL_WEIGHTS: Record<ComplaintChannel, number> = { online: 40, email: 25, phone: 20, letter: 8, 'in-person': 4, 'social-media': 3 };
const OUTCOME_WEIGHTS: Record<OutcomeResult, number> = { 'service-acceptable': 62, 'service-not-acceptable': 23, 'unable-to-determine': 15 };
const SUMMARIES = [
  'Officers did not attend after a burglary was reported',
  'No update on a reported assault for several weeks',
  'Property seized at arrest was not returned',
  'Rude and dismissive manner at the front counter',
  'Stopped and searched without explanation',
  'Personal details shared with a neighbour',
  'Police car driven dangerously through a residential street',
  'Call to 101 went unanswered for over an hour',
];
const CRT_OFFICERS = ['crt-01', 'crt-02', 'crt-03', 'crt-04', 'crt-05'];
const HISTORY_DAYS = 365;

type ComplaintHistory = CaseHistory<Complaint, ComplaintCommand, ComplaintEvent>;
type Step = Parameters<ComplaintHistory['decide']>[2];

export function complaintHistory(random: Random, time: WorkingTime, settings: Settings, now: Date, historyDays = HISTORY_DAYS): ComplaintHistory {
  const complaintId = randomUUID();
  const history: ComplaintHistory = new CaseHistory(complaintStream(complaintId), complaintDecider, now);
  const actor: Actor = { sub: random.pick(CRT_OFFICERS), roles: ['crt_officer'] };
  const receivedAt = time.within(historyDays, now);
  let clock = receivedAt;
  const step = (workingDays: number, command: Step) => {
    clock = time.after(clock, workingDays);
    return history.decide(clock, actor, command);
  };
  const channel = random.weighted(CHANNEL_WEIGHTS);
  const categories = weightsOf(activeIds(settings, 'complaintCategories'), CATEGORY_WEIGHTS);
  const allegations = Array.from({ length: Number(random.weighted({ 1: 70, 2: 22, 3: 8 })) }, () => allegation(random, categories));
  const subjects = distinctSubjects(allegations);
  const serious = metCriteria(allegations.map((each) => each.criteria), RECORDING_CRITERIA).length > 0;
  const wantsRecording = random.chance(0.3);
  const person = inventPerson(random);

  history.decide(receivedAt, actor, (metadata) => ({
    type: 'LogComplaint',
    complaintId,
    reference: complaintReference(complaintId),
    receivedAt: receivedAt.toISOString(),
    channel,
    complainant: { subjectId: randomUUID(), name: person.name, email: channel === 'letter' ? null : person.email, phone: random.chance(0.7) ? person.phone : null, address: random.chance(0.5) ? person.address : null },
    summary: random.pick(SUMMARIES),
    incidentDate: random.chance(0.9) ? addDays(londonDate(receivedAt), -random.int(0, 30)) : null,
    subjects,
    wantsRecording,
    calendar: settings.calendar,
    metadata,
  }));
  const contactChannel = channel === 'letter' || channel === 'social-media' ? 'phone' : channel;
  if (!step(random.chance(0.85) ? random.int(0, 2) : random.int(3, 6), (metadata) => ({ type: 'ContactComplainant', at: metadata.now.toISOString(), channel: contactChannel, views: 'Wants an explanation and an apology', calendar: settings.calendar, metadata }))) return history;

  if (!serious && !wantsRecording) {
    if (!step(random.int(0, 2), (metadata) => ({ type: 'HandleOutsideSchedule3', allegations, metadata }))) return history;
    if (random.chance(0.04)) return withdraw(history, step, random);
    const satisfied = random.chance(0.8);
    if (!step(random.int(3, 15), (metadata) => ({ type: 'ResolveOutsideSchedule3', summary: 'Explained what happened and apologised for the delay', complainantSatisfied: satisfied, metadata }))) return history;
    if (satisfied || random.chance(0.5)) return history;
    if (!step(random.int(2, 10), (metadata) => ({ type: 'RecordComplaint', reason: 'dissatisfied-with-initial-handling', allegations: [], metadata }))) return history;
  } else {
    const reason = serious ? 'mandatory-criteria' : 'complainant-request';
    if (!step(random.int(1, 5), (metadata) => ({ type: 'RecordComplaint', reason, allegations, metadata }))) return history;
  }
  return investigate(history, step, random, settings);
}

/** A recorded complaint: referred, updated every four weeks, decided, told, and sometimes reviewed. */
function investigate(history: ComplaintHistory, step: (workingDays: number, command: Step) => boolean, random: Random, settings: Settings): ComplaintHistory {
  const state = history.state;
  if (state.status === 'none') return history;
  const to = iopcReferralCriteria(state).length > 0 ? 'iopc' : 'psd';
  if (!step(random.int(1, 5), (metadata) => ({ type: 'ReferComplaint', to, reason: to === 'iopc' ? 'Meets the mandatory referral criteria' : 'For investigation by Professional Standards', metadata }))) return history;
  if (random.chance(0.03)) return withdraw(history, step, random);
  for (let updates = to === 'iopc' ? random.int(2, 8) : random.int(0, 4); updates > 0; updates--) {
    // Four weeks are twenty working days; an update a day or two early keeps the complaint on time.
    if (!step(random.chance(0.85) ? random.int(17, 20) : random.int(21, 25), (metadata) => ({ type: 'UpdateComplainant', at: metadata.now.toISOString(), channel: 'email', summary: 'The investigation is continuing', metadata }))) return history;
  }
  const result = random.weighted(OUTCOME_WEIGHTS);
  const learning = result === 'service-not-acceptable' ? 'Supervisors to remind officers of the duty to update victims' : null;
  if (!step(random.int(5, 15), (metadata) => ({ type: 'DecideOutcome', result, learning, decidedAt: metadata.now.toISOString(), calendar: settings.calendar, metadata }))) return history;
  if (!step(random.chance(0.9) ? random.int(0, 4) : random.int(6, 9), (metadata) => ({ type: 'NotifyOutcome', at: metadata.now.toISOString(), calendar: settings.calendar, metadata }))) return history;
  if (!random.chance(result === 'service-acceptable' ? 0.2 : 0.08)) return history;
  if (!step(random.int(1, 15), (metadata) => ({ type: 'RequestReview', receivedAt: metadata.now.toISOString(), metadata }))) return history;
  const review = history.state.status === 'logged' ? history.state.review : null;
  if (review?.body === 'pcc') step(random.int(10, 30), (metadata) => ({ type: 'DecideReview', upheld: random.chance(0.2), recommendations: null, metadata }));
  if (review?.body === 'iopc') step(random.int(40, 120), (metadata) => ({ type: 'RecordIopcReviewDecision', upheld: random.chance(0.2), recommendations: null, receivedAt: metadata.now.toISOString(), metadata }));
  return history;
}

function withdraw(history: ComplaintHistory, step: (workingDays: number, command: Step) => boolean, random: Random): ComplaintHistory {
  step(random.int(1, 10), (metadata) => ({ type: 'WithdrawComplaint', reason: 'The complainant no longer wishes to pursue it', metadata }));
  return history;
}

function allegation(random: Random, categories: Record<string, number>): NewAllegation {
  const category = random.weighted(categories);
  const rule = CRITERIA_BY_CATEGORY[category];
  const criteria: CriteriaFlags = { ...NO_CRITERIA };
  if (rule && random.chance(rule.share)) for (const criterion of rule.criteria) criteria[criterion] = true;
  return { category, description: `Allegation about ${category.replaceAll('-', ' ')}`, subject: subjectFor(random), criteria };
}

/** Mostly a named officer (by collar number), sometimes staff or the force as a whole, rarely the chief officer. */
function subjectFor(random: Random): ComplaintSubject {
  const kind = random.weighted({ officer: 70, staff: 12, force: 17, 'chief-officer': 1 });
  const identifier = kind === 'officer' ? `PC ${random.int(1000, 9999)}` : kind === 'staff' ? `Staff ${random.int(100, 999)}` : kind === 'chief-officer' ? 'Chief Constable' : null;
  return { subjectId: randomUUID(), kind, identifier };
}

function distinctSubjects(allegations: readonly NewAllegation[]): ComplaintSubject[] {
  const seen = new Map<string, ComplaintSubject>();
  for (const { subject } of allegations) seen.set(subject.identifier ?? subject.subjectId, subject);
  return [...seen.values()];
}
