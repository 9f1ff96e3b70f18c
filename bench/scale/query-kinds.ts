import type { Role } from '../../src/auth/roles.ts';
import { addDays, londonDate } from '../../src/calendar/working-days.ts';
import { inventPerson } from '../../src/seed/people.ts';
import { Random } from '../../src/seed/random.ts';

export interface QueryKind {
  /** Part of the figure's name: `query.list.<name>.p95`. */
  name: string;
  group: 'list' | 'report';
  /** Who asks: the caller's roles; a caseload is asked for by each case manager in turn. */
  roles: Role[];
  caseload?: boolean;
  /** The next request's path, varied so no single cached plan or page flatters the figure. */
  path(random: Random): string;
}

const someone = (random: Random) => encodeURIComponent(inventPerson(random).name);
const today = () => londonDate(new Date());
/** A reference as the seed writes them (this year's or last year's crimes), mostly not among a million referrals. */
const crimeReference = (random: Random) => encodeURIComponent(`41/${random.int(10000, 99999)}/${today().slice(2, 4)}`);
const CRIME_TYPES = ['domestic-abuse', 'assault', 'theft', 'burglary', 'stalking', 'wounding-with-intent', 'fraud', 'other'];
const period = (days: number) => {
  const today = londonDate(new Date());
  return `from=${addDays(today, -days)}&to=${today}`;
};

/** What the victim care centre and the Customer Response Team ask all day, and what they report each quarter and year. */
export const QUERY_KINDS: QueryKind[] = [
  { name: 'caseload', group: 'list', roles: ['case_manager'], caseload: true, path: () => '/api/referrals?caseManager=me' },
  { name: 'caseload-overdue', group: 'list', roles: ['case_manager'], caseload: true, path: () => '/api/referrals?caseManager=me&overdue=true' },
  { name: 'referrals-overdue', group: 'list', roles: ['supervisor'], path: () => '/api/referrals?overdue=true' },
  { name: 'referrals-search', group: 'list', roles: ['supervisor'], path: (random) => `/api/referrals?q=${someone(random)}` },
  { name: 'referrals-unassigned', group: 'list', roles: ['supervisor'], path: () => '/api/referrals?caseManager=none' },
  { name: 'referrals-due-today', group: 'list', roles: ['supervisor'], path: () => `/api/referrals?dueBy=${today()}` },
  { name: 'caseload-due-today', group: 'list', roles: ['case_manager'], caseload: true, path: () => `/api/referrals?caseManager=me&dueBy=${today()}` },
  { name: 'referrals-crime-reference', group: 'list', roles: ['supervisor'], path: (random) => `/api/referrals?crimeReference=${crimeReference(random)}` },
  { name: 'referrals-crime-type', group: 'list', roles: ['supervisor'], path: (random) => `/api/referrals?crimeType=${random.pick(CRIME_TYPES)}` },
  { name: 'referrals-police-delayed', group: 'list', roles: ['supervisor'], path: () => '/api/referrals?policeReferralDelayed=true' },
  { name: 'complaints-due-today', group: 'list', roles: ['crt_officer'], path: () => `/api/complaints?dueBy=${today()}` },
  { name: 'remedies-due-today', group: 'list', roles: ['resolution_officer'], path: () => `/api/community-resolutions?dueBy=${today()}` },
  { name: 'complaints-due', group: 'list', roles: ['crt_officer'], path: () => '/api/complaints' },
  { name: 'complaints-overdue', group: 'list', roles: ['crt_officer'], path: () => '/api/complaints?overdue=true' },
  { name: 'complaints-search', group: 'list', roles: ['crt_officer'], path: (random) => `/api/complaints?q=${someone(random)}` },
  { name: 'beacon-quarter', group: 'report', roles: ['supervisor'], path: () => `/api/reports/beacon?${period(91)}` },
  { name: 'beacon-year', group: 'report', roles: ['supervisor'], path: () => `/api/reports/beacon?${period(365)}` },
  { name: 'complaints-quarter', group: 'report', roles: ['supervisor'], path: () => `/api/reports/complaints?${period(91)}` },
  { name: 'complaints-year', group: 'report', roles: ['supervisor'], path: () => `/api/reports/complaints?${period(365)}` },
  { name: 'resolutions-quarter', group: 'report', roles: ['supervisor'], path: () => `/api/reports/community-resolutions?${period(91)}` },
  { name: 'resolutions-year', group: 'report', roles: ['supervisor'], path: () => `/api/reports/community-resolutions?${period(365)}` },
];

/** Clients asking at once: a busy office's lists; reports are run by one or two people at a time. */
export const CONCURRENCY: Record<QueryKind['group'], number> = { list: 8, report: 2 };
