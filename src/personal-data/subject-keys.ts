import type DataLoader from 'dataloader';
import { LRUCache } from 'lru-cache';
import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import type { ChangeFeed } from '../database/change-feed.ts';
import { FollowedCache } from '../database/followed-cache.ts';
import { oneBatchAtATime } from '../shared/one-batch-at-a-time.ts';
import { CaseSubjects } from './case-subjects.ts';
import { unwrapKey, wrapKey } from './field-cipher.ts';

/** Subjects whose unwrapped key is kept, so a busy case's key is not unwrapped again on every command. */
const UNWRAPPED_KEYS = 10_000;
/** Subjects whose key (or its erasure) is kept while the change feed follows the table, so lookups need no query. */
const FOLLOWED_KEYS = 50_000;
/** The change feed's topic for a subject's key erased or restricted (the migration's trigger). */
export const SUBJECT_KEY_CHANGED = 'subject';

export type SubjectKey = { state: 'active'; key: Buffer; restricted: boolean } | { state: 'erased' };

interface KeyRow {
  subject_id: string;
  wrapped_key: Buffer | null;
  restricted: boolean;
}

/**
 * One AES-256 key per data subject, stored wrapped by the master key in PostgreSQL (for either event
 * engine). Destroying a subject's key is what erases them: their ciphertext stays in history, unreadable.
 * A key is kept in the process only while the change feed follows the table: an erasure or restriction in any
 * process is announced as it commits and drops it, and without the feed every lookup reads the table. Lookups
 * made while one is in flight are gathered into the next, so concurrent commands share a query without ever
 * reading a key from before they asked.
 */
export class SubjectKeys {
  private readonly rows = oneBatchAtATime((ids: readonly string[]) => this.read(ids));
  private readonly readOrCreated = oneBatchAtATime((ids: readonly string[]) => this.readOrCreate(ids));
  private readonly unwrapped = new LRUCache<string, Buffer>({ max: UNWRAPPED_KEYS });
  private readonly followed: FollowedCache<SubjectKey>;
  readonly cases: CaseSubjects;

  constructor(
    private readonly pool: pg.Pool,
    private readonly masterKey: Buffer,
    private readonly feed?: ChangeFeed,
  ) {
    this.cases = new CaseSubjects(pool);
    this.followed = new FollowedCache(feed, SUBJECT_KEY_CHANGED, FOLLOWED_KEYS);
  }

  /** The subjects' keys; with `create`, subjects seen for the first time get one. */
  async keysFor(subjectIds: readonly string[], create: boolean): Promise<Map<string, SubjectKey>> {
    const keys = new Map<string, SubjectKey>();
    const ticket = this.followed.ticket();
    const wanted = [...new Set(subjectIds)].filter((id) => {
      const known = this.followed.get(id);
      if (known) keys.set(id, known);
      return !known;
    });
    if (wanted.length === 0) return keys;
    const found = await this.load(create ? this.readOrCreated : this.rows, wanted);
    // A key another writer stored while the statement ran is in neither half of its answer: read it.
    const raced = create ? wanted.filter((id) => !found.has(id)) : [];
    for (const [id, row] of await this.load(this.rows, raced)) found.set(id, row);
    for (const [id, row] of found) {
      const key: SubjectKey = row.wrapped_key ? { state: 'active', key: this.unwrap(row.wrapped_key), restricted: row.restricted } : { state: 'erased' };
      keys.set(id, key);
      this.followed.set(ticket, id, key);
    }
    return keys;
  }

  /**
   * Destroys the keys in one statement; how many were not destroyed already. A subject without a key yet (a case
   * with no free text so far) is recorded as erased, so nothing written for it later is readable either.
   */
  async erase(...subjectIds: string[]): Promise<number> {
    const result = await this.pool.query(
      `INSERT INTO data_subject_keys (subject_id, wrapped_key, erased_at) SELECT DISTINCT unnest($1::text[]), NULL::bytea, now()
       ON CONFLICT (subject_id) DO UPDATE SET wrapped_key = NULL, erased_at = now() WHERE data_subject_keys.wrapped_key IS NOT NULL`,
      [subjectIds],
    );
    for (const subjectId of subjectIds) this.changed(subjectId);
    return result.rowCount ?? 0;
  }

  /** The subjects whose key was destroyed, with when, and whose erasure's record is not yet known to be written. */
  async unrecordedErasures(): Promise<{ subjectId: string; erasedAt: Date }[]> {
    const result = await this.pool.query<{ subject_id: string; erased_at: Date }>('SELECT subject_id, erased_at FROM data_subject_keys WHERE wrapped_key IS NULL AND NOT erasure_recorded');
    return result.rows.map((row) => ({ subjectId: row.subject_id, erasedAt: row.erased_at }));
  }

  /** The erasures of these subjects have their record written: no start need look at them again. */
  async erasuresRecorded(subjectIds: readonly string[]): Promise<void> {
    if (subjectIds.length === 0) return;
    await this.pool.query('UPDATE data_subject_keys SET erasure_recorded = true WHERE subject_id = ANY($1::text[]) AND wrapped_key IS NULL AND NOT erasure_recorded', [subjectIds]);
  }

  /** Those of the subjects whose processing is restricted (UK GDPR Art. 18), read as they stand now. */
  async restrictedAmong(subjectIds: readonly string[]): Promise<string[]> {
    const keys = await this.keysFor(subjectIds, false);
    return [...keys].filter(([, key]) => key.state === 'active' && key.restricted).map(([id]) => id);
  }

  /** Hides (or shows again) the subject's data from everyone but auditors; false for an unknown or erased subject. */
  async restrict(subjectId: string, restricted: boolean): Promise<boolean> {
    const result = await this.pool.query('UPDATE data_subject_keys SET restricted = $2 WHERE subject_id = $1 AND wrapped_key IS NOT NULL', [subjectId, restricted]);
    this.changed(subjectId);
    return result.rowCount === 1;
  }

  /** This process's caches of what a subject's key unlocks (this one's and others) forget it now, not once the feed tells them. */
  private changed(subjectId: string): void {
    this.followed.forget(subjectId);
    this.feed?.announce(SUBJECT_KEY_CHANGED, subjectId);
  }

  private async load(loader: DataLoader<string, KeyRow | undefined>, ids: readonly string[]): Promise<Map<string, KeyRow>> {
    if (ids.length === 0) return new Map();
    const rows = await loader.loadMany(ids);
    const found = new Map<string, KeyRow>();
    rows.forEach((row, index) => {
      if (row instanceof Error) throw row;
      if (row) found.set(ids[index]!, row);
    });
    return found;
  }

  private unwrap(wrapped: Buffer): Buffer {
    const id = wrapped.toString('base64');
    const known = this.unwrapped.get(id);
    if (known) return known;
    try {
      const key = unwrapKey(wrapped, this.masterKey);
      this.unwrapped.set(id, key);
      return key;
    } catch {
      throw new Error('A data subject key does not open with this master key: every process must share the same MASTER_KEY');
    }
  }

  private async read(subjectIds: readonly string[]): Promise<(KeyRow | undefined)[]> {
    // Planned for each batch, not prepared: a prepared statement's generic plan, made while the table was nearly
    // empty, kept scanning all of it as it grew to hundreds of thousands of keys wherever nothing analysed it.
    const result = await this.pool.query<KeyRow>('SELECT subject_id, wrapped_key, restricted FROM data_subject_keys WHERE subject_id = ANY($1::text[])', [subjectIds]);
    return inOrder(subjectIds, result.rows);
  }

  /**
   * Every subject's key, a fresh one stored for each subject without one, in one round trip: under load
   * most commands' subjects are new (a referral received) and a read before the insert was a second trip.
   * The select sees the table as the statement began, so it never returns a row the insert added.
   */
  private async readOrCreate(subjectIds: readonly string[]): Promise<(KeyRow | undefined)[]> {
    const result = await this.pool.query<KeyRow>(
      `WITH inserted AS (
         INSERT INTO data_subject_keys (subject_id, wrapped_key) SELECT * FROM unnest($1::text[], $2::bytea[])
         ON CONFLICT (subject_id) DO NOTHING RETURNING subject_id, wrapped_key, restricted)
       SELECT subject_id, wrapped_key, restricted FROM inserted
       UNION ALL
       SELECT subject_id, wrapped_key, restricted FROM data_subject_keys WHERE subject_id = ANY($1::text[])`,
      [subjectIds, subjectIds.map(() => wrapKey(randomBytes(32), this.masterKey))],
    );
    return inOrder(subjectIds, result.rows);
  }
}

function inOrder(subjectIds: readonly string[], rows: readonly KeyRow[]): (KeyRow | undefined)[] {
  const byId = new Map(rows.map((row) => [row.subject_id, row]));
  return subjectIds.map((id) => byId.get(id));
}
