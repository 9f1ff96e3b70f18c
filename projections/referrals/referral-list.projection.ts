import { proposalFor } from '../../src/referrals/domain/priority-groups.ts';
import { englandAndWalesCalendar } from '../../src/calendar/england-and-wales.ts';
import { londonDate } from '../../src/calendar/working-days.ts';
import { workingDaysFromReport } from '../../src/referrals/domain/police-referral-delay.ts';
import { referralEventDefinitions, type ReferralEvent } from '../../src/referrals/domain/referral.events.ts';
import { evolveReferral, initialReferral, journeyStatus, type ReceivedReferral, type Referral } from '../../src/referrals/domain/referral.state.ts';
import { updateDueBy, updateEntitled } from '../../src/referrals/domain/update-clock.ts';
import type { Projection } from '../runner/projection.ts';
import { demographicsColumns, type DemographicsColumns } from '../runner/demographics-columns.ts';

/**
 * One row per victim journey: the case managers' list. Columns are those of referral_list; the victim's
 * demographics (DemographicsColumns) are counted by the Beacon report, never listed.
 */
export interface ReferralListRow extends DemographicsColumns {
  [column: string]: unknown;
  id: string;
  status: string;
  source: string;
  crime_type_id: string;
  case_manager: string | null;
  victim_name: string;
  enhanced: boolean;
  assessed: boolean;
  proposed_by_age: boolean;
  next_contact_due: string | null;
  /**
   * The earliest due date (in England) of a criminal-justice update not yet passed on, on the shipped bank
   * holidays: the order of the due list. Whether it is overdue, and the date shown, come from where its
   * clock started and which clock runs, on the calendar as it stands (list-referrals.handler.ts).
   */
  next_update_due: string | null;
  next_update_learned_on: string | null;
  next_update_enhanced: boolean | null;
  unable_to_contact: boolean;
  support_decision: 'accepted' | 'declined' | null;
  decline_reason: string | null;
  closure_reason: string | null;
  /**
   * Working days from the crime being reported to the referral, on the shipped bank holidays (a
   * projection must give the same rows on every rebuild, whatever an administrator adds later).
   */
  report_to_referral_working_days: number | null;
  risk_level: string | null;
  personal_statement: string | null;
  personal_statement_made: boolean;
  restorative_justice: string | null;
  /** Each service referral's outcome, `awaiting` until one is recorded. */
  service_referral_outcomes: string[];
  received_at: string;
  revision: number;
  updated_at: string;
  /** The journey folded by the domain's own evolve, so the list never re-implements its rules. */
  state: ReceivedReferral;
}


export const referralListProjection: Projection<ReferralListRow> = {
  name: 'referral-list',
  // 5: the folded state keeps the groups proposed at the assessment, when a statement was made, and status corrections.
  // 6: the next update's clock (start and entitlement), for due dates on the calendar as it stands.
  // 7: rows record their data subjects and streams, so a decision about a subject folds only its rows again.
  // 8: whether assessed, and the groups the victim's age proposes, for the entitlement from receipt.
  // 9: the Beacon report's risk level, statement, restorative justice and service referral outcomes.
  // 10: the folded state keeps the messages sent through Notify (issue 19).
  // 11: the folded state keeps corrections of the victim's and the crime's details.
  // 12: the victim's demographics, for the Beacon report's equality breakdowns.
  version: 12,
  table: 'referral_list',
  holdsPersonalData: true,
  eventTypes: referralEventDefinitions.map((definition) => definition.type),
  rowIdOf: (event) => (event.data as { referralId: string }).referralId,
  evolve(row, recorded) {
    const previous: Referral = row?.state ?? initialReferral();
    const state = evolveReferral(previous, { type: recorded.type, data: recorded.data } as unknown as ReferralEvent);
    if (state.status === 'none') return row;
    return {
      id: state.id,
      status: journeyStatus(state),
      source: state.source,
      crime_type_id: state.crimeTypeId,
      case_manager: state.caseManager,
      victim_name: state.victim.name,
      enhanced: state.assessment?.enhanced ?? false,
      assessed: state.assessment !== null,
      // With no crime types, the proposal is what the victim's age alone proposes.
      proposed_by_age: proposalFor(state, []).length > 0,
      next_contact_due: state.closure ? null : state.contact.nextDue,
      ...nextUpdate(state),
      unable_to_contact: state.contact.unableToContact,
      support_decision: state.support?.decision ?? null,
      decline_reason: state.support?.decision === 'declined' ? state.support.reason : null,
      closure_reason: state.closure?.reason ?? null,
      report_to_referral_working_days: reportDatesKept(row, state) ? row.report_to_referral_working_days : workingDaysFromReport(state, SHIPPED_CALENDAR),
      risk_level: state.assessment?.riskLevel ?? null,
      personal_statement: state.personalStatement,
      personal_statement_made: state.personalStatementMadeAt !== null,
      restorative_justice: state.restorativeJustice,
      ...demographicsColumns(state.demographics),
      service_referral_outcomes: state.serviceReferrals.map((serviceReferral) => serviceReferral.outcome ?? 'awaiting'),
      received_at: state.receivedAt,
      revision: recorded.revision,
      updated_at: recorded.recordedAt.toISOString(),
      state,
    };
  },
};


type NextUpdate = Pick<ReferralListRow, 'next_update_due' | 'next_update_learned_on' | 'next_update_enhanced'>;
const NO_UPDATE_OWED: NextUpdate = { next_update_due: null, next_update_learned_on: null, next_update_enhanced: null };

/** The update owed soonest (on the shipped calendar, for a rebuild that gives the same rows whatever is added later). */
function nextUpdate(state: ReceivedReferral): NextUpdate {
  if (state.closure) return NO_UPDATE_OWED;
  return state.cjEvents
    .filter((update) => !update.communicated)
    .map((update) => ({ next_update_due: updateDueBy(state, update, SHIPPED_CALENDAR), next_update_learned_on: londonDate(update.learnedAt), next_update_enhanced: updateEntitled(state, update) }))
    .reduce<NextUpdate>((soonest, next) => (soonest.next_update_due === null || next.next_update_due < soonest.next_update_due ? next : soonest), NO_UPDATE_OWED);
}

const SHIPPED_CALENDAR = englandAndWalesCalendar();

/** The count depends on these two dates alone, and counting is the costliest part of this fold: only a change recounts. */
function reportDatesKept(row: ReferralListRow | undefined, state: ReceivedReferral): row is ReferralListRow {
  return row !== undefined && row.state.crimeReportedOn === state.crimeReportedOn && row.state.receivedAt === state.receivedAt;
}
