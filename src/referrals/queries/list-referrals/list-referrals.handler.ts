import { notRestricted, seesRestrictedCases } from '../../../personal-data/restricted-cases.ts';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { ReferralListEntry } from '../../../../projections/referrals/referral-list.entity.ts';
import { addDays, londonDate, type CalendarDate, type WorkingDayCalendar } from '../../../calendar/working-days.ts';
import { onlyCasesVisibleTo } from '../../../case-access/visible-cases.ts';
import { foldedMatches, likeLiteral, searchFirstKey, textMatches } from '../../../database/text-search.ts';
import { decodeCursor, encodeCursor, type Page } from '../../../http/page.ts';
import { SettingsService } from '../../../settings/settings.service.ts';
import { POLICE_REFERRAL_WORKING_DAYS, policeReferralDelayed } from '../../domain/police-referral-delay.ts';
import { lastDayLearnedOverdue, updateWorkingDays } from '../../domain/update-clock.ts';
import type { Viewer } from '../../../case-access/domain/restricted-access.decide.ts';
import { ListReferralsQuery, type ReferralListItem } from './list-referrals.query.ts';

/**
 * The order of the due list: an update is due by the end of its day in England, and so is a contact. The projection
 * keeps the update's due day on the calendar as it stands, so the index of this order serves after any change of it.
 */
const DUE_KEY = `least(coalesce(r.next_contact_due, 'infinity'), coalesce(((r.next_update_due + 1)::timestamp AT TIME ZONE 'Europe/London'), 'infinity'))`;
/**
 * Due before a day on the calendar as it stands: learned no later than the last day from which its clock has run out
 * by then. The later of the two days is said outright so that the index of the learned days finds the few candidates.
 */
const updateDueBefore = (day: string) =>
  `(r.next_update_learned_on <= greatest(:${day}Enhanced::date, :${day}Standard::date) AND r.next_update_learned_on <= CASE WHEN r.next_update_enhanced THEN :${day}Enhanced::date ELSE :${day}Standard::date END)`;
/** Overdue: due before today. */
const UPDATE_OVERDUE = updateDueBefore('today');
/** Implied by being overdue; said outright so the planner can use the partial index of the referrals that owe something. */
const OWES_SOMETHING = '(r.next_contact_due IS NOT NULL OR r.next_update_due IS NOT NULL)';
/** Entitled now, as the page says: as assessed, or before the assessment as proposed (age, or the crime type as configured). */
const ENTITLED = '(CASE WHEN r.assessed THEN r.enhanced ELSE (r.proposed_by_age OR r.crime_type_id = ANY(:priorityCrimeTypes)) END)';
const CONTACT_OVERDUE = "((r.next_contact_due AT TIME ZONE 'Europe/London')::date < (now() AT TIME ZONE 'Europe/London')::date)";
/**
 * Due by the end of a day in England: a contact before the next day begins there, an update due before the next day.
 * Both compare an indexed column with a constant, so a caseload with few due finds them without walking it all.
 */
const DUE_BY = `(r.next_contact_due < (:dayAfter::date::timestamp AT TIME ZONE 'Europe/London') OR ${updateDueBefore('dayAfter')})`;

/** Sort keys: newest first, or for a caseload what is due first, contact or update (nothing due last). */
const ORDERS = {
  newest: { key: 'r.received_at', direction: 'DESC', compare: '<' },
  due: { key: DUE_KEY, direction: 'ASC', compare: '>' },
} as const;

/**
 * How many of the newest referrals a name search reads from the newest-first index, whose entries carry
 * the folded name, before it asks the trigram index instead. A name held by more than about one referral
 * in this many fills a page sooner that way: the trigram index finds every match, one table page each.
 */
const NAMES_WALKED = 50_000;

/** From the referral-list read model only. */
@QueryHandler(ListReferralsQuery)
export class ListReferralsHandler implements IQueryHandler<ListReferralsQuery> {
  constructor(
    @InjectRepository(ReferralListEntry) private readonly referrals: Repository<ReferralListEntry>,
    private readonly settings: SettingsService,
  ) {}

  async execute({ filters, order, viewer }: ListReferralsQuery): Promise<Page<ReferralListItem>> {
    const limit = filters.limit ?? 50;
    const settings = await this.settings.current();
    const { calendar, crimeTypes } = settings;
    const priorityCrimeTypes = crimeTypes.filter((type) => type.priorityGroup).map((type) => type.id);
    const clocks = { calendar, today: londonDate(new Date()), priorityCrimeTypes };
    const after = decodeCursor(filters.cursor, 2);
    if (walksNames(filters, order)) {
      const walked = await this.newestNamed(filters.q, after, limit, viewer);
      // Fewer than a page and one: the matches may go on beyond the walk, where only the trigram index finds them.
      if (walked.entities.length > limit) return toPage(walked, limit, clocks);
    }
    const { direction, compare } = ORDERS[order];
    const key = searchFirstKey(ORDERS[order].key, filters.q);
    const query = this.referrals
      .createQueryBuilder('r')
      .addSelect(`${key}::text`, 'sort_key')
      .orderBy(key, direction)
      .addOrderBy('r.id', direction)
      .limit(limit + 1);
    onlyCasesVisibleTo(query, 'r.id', viewer);
    if (!seesRestrictedCases(viewer.roles)) query.andWhere(notRestricted('r.id'));
    if (filters.status) query.andWhere('r.status = :status', { status: filters.status });
    if (filters.caseManager === 'none') query.andWhere('r.case_manager IS NULL');
    else if (filters.caseManager) query.andWhere('r.case_manager = :caseManager', { caseManager: filters.caseManager });
    if (filters.crimeType) query.andWhere('r.crime_type_id = :crimeType', { crimeType: filters.crimeType });
    if (filters.crimeReference) query.andWhere("r.state->>'crimeReference' = :crimeReference", { crimeReference: filters.crimeReference });
    if (filters.policeReferralDelayed !== undefined) {
      const delayed = `r.report_to_referral_working_days > ${POLICE_REFERRAL_WORKING_DAYS}`;
      query.andWhere(`r.source = 'police' AND r.report_to_referral_working_days IS NOT NULL AND ${filters.policeReferralDelayed ? delayed : `NOT ${delayed}`}`);
    }
    if (filters.source) query.andWhere('r.source = :source', { source: filters.source });
    if (filters.enhanced !== undefined) query.andWhere(`${ENTITLED} = :enhanced`, { enhanced: filters.enhanced, priorityCrimeTypes });
    if (filters.q) query.andWhere(textMatches(['r.victim_name'], 'q'), { q: likeLiteral(filters.q) });
    if (filters.overdue !== undefined) query.setParameters(lastDaysLearnedDueBefore('today', clocks.today, calendar));
    if (filters.dueBy) {
      const dayAfter = addDays(filters.dueBy, 1);
      query.andWhere(`${DUE_BY} AND ${OWES_SOMETHING}`, { dayAfter, ...lastDaysLearnedDueBefore('dayAfter', dayAfter, calendar) });
    }
    if (filters.overdue === true) query.andWhere(`(${CONTACT_OVERDUE} OR ${UPDATE_OVERDUE})`);
    // A caseload has an index of its own in this order; across caseloads, that of the referrals that owe something.
    if (filters.overdue === true && !filters.caseManager) query.andWhere(OWES_SOMETHING);
    if (filters.overdue === false) query.andWhere(`(${CONTACT_OVERDUE} OR ${UPDATE_OVERDUE}) IS NOT TRUE`);
    if (after) query.andWhere(`(${key}, r.id) ${compare} (:sortKey, :id)`, { sortKey: after[0], id: after[1] });
    return toPage(await query.getRawAndEntities<{ sort_key: string }>(), limit, clocks);
  }

  /** The newest referrals named like `q`, among the NAMES_WALKED newest (after the cursor): a page and one at most. */
  private newestNamed(q: string, after: (string | number)[] | undefined, limit: number, viewer: Viewer): Promise<RawAndEntities> {
    const walk = `SELECT w.id FROM (
        SELECT n.id, n.received_at, n.victim_name_folded FROM referral_list n
        ${after ? 'WHERE (n.received_at, n.id) < (:sortKey, :id)' : ''}
        ORDER BY n.received_at DESC, n.id DESC LIMIT :walked) w
      WHERE ${foldedMatches('w.victim_name_folded', 'q')}${seesRestrictedCases(viewer.roles) ? '' : ` AND ${notRestricted('w.id')}`}
      ORDER BY w.received_at DESC, w.id DESC LIMIT :taken`;
    const query = this.referrals
      .createQueryBuilder('r')
      .innerJoin(`(${walk})`, 'named', 'named.id = r.id')
      .addSelect('r.received_at::text', 'sort_key')
      .orderBy('r.received_at', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .setParameters({ q: likeLiteral(q), walked: NAMES_WALKED, taken: limit + 1, ...(after ? { sortKey: after[0], id: after[1] } : {}) });
    return onlyCasesVisibleTo(query, 'r.id', viewer).getRawAndEntities<{ sort_key: string }>();
  }
}

/** The parameters of `updateDueBefore(name)` for that day. */
function lastDaysLearnedDueBefore(name: string, day: CalendarDate, calendar: WorkingDayCalendar): Record<string, CalendarDate> {
  return { [`${name}Enhanced`]: lastDayLearnedOverdue(calendar, day, true), [`${name}Standard`]: lastDayLearnedOverdue(calendar, day, false) };
}

type RawAndEntities = { entities: ReferralListEntry[]; raw: { sort_key: string }[] };

/** A name search alone, newest first: the one list whose matches the newest-first index can tell. */
function walksNames(filters: ListReferralsQuery['filters'], order: ListReferralsQuery['order']): filters is ListReferralsQuery['filters'] & { q: string } {
  const { q, status, caseManager, source, enhanced, overdue, dueBy, crimeReference, crimeType, policeReferralDelayed: delayed } = filters;
  return order === 'newest' && q !== undefined && [status, caseManager, source, enhanced, overdue, dueBy, crimeReference, crimeType, delayed].every((filter) => filter === undefined);
}

/** What an item's clocks and entitlement are read against: the calendar and crime types as they stand, today in England. */
interface Clocks {
  calendar: WorkingDayCalendar;
  today: CalendarDate;
  priorityCrimeTypes: string[];
}

function toPage({ entities, raw }: RawAndEntities, limit: number, clocks: Clocks): Page<ReferralListItem> {
  const items = entities.slice(0, limit).map((entry) => toItem(entry, clocks));
  const lastKey = raw[limit - 1]?.sort_key;
  return { items, nextCursor: entities.length > limit && lastKey !== undefined ? encodeCursor([lastKey, items.at(-1)!.id]) : null };
}

function toItem(entry: ReferralListEntry, { calendar, today, priorityCrimeTypes }: Clocks): ReferralListItem {
  const { nextUpdateLearnedOn: learnedOn, nextUpdateEnhanced: enhanced } = entry;
  const nextUpdateDue = learnedOn === null ? null : calendar.addWorkingDays(learnedOn, updateWorkingDays(enhanced === true));
  return {
    id: entry.id,
    status: entry.status,
    source: entry.source,
    crimeType: entry.crimeTypeId,
    caseManager: entry.caseManager,
    enhanced: entry.assessed ? entry.enhanced : entry.proposedByAge || priorityCrimeTypes.includes(entry.crimeTypeId),
    nextContactDue: entry.nextContactDue?.toISOString() ?? null,
    contactOverdue: entry.nextContactDue !== null && londonDate(entry.nextContactDue) < today,
    nextUpdateDue,
    updateOverdue: nextUpdateDue !== null && nextUpdateDue < today,
    unableToContact: entry.unableToContact,
    policeReferralDelayed: policeReferralDelayed(entry.source, entry.reportToReferralWorkingDays),
    victimName: entry.victimName,
    receivedAt: entry.receivedAt.toISOString(),
    revision: entry.revision,
  };
}
