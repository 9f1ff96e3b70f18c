import { LRUCache } from 'lru-cache';
import type pg from 'pg';

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

  constructor(private readonly pool: pg.Pool) {}

  async link(links: readonly CaseLink[]): Promise<void> {
    const fresh = links.filter((link) => !this.known.has(keyOf(link)));
    if (fresh.length === 0) return;
    await this.pool.query(
      `INSERT INTO data_subject_cases (subject_id, case_subject_id) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING`,
      [fresh.map((link) => link.subjectId), fresh.map((link) => link.caseSubjectId)],
    );
    for (const link of fresh) this.known.set(keyOf(link), true);
  }

  /** The cases (their own data subjects) a person belongs to. */
  async casesOf(subjectId: string): Promise<string[]> {
    const result = await this.pool.query<{ case_subject_id: string }>('SELECT case_subject_id FROM data_subject_cases WHERE subject_id = $1', [subjectId]);
    return result.rows.map((row) => row.case_subject_id);
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
