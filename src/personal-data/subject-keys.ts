import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { unwrapKey, wrapKey } from './field-cipher.ts';

export type SubjectKey = { state: 'active'; key: Buffer; restricted: boolean } | { state: 'erased' };

interface KeyRow {
  subject_id: string;
  wrapped_key: Buffer | null;
  restricted: boolean;
}

/**
 * One AES-256 key per data subject, stored wrapped by the master key in PostgreSQL (for either event
 * engine). Destroying a subject's key is what erases them: their ciphertext stays in history, unreadable.
 * Keys are read per call, never cached, so an erasure holds at once in every process.
 */
export class SubjectKeys {
  constructor(
    private readonly pool: pg.Pool,
    private readonly masterKey: Buffer,
  ) {}

  /** The subjects' keys; with `create`, subjects seen for the first time get one. */
  async keysFor(subjectIds: readonly string[], create: boolean): Promise<Map<string, SubjectKey>> {
    const wanted = [...new Set(subjectIds)];
    if (wanted.length === 0) return new Map();
    let rows = await this.read(wanted);
    const missing = wanted.filter((id) => !rows.some((row) => row.subject_id === id));
    if (create && missing.length > 0) {
      const wrapped = missing.map(() => wrapKey(randomBytes(32), this.masterKey));
      await this.pool.query(
        'INSERT INTO data_subject_keys (subject_id, wrapped_key) SELECT * FROM unnest($1::text[], $2::bytea[]) ON CONFLICT (subject_id) DO NOTHING',
        [missing, wrapped],
      );
      rows = await this.read(wanted);
    }
    return new Map(rows.map((row) => [row.subject_id, row.wrapped_key ? { state: 'active', key: this.unwrap(row.wrapped_key), restricted: row.restricted } : { state: 'erased' }]));
  }

  /** Destroys the key; false when the subject has no key or it is already destroyed. */
  async erase(subjectId: string): Promise<boolean> {
    const result = await this.pool.query('UPDATE data_subject_keys SET wrapped_key = NULL, erased_at = now() WHERE subject_id = $1 AND wrapped_key IS NOT NULL', [subjectId]);
    return result.rowCount === 1;
  }

  /** Hides (or shows again) the subject's data from everyone but auditors; false for an unknown or erased subject. */
  async restrict(subjectId: string, restricted: boolean): Promise<boolean> {
    const result = await this.pool.query('UPDATE data_subject_keys SET restricted = $2 WHERE subject_id = $1 AND wrapped_key IS NOT NULL', [subjectId, restricted]);
    return result.rowCount === 1;
  }

  private unwrap(wrapped: Buffer): Buffer {
    try {
      return unwrapKey(wrapped, this.masterKey);
    } catch {
      throw new Error('A data subject key does not open with this master key: every process must share the same MASTER_KEY');
    }
  }

  private async read(subjectIds: readonly string[]): Promise<KeyRow[]> {
    return (await this.pool.query<KeyRow>('SELECT subject_id, wrapped_key, restricted FROM data_subject_keys WHERE subject_id = ANY($1::text[])', [subjectIds])).rows;
  }
}
