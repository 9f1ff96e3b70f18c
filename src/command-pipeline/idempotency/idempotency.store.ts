import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isUnavailable } from '../../database/unavailable.ts';
import { IdempotencyConflict } from './idempotency.errors.ts';

export interface StoredResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export type Claim = { kind: 'claimed' } | { kind: 'replay'; response: StoredResponse };

const RELEASE_RETRY_PAUSE_MS = 100;

/** A claim older than this is taken to belong to a crashed request and may be taken over. */
const ABANDONED_AFTER_SECONDS = 30;

/**
 * Remembers the first response to each (user, Idempotency-Key) in PostgreSQL, so a retry gets it
 * again even after a restart. A claim row is written before the command runs, so two concurrent
 * requests with one key never both run it.
 */
@Injectable()
export class IdempotencyStore {
  constructor(private readonly dataSource: DataSource) {}

  async claim(owner: string, key: string, fingerprint: string): Promise<Claim> {
    const inserted = await this.dataSource.query(
      `INSERT INTO idempotency_keys (owner, key, fingerprint) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING RETURNING 1`,
      [owner, key, fingerprint],
    );
    if (inserted.length > 0) return { kind: 'claimed' };

    const [existing] = await this.dataSource.query(
      `SELECT fingerprint, status, headers, body, claimed_at < now() - make_interval(secs => $3) AS abandoned
         FROM idempotency_keys WHERE owner = $1 AND key = $2`,
      [owner, key, ABANDONED_AFTER_SECONDS],
    );
    if (!existing) return this.claim(owner, key, fingerprint);
    if (existing.fingerprint !== fingerprint) throw new IdempotencyConflict('idempotency-key-reused');
    if (existing.status !== null) return { kind: 'replay', response: { status: existing.status, headers: existing.headers, body: existing.body } };
    if (existing.abandoned && (await this.takeOver(owner, key))) return { kind: 'claimed' };
    throw new IdempotencyConflict('idempotency-request-in-progress');
  }

  async complete(owner: string, key: string, response: StoredResponse): Promise<void> {
    await this.dataSource.query(
      'UPDATE idempotency_keys SET status = $3, headers = $4, body = $5 WHERE owner = $1 AND key = $2',
      [owner, key, response.status, JSON.stringify(response.headers), JSON.stringify(response.body)],
    );
  }

  /**
   * A failure worth retrying (5xx) must not pin the key to that failure. The fault is often a cut connection (a
   * restart, a failover), which may have cut the pooled one this takes too: a second try gets a fresh one.
   */
  async release(owner: string, key: string): Promise<void> {
    const release = () => this.dataSource.query('DELETE FROM idempotency_keys WHERE owner = $1 AND key = $2 AND status IS NULL', [owner, key]);
    await release().catch(async (error: unknown) => {
      if (!isUnavailable(error)) throw error;
      // Long enough for the pool to hear of its other cut connections and open a fresh one.
      await new Promise((resolve) => setTimeout(resolve, RELEASE_RETRY_PAUSE_MS));
      return release();
    });
  }

  private async takeOver(owner: string, key: string): Promise<boolean> {
    // Wrapped in a SELECT because TypeORM returns UPDATE results as [rows, count].
    const [taken] = await this.dataSource.query(
      `WITH taken AS (
         UPDATE idempotency_keys SET claimed_at = now()
          WHERE owner = $1 AND key = $2 AND status IS NULL AND claimed_at < now() - make_interval(secs => $3) RETURNING 1)
       SELECT count(*)::int AS count FROM taken`,
      [owner, key, ABANDONED_AFTER_SECONDS],
    );
    return taken.count > 0;
  }
}
