import type { TimelineEntry } from '../../../../projections/timeline/case-timeline.projection.ts';
import type { Settings } from '../../../settings/settings.ts';
import type { Consent, ReferralSource } from '../../domain/referral.events.ts';
import { proposalFor, type PriorityGroup } from '../../domain/priority-groups.ts';
import type { RiskLevel } from '../../domain/referral.events.ts';
import { journeyStatus, type CriminalJusticeUpdate, type JourneyStatus, type ReceivedReferral } from '../../domain/referral.state.ts';
import { londonDate } from '../../../calendar/working-days.ts';
import { statusLinkView, type StatusLinkView } from '../../../shared/domain/status-link.ts';
import { entitledNow, updateDueBy, updateEntitled } from '../../domain/update-clock.ts';
import { policeReferralDelayed, workingDaysFromReport } from '../../domain/police-referral-delay.ts';

/** A development and its clock: due on the calendar and entitlement as they stand now. */
export interface CriminalJusticeUpdateView {
  id: string;
  kind: CriminalJusticeUpdate['kind'];
  learnedAt: string;
  dueBy: string;
  enhanced: boolean;
  communicated: CriminalJusticeUpdate['communicated'];
  overdue: boolean;
}

/** A victim's journey as a case manager sees it. */
export interface ReferralView {
  id: string;
  revision: number;
  status: JourneyStatus;
  /** Entitled to the enhanced service: as assessed, or before the assessment as proposed. */
  enhanced: boolean;
  /** The groups the system proposes from crime type and age at the offence: as crime types are configured now until assessed, then as proposed at the assessment. */
  proposedPriorityGroups: PriorityGroup[];
  /** The groups the case manager confirmed at the assessment. */
  priorityGroups: PriorityGroup[];
  needs: string[];
  /** The needs domains with their labels as configured now. */
  needsLabelled: { id: string; label: string }[];
  riskLevel: RiskLevel | null;
  support: { decision: 'accepted' | 'declined'; reason: string | null; reasonLabel: string | null; at: string } | null;
  closure: { reason: string; reasonLabel: string; at: string } | null;
  contract: ReceivedReferral['contract'];
  contact: ReceivedReferral['contact'] & { overdue: boolean };
  serviceReferrals: (ReceivedReferral['serviceReferrals'][number] & { serviceLabel: string })[];
  personalStatement: ReceivedReferral['personalStatement'];
  /** When a statement was recorded as made, kept whatever correction followed. */
  personalStatementMadeAt: string | null;
  restorativeJustice: ReceivedReferral['restorativeJustice'];
  /** Statuses set back or otherwise corrected: from, to, why and when. */
  statusCorrections: ReceivedReferral['statusCorrections'];
  /** Corrections of the victim's or the crime's details, with why; the details above are the corrected ones. */
  corrections: ReceivedReferral['corrections'];
  /** Every criminal-justice development, whether and when the victim was told, and what is overdue. */
  criminalJustice: CriminalJusticeUpdateView[];
  /** The updates still owed to the victim, earliest due first. */
  /** Messages sent through GOV.UK Notify: pending until Notify reports them delivered or failed. */
  messages: ReceivedReferral['messages'];
  openCriminalJusticeUpdates: { id: string; kind: CriminalJusticeUpdate['kind']; learnedAt: string; dueBy: string; overdue: boolean }[];
  source: ReferralSource;
  crimeReference: string | null;
  crimeType: { id: string; label: string };
  offenceDate: string | null;
  crimeReportedOn: string | null;
  /** Working days from the crime report to the referral (on the calendar as it stands), and whether a police referral took over 2. */
  referralDelay: { workingDaysFromReport: number | null; policeReferralDelayed: boolean };
  /** subjectId names the victim as a data subject (for erasure), without being personal itself. */
  victim: { subjectId: string; name: string; dateOfBirth: string | null; phone: string | null; email: string | null; address: string | null };
  /** Where consent stands now: without consent to contact no contact is due or overdue. */
  consent: Consent;
  /** Each consent withdrawn or given since the referral, with why and when. */
  consentChanges: ReceivedReferral['consentChanges'];
  receivedAt: string;
  caseManager: string | null;
  /** The victim's page of their own (issue 19): the link's expiry and whether it works now, not the link. */
  statusLink: StatusLinkView | null;
  /** Every event of the journey: what happened, when, and who recorded it. */
  timeline: TimelineEntry[];
}

export function toReferralView(referral: ReceivedReferral, revision: number, timeline: TimelineEntry[], settings: Settings, now: Date): ReferralView {
  const { nextDue } = referral.contact;
  const today = londonDate(now);
  const criminalJustice = referral.cjEvents.map((update): CriminalJusticeUpdateView => {
    const dueBy = updateDueBy(referral, update, settings.calendar);
    const { id, kind, learnedAt, communicated } = update;
    return { id, kind, learnedAt, dueBy, enhanced: updateEntitled(referral, update), communicated, overdue: !communicated && !referral.closure && dueBy < today };
  });
  return {
    id: referral.id,
    revision,
    status: journeyStatus(referral),
    enhanced: entitledNow(referral, settings.crimeTypes),
    proposedPriorityGroups: referral.assessment ? referral.assessment.proposedGroups : proposalFor(referral, settings.crimeTypes),
    priorityGroups: referral.assessment?.priorityGroups ?? [],
    needs: referral.assessment?.needs ?? [],
    needsLabelled: (referral.assessment?.needs ?? []).map((need) => ({ id: need, label: settings.labelOf('needsDomains', need) })),
    riskLevel: referral.assessment?.riskLevel ?? null,
    support: referral.support && { ...referral.support, reasonLabel: referral.support.reason && settings.labelOf('declineReasons', referral.support.reason) },
    closure: referral.closure && { ...referral.closure, reasonLabel: settings.labelOf('closureReasons', referral.closure.reason) },
    contract: referral.contract,
    // Due on a day in England, like every other deadline: overdue once that day has passed there.
    contact: { ...referral.contact, overdue: !referral.closure && nextDue !== null && londonDate(nextDue) < today },
    serviceReferrals: referral.serviceReferrals.map((serviceReferral) => ({ ...serviceReferral, serviceLabel: settings.labelOf('supportServices', serviceReferral.service) })),
    personalStatement: referral.personalStatement,
    personalStatementMadeAt: referral.personalStatementMadeAt,
    restorativeJustice: referral.restorativeJustice,
    statusCorrections: referral.statusCorrections,
    corrections: referral.corrections,
    criminalJustice,
    messages: referral.messages,
    openCriminalJusticeUpdates: criminalJustice
      .filter((update) => !update.communicated)
      .map(({ id, kind, learnedAt, dueBy, overdue }) => ({ id, kind, learnedAt, dueBy, overdue }))
      .sort((a, b) => a.dueBy.localeCompare(b.dueBy)),
    source: referral.source,
    crimeReference: referral.crimeReference,
    crimeType: { id: referral.crimeTypeId, label: settings.labelOf('crimeTypes', referral.crimeTypeId) },
    offenceDate: referral.offenceDate,
    crimeReportedOn: referral.crimeReportedOn,
    referralDelay: referralDelay(referral, settings),
    victim: referral.victim,
    consent: referral.consent,
    consentChanges: referral.consentChanges,
    receivedAt: referral.receivedAt,
    caseManager: referral.caseManager,
    statusLink: statusLinkView(referral.statusLink, now),
    timeline,
  };
}

function referralDelay(referral: ReceivedReferral, settings: Settings): ReferralView['referralDelay'] {
  const workingDays = workingDaysFromReport(referral, settings.calendar);
  return { workingDaysFromReport: workingDays, policeReferralDelayed: policeReferralDelayed(referral.source, workingDays) };
}
