import { proposalFor } from '../../src/referrals/domain/priority-groups.ts';
import { addDays, londonDate, type WorkingDayCalendar } from '../../src/calendar/working-days.ts';
import { workingDaysFromReport } from '../../src/referrals/domain/police-referral-delay.ts';
import { referralEventDefinitions, type ReferralEvent } from '../../src/referrals/domain/referral.events.ts';
import { evolveReferral, initialReferral, journeyStatus, type ReceivedReferral, type Referral } from '../../src/referrals/domain/referral.state.ts';
import { updateDueBy, updateEntitled, updateWorkingDays } from '../../src/referrals/domain/update-clock.ts';
import { CALENDAR_CHANGE_TYPES } from '../runner/calendar-history.ts';
import { lastStartOverdueOnEither } from '../runner/working-day-rows.ts';
import type { Projection } from '../runner/projection.ts';
import { apartFromDemographics, type DemographicsColumns } from '../runner/demographics-columns.ts';

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
   * The earliest due date (in England) of a criminal-justice update not yet passed on, on the calendar as it
   * stands (counted again when a bank holiday is added or retired): the order of the due list. Whether it is
   * overdue, and the date shown, come from where its clock started and which clock runs (list-referrals.handler.ts).
   */
  next_update_due: string | null;
  next_update_learned_on: string | null;
  next_update_enhanced: boolean | null;
  /** The days the open updates were learned, first to last (`[first,day after last)`): whose clocks a new bank holiday may span. */
  open_updates_learned: string | null;
  unable_to_contact: boolean;
  support_decision: 'accepted' | 'declined' | null;
  decline_reason: string | null;
  closure_reason: string | null;
  /** When the journey closed (null while open): the disposal review's order. */
  closed_at: string | null;
  /** Working days from the crime being reported to the referral, on the calendar as it stands (counted again when a bank holiday is added or retired). */
  report_to_referral_working_days: number | null;
  /** The days from the report to the referral (`[report,day after referral)`): whose count a new bank holiday may change. */
  report_span: string | null;
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
  // 13: the next update due on the calendar as it stands, and the days the open updates were learned.
  // 14: the police referral delay on the calendar as it stands.
  // 15: the folded state keeps no demographics (the columns do).
  version: 15,
  table: 'referral_list',
  holdsPersonalData: true,
  eventTypes: [...referralEventDefinitions.map((definition) => definition.type), ...CALENDAR_CHANGE_TYPES],
  rowPerStream: true,
  rowIdOf: (event) => (event.data as { referralId: string }).referralId,
  workingDays: {
    reckon: (row, calendar) => ({ ...row, ...openUpdates(row.state, calendar), report_to_referral_working_days: workingDaysFromReport(row.state, calendar) }),
    // The longest update clock runs 5 working days: one learned on a day after the last start it has run out from by then.
    spanning: (day, before, after) => ({
      where: "t.open_updates_learned && daterange($1::date, $2::date, '()') OR t.report_span @> $2::date",
      values: [lastStartOverdueOnEither(day, updateWorkingDays(false), before, after), day],
    }),
  },
  evolve(row, recorded, calendar) {
    const previous: Referral = row ? row.state : initialReferral();
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
      ...openUpdates(state, calendar),
      unable_to_contact: state.contact.unableToContact,
      support_decision: state.support?.decision ?? null,
      decline_reason: state.support?.decision === 'declined' ? state.support.reason : null,
      closure_reason: state.closure?.reason ?? null,
      closed_at: state.closure?.at ?? null,
      ...reportColumns(row, state, calendar),
      risk_level: state.assessment?.riskLevel ?? null,
      personal_statement: state.personalStatement,
      personal_statement_made: state.personalStatementMadeAt !== null,
      restorative_justice: state.restorativeJustice,
      service_referral_outcomes: state.serviceReferrals.map((serviceReferral) => serviceReferral.outcome ?? 'awaiting'),
      received_at: state.receivedAt,
      revision: recorded.revision,
      updated_at: recorded.recordedAt.toISOString(),
      ...apartFromDemographics(state, row),
    };
  },
};


type OpenUpdates = Pick<ReferralListRow, 'next_update_due' | 'next_update_learned_on' | 'next_update_enhanced' | 'open_updates_learned'>;
const NO_UPDATE_OWED: OpenUpdates = { next_update_due: null, next_update_learned_on: null, next_update_enhanced: null, open_updates_learned: null };

/** The update owed soonest on this calendar, and the days the open ones were learned. */
function openUpdates(state: ReceivedReferral, calendar: WorkingDayCalendar): OpenUpdates {
  if (state.closure) return NO_UPDATE_OWED;
  const open = state.cjEvents
    .filter((update) => !update.communicated)
    .map((update) => ({ due: updateDueBy(state, update, calendar), learnedOn: londonDate(update.learnedAt), enhanced: updateEntitled(state, update) }));
  if (open.length === 0) return NO_UPDATE_OWED;
  const soonest = open.reduce((first, next) => (next.due < first.due ? next : first));
  const learned = open.map((update) => update.learnedOn).sort();
  return {
    next_update_due: soonest.due,
    next_update_learned_on: soonest.learnedOn,
    next_update_enhanced: soonest.enhanced,
    // As PostgreSQL writes a range of dates, so a row counted again unchanged compares equal.
    open_updates_learned: `[${learned[0]},${addDays(learned.at(-1)!, 1)})`,
  };
}

/** As PostgreSQL writes a range of dates; none without a report date, or with one after the referral. */
function reportSpan({ crimeReportedOn, receivedAt }: ReceivedReferral): string | null {
  const receivedOn = londonDate(receivedAt);
  return crimeReportedOn && crimeReportedOn <= receivedOn ? `[${crimeReportedOn},${addDays(receivedOn, 1)})` : null;
}

type ReportColumns = Pick<ReferralListRow, 'report_to_referral_working_days' | 'report_span'>;

/** The count and the span depend on the report's and the referral's dates alone, and counting is the costliest part of this fold: only a change recounts. */
function reportColumns(row: ReferralListRow | undefined, state: ReceivedReferral, calendar: WorkingDayCalendar): ReportColumns {
  if (reportDatesKept(row, state)) return { report_to_referral_working_days: row.report_to_referral_working_days, report_span: row.report_span };
  return { report_to_referral_working_days: workingDaysFromReport(state, calendar), report_span: reportSpan(state) };
}

function reportDatesKept(row: ReferralListRow | undefined, state: ReceivedReferral): row is ReferralListRow {
  return row !== undefined && row.state.crimeReportedOn === state.crimeReportedOn && row.state.receivedAt === state.receivedAt;
}
