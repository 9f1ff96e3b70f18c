import type { ComplaintEvent } from '../../src/complaints/domain/complaint.events.ts';
import type { ReferralEvent } from '../../src/referrals/domain/referral.events.ts';
import type { ResolutionEvent } from '../../src/resolutions/domain/resolution.events.ts';
import type { CaseNote } from '../../src/shared/domain/case-note.ts';

type CaseEvent = ReferralEvent | ComplaintEvent | ResolutionEvent;
type Summaries = { [Type in CaseEvent['type']]?: (data: Extract<CaseEvent, { type: Type }>['data']) => string };

const yesNo = (flag: boolean, yes: string, no: string) => (flag ? yes : no);
const noteSummary = (note: CaseNote) => yesNo(note.onClosedCase, 'Note added after the case was closed', 'Note added');

/**
 * What each event says in words, from its non-personal fields only (ids from the configured lists, statuses,
 * channels, user ids): a summary is shown to everyone who reads the case and is never erased.
 */
const SUMMARIES: Summaries = {
  ReferralReceived: (data) => `Referral received from ${data.source === 'self' ? 'the victim' : `a ${data.source} referrer`}`,
  CaseManagerAssigned: (data) => `Assigned to ${data.caseManager}`,
  NeedsAssessed: (data) => `Needs assessed: ${data.riskLevel} risk${yesNo(data.enhanced, ', enhanced entitlement', '')}`,
  SupportDeclined: (data) => `Support declined (${data.reason})`,
  CaseClosed: (data) => `Case closed (${data.reason})`,
  ContactContractAgreed: (data) => `Contact agreed: ${data.frequency} by ${data.channel}`,
  ContactMade: (data) => `Contact made by ${data.channel}`,
  ContactAttemptFailed: (data) => `Contact attempt by ${data.channel} failed (${data.consecutiveFailures} in a row)`,
  ServiceReferralMade: (data) => `Referred to the service ${data.service}`,
  ServiceReferralOutcomeRecorded: (data) => `Service referral ${data.outcome}`,
  VpsStatusRecorded: (data) => `Victim Personal Statement ${data.status}`,
  VpsStatusCorrected: (data) => `Victim Personal Statement corrected from ${data.from} to ${data.status}`,
  RestorativeJusticeStatusRecorded: (data) => `Restorative justice: ${data.status}`,
  RestorativeJusticeStatusCorrected: (data) => `Restorative justice corrected from ${data.from} to ${data.status}`,
  CriminalJusticeEventLearned: (data) => `Criminal-justice update learned (${data.kind}), victim to be told by ${data.dueBy}`,
  VictimUpdated: (data) => `Victim told of a criminal-justice update by ${data.channel}${yesNo(data.onTime, '', ', late')}`,
  ReferralNoteAdded: noteSummary,
  VictimStatusLinkGiven: (data) => `Status link given to the victim, working until ${data.expiresAt}`,
  VictimStatusLinkRevoked: () => 'Status link revoked',
  ReferralNoteFromVictimAdded: () => 'Message from the victim, sent from their status page',
  ComplaintLogged: (data) => `Complaint ${data.reference} logged (${data.channel})`,
  ComplainantContacted: (data) => `Complainant contacted by ${data.channel}`,
  HandlingOutsideSchedule3Started: () => 'Handling outside Schedule 3 started',
  AllegationAdded: (data) => `Allegation added (${data.category}) about a ${data.subject.kind}`,
  AllegationSubjectCorrected: (data) => `Allegation's subject corrected${data.corrected.kind ? ` (${data.corrected.kind})` : ''}`,
  ResolvedOutsideSchedule3: (data) => `Resolved outside Schedule 3, complainant ${yesNo(data.complainantSatisfied, 'satisfied', 'not satisfied')}`,
  ComplaintRecorded: (data) => `Complaint recorded (${data.reason})`,
  ReferredToPsd: () => 'Referred to Professional Standards',
  ReferredToIopc: () => 'Referred to the IOPC',
  ComplainantUpdated: (data) => `Complainant updated by ${data.channel}`,
  OutcomeDecided: (data) => `Outcome decided: ${data.result}`,
  OutcomeNotified: (data) => `Complainant told the outcome${yesNo(data.notifiedInTime, '', ', late')}`,
  ReviewRequested: (data) => `Review requested (${data.reviewBody === 'iopc' ? 'the IOPC' : 'the PCC'} reviews)`,
  ReviewDecided: (data) => `Review decided: ${yesNo(data.upheld, 'upheld', 'not upheld')}`,
  IopcReviewDecisionReceived: (data) => `IOPC review decision received: ${yesNo(data.upheld, 'upheld', 'not upheld')}`,
  LongRunningReportMade: (data) => `Long-running report ${data.reportNumber} made`,
  ComplaintNoteAdded: noteSummary,
  ComplainantStatusLinkGiven: (data) => `Status link given to the complainant, working until ${data.expiresAt}`,
  ComplainantStatusLinkRevoked: () => 'Status link revoked',
  ComplaintNoteFromComplainantAdded: () => 'Message from the complainant, sent from their status page',
  RepetitiveComplaintDiscontinued: (data) => `Discontinued as a repetition of complaint ${data.earlierComplaintId}`,
  LateReviewRequestAccepted: (data) => `Review request accepted after the 28 days by ${data.supervisor}`,
  CommunityResolutionProposed: () => 'Community Resolution proposed',
  SupervisorDecisionRecorded: (data) => `Supervisor ${data.supervisor} decided ${yesNo(data.proceed, 'to proceed', 'not to proceed')}`,
  RemedyAgreed: (data) => `Remedy agreed (${data.remedyType}), due ${data.dueDate}`,
  RemedyCompleted: () => 'Remedy completed',
  RemedyFailed: () => 'Remedy failed',
  VictimInformed: (data) => `Victim told of the ${data.about} by ${data.channel}`,
  CommunityResolutionClosed: (data) => `Community Resolution closed (${data.outcome})`,
  ResolutionNoteAdded: noteSummary,
};

/** The event's name in words where nothing more needs saying: `SupportAccepted` reads "Support accepted". */
function inWords(type: string): string {
  const words = type.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function summaryOf(type: string, data: unknown): string {
  const summary = SUMMARIES[type as CaseEvent['type']] as ((data: unknown) => string) | undefined;
  return summary ? summary(data) : inWords(type);
}
