import { londonDate } from '../../calendar/working-days.ts';
import { effectiveAt, type Preceding } from '../../shared/domain/effective-time.ts';
import { assertNever, type CommandMetadata } from '../../shared/domain/decider.ts';
import { changedDetails } from '../../shared/domain/corrections.ts';
import { DomainRuleViolation, UnknownCasePart } from '../../shared/domain/errors.ts';
import { isNonBlankText, refuseUnstorableText } from '../../shared/domain/storable-text.ts';
import { caseNote } from '../../shared/domain/case-note.ts';
import { givenLink, messageFromPage, revokedLink } from '../../shared/domain/status-link.ts';
import { recordedDemographics } from '../../shared/domain/demographics.events.ts';
import type { AllegationAdded, AllegationSubjectDetails, ComplainantDetails, ComplainantUpdated, ComplaintChannel, ComplaintEvent, ComplaintSubject } from './complaint.events.ts';
import { recordComplainantMessageDelivered, recordComplainantMessageFailed, sendComplainantUpdate } from './complainant-messages.decide.ts';
import { evolveComplaint, handlingFinished, laterUpdateDue, initialComplaint, reviewBodyOf, concernsChiefOfficer, type Allegation, type Complaint, type LoggedComplaint } from './complaint.state.ts';
import { CRITERION_WORDS, IOPC_REFERRAL_CRITERIA, metCriteria, RECORDING_CRITERIA, type Criterion } from './criteria.ts';
import { CONTACT_TARGET_WORKING_DAYS, longRunningReportDue, nextUpdateDueAfter, onCalendar, OUTCOME_NOTIFICATION_WORKING_DAYS, reviewWindowAfter } from './deadlines.ts';
import type {
  AcceptLateReviewRequest,
  ComplaintCommand,
  DiscontinueRepetitive,
  ContactComplainant,
  CorrectAllegationCategory,
  CorrectAllegationSubject,
  CorrectComplainantDetails,
  DecideOutcome,
  DecideReview,
  HandleOutsideSchedule3,
  LogComplaint,
  NewAllegation,
  NotifyOutcome,
  RecordComplainantDemographics,
  RecordComplaint,
  RecordIopcReviewDecision,
  ReferComplaint,
  ReportLongRunning,
  RequestReview,
  ResolveOutsideSchedule3,
  UpdateComplainant,
  WithdrawComplaint,
} from './complaint.commands.ts';

export type * from './complaint.commands.ts';

export function decideComplaint(command: ComplaintCommand, state: Complaint): ComplaintEvent[] {
  refuseUnstorableText(command);
  switch (command.type) {
    case 'LogComplaint':
      return log(command, state);
    case 'CorrectComplainantDetails':
      return correctComplainant(command, open(state));
    case 'CorrectAllegationCategory':
      return correctAllegationCategory(command, open(state));
    case 'CorrectAllegationSubject':
      return correctAllegationSubject(command, open(state));
    case 'ContactComplainant':
      return contact(command, open(state));
    case 'HandleOutsideSchedule3':
      return handleOutside(command, open(state));
    case 'ResolveOutsideSchedule3':
      return resolve(command, open(state));
    case 'RecordComplaint':
      return record(command, open(state));
    case 'ReferComplaint':
      return refer(command, open(state));
    case 'UpdateComplainant':
      return update(command, open(state));
    case 'SendComplainantUpdate':
      return sendComplainantUpdate(command, open(state));
    case 'RecordComplainantMessageDelivered':
      return recordComplainantMessageDelivered(command, logged(state));
    case 'RecordComplainantMessageFailed':
      return recordComplainantMessageFailed(command, logged(state));
    case 'DecideOutcome':
      return decideOutcome(command, open(state));
    case 'NotifyOutcome':
      return notifyOutcome(command, open(state));
    case 'RequestReview':
      return requestReview(command, open(state));
    case 'DecideReview':
      return decideReview(command, open(state));
    case 'RecordIopcReviewDecision':
      return recordIopcReviewDecision(command, open(state));
    case 'ReportLongRunning':
      return reportLongRunning(command, open(state));
    case 'WithdrawComplaint':
      return withdraw(command, open(state));
    case 'DiscontinueRepetitive':
      return discontinueRepetitive(command, open(state));
    case 'AcceptLateReviewRequest':
      return acceptLateReviewRequest(command, open(state));
    case 'RecordDemographics':
      return recordDemographics(command, logged(state));
    case 'AddCaseNote': {
      const complaint = logged(state);
      return [{ type: 'ComplaintNoteAdded', data: { complaintId: complaint.id, ...caseNote(command, complaint.complainant.subjectId, handlingFinished(complaint)) } }];
    }
    case 'GiveStatusLink': {
      const complaint = logged(state);
      return [{ type: 'ComplainantStatusLinkGiven', data: { complaintId: complaint.id, ...givenLink(command, complaint.complainant.subjectId) } }];
    }
    case 'RevokeStatusLink': {
      const complaint = logged(state);
      return [{ type: 'ComplainantStatusLinkRevoked', data: { complaintId: complaint.id, ...revokedLink(command, complaint.statusLink) } }];
    }
    case 'SendMessageFromStatusPage': {
      const complaint = logged(state);
      return [{ type: 'ComplaintNoteFromComplainantAdded', data: { complaintId: complaint.id, ...messageFromPage(command, complaint.statusLink, handlingFinished(complaint)) } }];
    }
    default:
      return assertNever(command);
  }
}

function log(command: LogComplaint, state: Complaint): ComplaintEvent[] {
  if (state.status !== 'none') throw new DomainRuleViolation('complaint-already-logged', 'This complaint has already been logged');
  if (!isNonBlankText(command.complainant?.name)) throw new DomainRuleViolation('complainant-name-required', "A complaint needs the complainant's name");
  if (Number.isNaN(Date.parse(command.receivedAt))) throw new DomainRuleViolation('receipt-time-required', 'A complaint needs the time it was received');
  notInFuture(command.receivedAt, command.metadata, 'received-in-future', 'A complaint can only be logged once it has been received');
  if (command.incidentDate && command.incidentDate > londonDate(command.receivedAt)) {
    throw new DomainRuleViolation('incident-after-receipt', 'The incident date cannot be after the complaint was received');
  }
  const { type: _type, calendar, metadata: _metadata, demographics, ...details } = command;
  const loggedEvent: ComplaintEvent = { type: 'ComplaintLogged', data: { ...details, contactDueBy: calendar.dueAfter(command.receivedAt, CONTACT_TARGET_WORKING_DAYS) } };
  if (!demographics) return [loggedEvent];
  // Answered on logging: recorded alongside, as the same answers would be later.
  const complaint = evolveComplaint(initialComplaint(), loggedEvent) as LoggedComplaint;
  return [loggedEvent, ...recordDemographics({ type: 'RecordDemographics', ...demographics, metadata: command.metadata }, complaint)];
}

/** The age band is the complainant's on the day of the incident, else the day the complaint was received. */
function recordDemographics(command: RecordComplainantDemographics, complaint: LoggedComplaint): ComplaintEvent[] {
  const incidentDay = complaint.incidentDate ?? londonDate(complaint.receivedAt);
  const dateOfBirth = command.dateOfBirth ?? null;
  if (dateOfBirth !== null && dateOfBirth > incidentDay) throw new DomainRuleViolation('born-after-incident', 'The date of birth cannot be after the incident');
  const person = { subjectId: complaint.complainant.subjectId, dateOfBirth, offenceDay: incidentDay, current: complaint.demographics ?? null };
  return [{ type: 'ComplainantDemographicsRecorded', data: { complaintId: complaint.id, ...recordedDemographics(command, person) } }];
}

function logged(state: Complaint): LoggedComplaint {
  if (state.status === 'none') throw new DomainRuleViolation('complaint-not-logged', 'There is no complaint with this id');
  return state;
}

function open(state: Complaint): LoggedComplaint {
  const complaint = logged(state);
  if (complaint.withdrawal) throw new DomainRuleViolation('complaint-withdrawn', 'The complaint was withdrawn: nothing more can be done on it');
  return complaint;
}

function notInFuture(at: string, metadata: CommandMetadata, rule: string, message: string): void {
  if (Date.parse(at) > metadata.now.getTime()) throw new DomainRuleViolation(rule, message);
}

function notBefore(at: string, earliest: string, rule: string, message: string): void {
  if (Date.parse(at) < Date.parse(earliest)) throw new DomainRuleViolation(rule, message);
}

function contact(command: ContactComplainant, state: LoggedComplaint): ComplaintEvent[] {
  notInFuture(command.at, command.metadata, 'contact-in-future', 'A contact can only be recorded once it has been made');
  notBefore(command.at, state.receivedAt, 'contact-before-receipt', 'The complainant cannot have been contacted before the complaint was received');
  const workingDaysFromReceipt = command.calendar.workingDaysBetween(londonDate(state.receivedAt), londonDate(command.at));
  const data = { complaintId: state.id, subjectId: state.complainant.subjectId, at: command.at, channel: command.channel, views: command.views, workingDaysFromReceipt };
  return [{ type: 'ComplainantContacted', data }];
}

function allegationsAdded(state: LoggedComplaint, allegations: readonly NewAllegation[], addedAt: string): AllegationAdded[] {
  return allegations.map((allegation, index) => ({
    type: 'AllegationAdded',
    data: {
      complaintId: state.id,
      allegationId: String(state.allegations.length + index + 1),
      complainantSubjectId: state.complainant.subjectId,
      ...allegation,
      subject: knownSubject(state, allegation.subject) ?? allegation.subject,
      addedAt,
    },
  }));
}

/** The same person named again keeps one data subject id, so an erasure finds all their data. */
function knownSubject(state: LoggedComplaint, subject: ComplaintSubject): ComplaintSubject | undefined {
  if (subject.identifier === null) return undefined;
  const named = [...state.subjects, ...state.allegations.map((allegation) => allegation.subject)];
  return named.find((candidate) => candidate.kind === subject.kind && candidate.identifier === subject.identifier);
}

const describeCriteria = (criteria: readonly Criterion[]) => criteria.map((criterion) => `${CRITERION_WORDS[criterion]} (${criterion})`).join('; ');

function handleOutside(command: HandleOutsideSchedule3, state: LoggedComplaint): ComplaintEvent[] {
  if (state.route !== 'untriaged') throw new DomainRuleViolation('already-triaged', `The complaint has already been triaged (${state.route})`);
  if (state.wantsRecording) {
    throw new DomainRuleViolation('complainant-wants-recording', 'The complainant wants the complaint recorded: it must be recorded under Schedule 3');
  }
  const criteria = metCriteria(command.allegations.map((allegation) => allegation.criteria), RECORDING_CRITERIA);
  if (criteria.length > 0) {
    throw new DomainRuleViolation('mandatory-recording-criterion', `The complaint must be recorded under Schedule 3: it alleges ${describeCriteria(criteria)}`);
  }
  const startedAt = effectiveAt(command, 'handled', [[state.receivedAt, 'receipt']]);
  return [
    { type: 'HandlingOutsideSchedule3Started', data: { complaintId: state.id, startedAt, nextUpdateDue: nextUpdateDueAfter(startedAt) } },
    ...allegationsAdded(state, command.allegations, startedAt),
  ];
}

function resolve(command: ResolveOutsideSchedule3, state: LoggedComplaint): ComplaintEvent[] {
  if (state.route !== 'outside-schedule-3') {
    throw new DomainRuleViolation('not-handled-outside-schedule-3', 'Only a complaint being handled outside Schedule 3 can be resolved that way');
  }
  if (state.resolution) throw new DomainRuleViolation('already-resolved', 'The complaint has already been resolved outside Schedule 3');
  const data = {
    complaintId: state.id,
    subjectId: state.complainant.subjectId,
    summary: command.summary,
    complainantSatisfied: command.complainantSatisfied,
    resolvedAt: effectiveAt(command, 'resolved', [[state.handlingStartedAt, 'handling']]),
  };
  return [{ type: 'ResolvedOutsideSchedule3', data }];
}

function record(command: RecordComplaint, state: LoggedComplaint): ComplaintEvent[] {
  if (state.recording) throw new DomainRuleViolation('already-recorded', 'The complaint is already recorded under Schedule 3');
  if (command.reason === 'dissatisfied-with-initial-handling' && state.resolution?.complainantSatisfied !== false) {
    throw new DomainRuleViolation(
      'complainant-not-dissatisfied',
      'Recording for dissatisfaction with initial handling needs a resolution outside Schedule 3 the complainant was not satisfied with',
    );
  }
  const allegations = [...state.allegations, ...command.allegations];
  if (allegations.length === 0) throw new DomainRuleViolation('allegations-required', 'A recorded complaint needs at least one allegation');
  if (command.reason === 'mandatory-criteria' && metCriteria(allegations.map((allegation) => allegation.criteria), RECORDING_CRITERIA).length === 0) {
    throw new DomainRuleViolation('no-mandatory-criterion', 'No allegation meets a mandatory recording criterion: give the reason the complaint is recorded for');
  }
  // Recorded after informal handling (the complainant asked, or was not satisfied): not before that handling or its resolution.
  const recordedAt = effectiveAt(command, 'recorded', [[state.receivedAt, 'receipt'], [state.handlingStartedAt, 'handling'], [state.resolution?.at, 'resolution']]);
  return [
    { type: 'ComplaintRecorded', data: { complaintId: state.id, reason: command.reason, recordedAt, nextUpdateDue: nextUpdateDueAfter(recordedAt) } },
    ...allegationsAdded(state, command.allegations, recordedAt),
  ];
}

/** The criteria that oblige referral to the IOPC; a complaint about a chief officer always does. */
export function iopcReferralCriteria(state: LoggedComplaint): Criterion[] {
  const met = metCriteria(state.allegations.map((allegation) => allegation.criteria), IOPC_REFERRAL_CRITERIA);
  return concernsChiefOfficer(state) && !met.includes('chiefOfficer') ? [...met, 'chiefOfficer'] : met;
}

function refer(command: ReferComplaint, state: LoggedComplaint): ComplaintEvent[] {
  if (!state.recording) throw new DomainRuleViolation('not-recorded', 'Only a complaint recorded under Schedule 3 is referred to the PSD or the IOPC');
  if (state.outcome) throw new DomainRuleViolation('outcome-already-decided', 'The outcome has already been decided');
  if (state.referrals.some((referral) => referral.to === command.to)) {
    throw new DomainRuleViolation('already-referred', `The complaint has already been referred to the ${command.to.toUpperCase()}`);
  }
  const mandatory = iopcReferralCriteria(state);
  if (command.to === 'psd' && mandatory.length > 0) {
    throw new DomainRuleViolation('iopc-referral-mandatory', `The complaint must be referred to the IOPC: it involves ${describeCriteria(mandatory)}`);
  }
  if (command.to === 'psd' && state.referrals.some((referral) => referral.to === 'iopc')) {
    throw new DomainRuleViolation('already-referred', 'The complaint has already been referred to the IOPC');
  }
  const referredAt = effectiveAt(command, 'referred', [[state.recording.at, 'recording'], ...state.referrals.map((referral): Preceding => [referral.at, 'earlier-referral'])]);
  const common = { complaintId: state.id, subjectId: state.complainant.subjectId, reason: command.reason, referredAt };
  return command.to === 'iopc' ? [{ type: 'ReferredToIopc', data: { ...common, mandatoryCriteria: mandatory } }] : [{ type: 'ReferredToPsd', data: common }];
}

function update(command: UpdateComplainant, state: LoggedComplaint): ComplaintEvent[] {
  checkUpdatesDue(state);
  notInFuture(command.at, command.metadata, 'update-in-future', 'An update can only be recorded once it has been given');
  notBefore(command.at, state.receivedAt, 'update-before-receipt', 'An update cannot precede the complaint');
  return [complainantUpdated(state, command.at, command.channel, command.summary)];
}

export function checkUpdatesDue(state: LoggedComplaint): void {
  if (state.route === 'untriaged') throw new DomainRuleViolation('handling-not-started', 'Progress updates are due once handling has started');
  if (handlingFinished(state)) throw new DomainRuleViolation('handling-finished', 'Handling has finished: no more progress updates are due');
}

export function complainantUpdated(state: LoggedComplaint, at: string, channel: ComplaintChannel, summary: string): ComplainantUpdated {
  const nextUpdateDue = laterUpdateDue(state.updates.nextDue, nextUpdateDueAfter(at));
  return { type: 'ComplainantUpdated', data: { complaintId: state.id, subjectId: state.complainant.subjectId, at, channel, summary, nextUpdateDue } };
}

function decideOutcome(command: DecideOutcome, state: LoggedComplaint): ComplaintEvent[] {
  if (!state.recording) throw new DomainRuleViolation('not-recorded', 'Only a complaint recorded under Schedule 3 has an outcome decided');
  if (state.referrals.length === 0) throw new DomainRuleViolation('not-referred', 'The complaint must be referred to the PSD or the IOPC before its outcome');
  if (state.outcome) throw new DomainRuleViolation('outcome-already-decided', 'The outcome has already been decided');
  notInFuture(command.decidedAt, command.metadata, 'decided-in-future', 'An outcome can only be recorded once it has been decided');
  // Officers often record an outcome after the fact; it still follows the complaint, its recording and its referral.
  notBefore(command.decidedAt, state.receivedAt, 'decided-before-receipt', 'The outcome cannot be decided before the complaint was received');
  notBefore(command.decidedAt, state.recording.at, 'decided-before-recording', 'The outcome cannot be decided before the complaint was recorded');
  notBefore(command.decidedAt, state.referrals[0]!.at, 'decided-before-referral', 'The outcome cannot be decided before the complaint was referred');
  const notifyBy = command.calendar.dueAfter(command.decidedAt, OUTCOME_NOTIFICATION_WORKING_DAYS);
  return [{ type: 'OutcomeDecided', data: { complaintId: state.id, result: command.result, learning: command.learning, decidedAt: command.decidedAt, notifyBy } }];
}

function notifyOutcome(command: NotifyOutcome, state: LoggedComplaint): ComplaintEvent[] {
  if (!state.outcome) throw new DomainRuleViolation('outcome-not-decided', 'The outcome has not been decided yet');
  if (state.outcome.notifiedAt) throw new DomainRuleViolation('outcome-already-notified', 'The complainant has already been told the outcome');
  notInFuture(command.at, command.metadata, 'notified-in-future', 'The notification can only be recorded once it has been given');
  notBefore(command.at, state.outcome.decidedAt, 'notified-before-decision', 'The complainant cannot be told the outcome before it was decided');
  const { notifyBy } = onCalendar(state, command.calendar).outcome!;
  const data = { complaintId: state.id, at: command.at, notifiedInTime: londonDate(command.at) <= notifyBy, reviewWindow: reviewWindowAfter(command.at) };
  return [{ type: 'OutcomeNotified', data }];
}

function requestReview(command: RequestReview, state: LoggedComplaint): ComplaintEvent[] {
  const { closes } = reviewWindowOf(command, state);
  if (londonDate(command.receivedAt) > closes) {
    throw new DomainRuleViolation('review-window-closed', `The review window closed on ${closes}: 28 days starting the day after the outcome was given; a supervisor may accept a late request for an exceptional reason`);
  }
  return [reviewRequested(command, state)];
}

/** Accepted after the 28 days only: a request in time needs no supervisor. */
function acceptLateReviewRequest(command: AcceptLateReviewRequest, state: LoggedComplaint): ComplaintEvent[] {
  const { closes } = reviewWindowOf(command, state);
  if (londonDate(command.receivedAt) <= closes) throw new DomainRuleViolation('review-request-in-time', `The review window is open until ${closes}: record the request as received in time`);
  if (!isNonBlankText(command.reason)) throw new DomainRuleViolation('exceptional-reason-required', 'A late review request is accepted only for a stated exceptional reason');
  const data = { complaintId: state.id, subjectId: state.complainant.subjectId, reason: command.reason, supervisor: command.supervisor, acceptedAt: command.metadata.now.toISOString() };
  return [{ type: 'LateReviewRequestAccepted', data }, reviewRequested(command, state)];
}

/** What any review request needs: an outcome told, no review yet, a receipt neither in the future nor before the outcome. */
function reviewWindowOf(command: { receivedAt: string; metadata: CommandMetadata }, state: LoggedComplaint): { closes: string } {
  if (!state.outcome?.notifiedAt || !state.reviewWindow) {
    throw new DomainRuleViolation('outcome-not-notified', 'A review can be requested once the complainant has been told the outcome');
  }
  if (state.review) throw new DomainRuleViolation('review-already-requested', 'A review has already been requested');
  notInFuture(command.receivedAt, command.metadata, 'received-in-future', 'A review request can only be recorded once it has been received');
  notBefore(command.receivedAt, state.outcome.notifiedAt, 'review-before-outcome', 'A review request cannot precede the outcome it challenges');
  return state.reviewWindow;
}

function reviewRequested(command: { receivedAt: string }, state: LoggedComplaint): ComplaintEvent {
  const { body, reasons } = reviewBodyOf(state);
  return { type: 'ReviewRequested', data: { complaintId: state.id, receivedAt: command.receivedAt, reviewBody: body, iopcReasons: reasons } };
}

function decideReview(command: DecideReview, state: LoggedComplaint): ComplaintEvent[] {
  if (!state.review) throw new DomainRuleViolation('review-not-requested', 'No review has been requested');
  if (state.review.body !== 'pcc') {
    throw new DomainRuleViolation(
      'review-body-is-iopc',
      `The IOPC, not the PCC, reviews this complaint (${state.review.iopcReasons.join(', ')}): record the IOPC's decision with iopc-review-decision`,
    );
  }
  if (state.review.decision) throw new DomainRuleViolation('review-already-decided', 'The review has already been decided');
  const data = { complaintId: state.id, upheld: command.upheld, recommendations: command.recommendations, decidedAt: effectiveAt(command, 'decided', [[state.review.receivedAt, 'review-request']]) };
  return [{ type: 'ReviewDecided', data }];
}

function recordIopcReviewDecision(command: RecordIopcReviewDecision, state: LoggedComplaint): ComplaintEvent[] {
  if (!state.review) throw new DomainRuleViolation('review-not-requested', 'No review has been requested');
  if (state.review.body !== 'iopc') throw new DomainRuleViolation('review-body-is-pcc', 'The PCC reviews this complaint: record its decision with review-decision');
  if (state.review.decision) throw new DomainRuleViolation('review-already-decided', 'The review has already been decided');
  notInFuture(command.receivedAt, command.metadata, 'received-in-future', "The IOPC's decision can only be recorded once it has been received");
  notBefore(command.receivedAt, state.review.receivedAt, 'decision-before-review-request', 'The IOPC cannot have decided a review before it was requested');
  const { upheld, recommendations, receivedAt } = command;
  return [{ type: 'IopcReviewDecisionReceived', data: { complaintId: state.id, subjectId: state.complainant.subjectId, upheld, recommendations, receivedAt } }];
}

function reportLongRunning(command: ReportLongRunning, state: LoggedComplaint): ComplaintEvent[] {
  if (!state.recording || !state.longRunning) throw new DomainRuleViolation('not-recorded', 'Only a recorded complaint is reported as long-running');
  if (state.outcome) throw new DomainRuleViolation('outcome-already-decided', 'The outcome has been decided: the complaint is no longer running');
  notInFuture(command.at, command.metadata, 'reported-in-future', 'A report can only be recorded once it has been made');
  const due = state.longRunning.nextReportDue;
  if (londonDate(command.at) < due) throw new DomainRuleViolation('long-running-report-not-due', `The next report to the PCC is not due until ${due}`);
  const reportNumber = state.longRunning.reportsMade + 1;
  const data = { complaintId: state.id, reportNumber, at: command.at, nextReportDue: longRunningReportDue(state.receivedAt, reportNumber + 1) };
  return [{ type: 'LongRunningReportMade', data }];
}

function withdraw(command: WithdrawComplaint, state: LoggedComplaint): ComplaintEvent[] {
  const withdrawnAt = endedAt(command, state, 'withdrawn');
  const data = { complaintId: state.id, subjectId: state.complainant.subjectId, reason: command.reason, withdrawnAt };
  return [{ type: 'ComplaintWithdrawn', data }];
}

/** Ends the complaint like a withdrawal, naming the complaint it repeats: another one, logged no later. */
function discontinueRepetitive(command: DiscontinueRepetitive, state: LoggedComplaint): ComplaintEvent[] {
  const earlier = command.earlierComplaint;
  if (earlier.id === state.id) throw new DomainRuleViolation('repetitive-of-itself', 'A complaint cannot repeat itself: name the earlier complaint');
  if (Date.parse(earlier.receivedAt) > Date.parse(state.receivedAt)) {
    throw new DomainRuleViolation('repetitive-of-later-complaint', 'The complaint it repeats must have been received before this one');
  }
  const discontinuedAt = endedAt(command, state, 'discontinued');
  const data = { complaintId: state.id, subjectId: state.complainant.subjectId, earlierComplaintId: earlier.id, reason: command.reason, discontinuedAt };
  return [{ type: 'RepetitiveComplaintDiscontinued', data }];
}

/** When handling ends without an outcome: only before one, and not before what it follows. */
function endedAt(command: { at?: string; metadata: CommandMetadata }, state: LoggedComplaint, step: string): string {
  if (state.outcome) throw new DomainRuleViolation('outcome-already-decided', `The outcome has been decided: the complaint can no longer be ${step}`);
  if (handlingFinished(state)) throw new DomainRuleViolation('handling-finished', 'The complaint was resolved: there is nothing left to end');
  return effectiveAt(command, step, [[state.receivedAt, 'receipt'], [state.handlingStartedAt, 'handling'], [state.recording?.at, 'recording']]);
}

function correctComplainant(command: CorrectComplainantDetails, state: LoggedComplaint): ComplaintEvent[] {
  const { subjectId, ...current } = state.complainant;
  const corrected = changedDetails<ComplainantDetails>(command.corrected, current);
  if (corrected.name === null || corrected.name?.trim() === '') throw new DomainRuleViolation('complainant-name-required', "A complaint needs the complainant's name");
  return [{ type: 'ComplainantDetailsCorrected', data: { complaintId: state.id, subjectId, corrected, reason: command.reason, correctedAt: command.metadata.now.toISOString() } }];
}

function allegationOf(state: LoggedComplaint, allegationId: string): Allegation {
  const allegation = state.allegations.find((candidate) => candidate.allegationId === allegationId);
  if (!allegation) throw new UnknownCasePart('allegation', allegationId);
  return allegation;
}

function correctAllegationCategory(command: CorrectAllegationCategory, state: LoggedComplaint): ComplaintEvent[] {
  const allegation = allegationOf(state, command.allegationId);
  const corrected = changedDetails({ category: command.category }, { category: allegation.category }) as { category: string };
  const data = { complaintId: state.id, allegationId: allegation.allegationId, complainantSubjectId: state.complainant.subjectId, corrected, reason: command.reason, correctedAt: command.metadata.now.toISOString() };
  return [{ type: 'AllegationCategoryCorrected', data }];
}

function correctAllegationSubject(command: CorrectAllegationSubject, state: LoggedComplaint): ComplaintEvent[] {
  const { subjectId, ...current } = allegationOf(state, command.allegationId).subject;
  const corrected = changedDetails<AllegationSubjectDetails>(command.corrected, current);
  const data = { complaintId: state.id, allegationId: command.allegationId, subjectId, corrected, reason: command.reason, correctedAt: command.metadata.now.toISOString() };
  return [{ type: 'AllegationSubjectCorrected', data }];
}

export const complaintDecider = {
  initialState: initialComplaint,
  evolve: evolveComplaint,
  decide: decideComplaint,
};
