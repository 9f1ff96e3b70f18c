import { LRUCache } from 'lru-cache';
import type pg from 'pg';
import { oneBatchAtATime } from '../shared/one-batch-at-a-time.ts';

/** Links this process has stored, so a busy case's appends do not write them again. */
const KNOWN_LINKS = 50_000;

/** A person (data subject) of a case, and the case's own data subject, under which its free text is sealed. */
export interface CaseLink {
  subjectId: string;
  caseSubjectId: string;
}

/**
 * Which case each data subject belongs to (`data_subject_cases`), so that the erasure or restriction of any
 * person of a case reaches the case's free text too. Linked on append, before the event is stored.
 */
export class CaseSubjects {
  private readonly known = new LRUCache<string, true>({ max: KNOWN_LINKS });
  /** Concurrent appends' links stored in one statement: a referral's receipt links its people on every create. */
  private readonly stored = oneBatchAtATime((links: readonly CaseLink[]) => this.store(links));

  constructor(private readonly pool: pg.Pool) {}

  async link(links: readonly CaseLink[]): Promise<void> {
    const fresh = links.filter((link) => !this.known.has(keyOf(link)));
    if (fresh.length === 0) return;
    await Promise.all(fresh.map((link) => this.stored.load(link)));
    for (const link of fresh) this.known.set(keyOf(link), true);
  }

  private async store(links: readonly CaseLink[]): Promise<true[]> {
    await this.pool.query(
      `INSERT INTO data_subject_cases (subject_id, case_subject_id) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING`,
      [links.map((link) => link.subjectId), links.map((link) => link.caseSubjectId)],
    );
    return links.map(() => true);
  }

  /** The cases (their own data subjects) a person belongs to. */
  async casesOf(subjectId: string): Promise<string[]> {
    const result = await this.pool.query<{ case_subject_id: string }>('SELECT case_subject_id FROM data_subject_cases WHERE subject_id = $1', [subjectId]);
    return result.rows.map((row) => row.case_subject_id);
  }

  /**
   * The people of each of the cases that appear in no other case: a subject id is minted for its case, so only a
   * subject linked to two cases (a person's record another case's events took up) belongs to one outside these.
   */
  async peopleOnlyOf(caseSubjectIds: readonly string[]): Promise<Map<string, string[]>> {
    const result = await this.pool.query<{ subject_id: string; case_subject_id: string }>(
      `SELECT subject_id, case_subject_id FROM data_subject_cases c
        WHERE case_subject_id = ANY($1::text[])
          AND NOT EXISTS (SELECT 1 FROM data_subject_cases other WHERE other.subject_id = c.subject_id AND other.case_subject_id <> ALL($1::text[]))`,
      [caseSubjectIds],
    );
    const people = new Map(caseSubjectIds.map((id) => [id, [] as string[]]));
    for (const row of result.rows) people.get(row.case_subject_id)!.push(row.subject_id);
    return people;
  }

  /** Whether a person of the case other than `except` is still restricted: the case's free text stays restricted for them. */
  async anotherRestricted(caseSubjectId: string, except: string): Promise<boolean> {
    const result = await this.pool.query(
      `SELECT 1 FROM data_subject_cases c JOIN data_subject_keys k USING (subject_id)
        WHERE c.case_subject_id = $1 AND c.subject_id <> $2 AND k.restricted LIMIT 1`,
      [caseSubjectId, except],
    );
    return result.rowCount === 1;
  }
}

const keyOf = ({ subjectId, caseSubjectId }: CaseLink) => `${subjectId}/${caseSubjectId}`;
