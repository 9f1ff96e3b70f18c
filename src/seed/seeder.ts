import type { KnownUsers } from '../auth/known-users.ts';
import type { EventCatalog } from '../event-store/event-catalog.ts';
import type { EventStore } from '../event-store/event-store.port.ts';
import type { Settings } from '../settings/settings.ts';
import type { CaseHistory } from './case-history.ts';
import { Random } from './random.ts';
import { complaintHistory } from './complaint-histories.ts';
import { CASE_MANAGERS, referralHistory } from './referral-histories.ts';
import { resolutionHistory } from './resolution-histories.ts';
import { WorkingTime } from './working-time.ts';

export interface SeedTarget {
  store: EventStore;
  catalog: EventCatalog;
  settings: Settings;
  now: Date;
  seed: number;
}

export interface SeedResult {
  cases: number;
  events: number;
  /** The global position of the last case written: a list query may wait for it with X-Min-Position. */
  lastPosition: bigint | undefined;
}

/** Enough appends in flight to keep the store busy without queueing on its connection pool. */
const CONCURRENT_APPENDS = 8;

export type HistoryFactory = (random: Random, time: WorkingTime, settings: Settings, now: Date) => Pick<CaseHistory<unknown, unknown, never>, 'size' | 'append'>;

export function seedReferrals(target: SeedTarget, count: number, progress?: (written: number) => void): Promise<SeedResult> {
  return seedCases(target, count, referralHistory, progress);
}

/** The journeys' case managers become known users with the case_manager role, so cases can be assigned to them. */
export async function seedCaseManagers(users: Pick<KnownUsers, 'learn'>): Promise<void> {
  for (const sub of CASE_MANAGERS) await users.learn({ sub, roles: ['case_manager'] });
}

export function seedComplaints(target: SeedTarget, count: number, progress?: (written: number) => void): Promise<SeedResult> {
  return seedCases(target, count, complaintHistory, progress);
}

export function seedResolutions(target: SeedTarget, count: number, progress?: (written: number) => void): Promise<SeedResult> {
  return seedCases(target, count, resolutionHistory, progress);
}

/** `count` cases from `history`, each in one append, `concurrency` appends in flight. */
export async function seedCases(target: SeedTarget, count: number, history: HistoryFactory, progress?: (written: number) => void, concurrency = CONCURRENT_APPENDS): Promise<SeedResult> {
  const random = new Random(target.seed);
  const time = new WorkingTime(target.settings.calendar, random);
  const result: SeedResult = { cases: 0, events: 0, lastPosition: undefined };
  let next = 0;
  const worker = async () => {
    while (next < count) {
      next++;
      const built = history(random, time, target.settings, target.now);
      const position = await built.append(target.store, target.catalog);
      result.cases++;
      result.events += built.size;
      if (result.lastPosition === undefined || position > result.lastPosition) result.lastPosition = position;
      if (result.cases % 1000 === 0) progress?.(result.cases);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return result;
}
