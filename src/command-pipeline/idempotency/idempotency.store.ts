import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
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

/** A claim of another process older than this is taken to belong to a crashed request and may be taken over. */
const ABANDONED_AFTER_SECONDS = 30;

/**
 * Remembers the first response to each (user, Idempotency-Key) in PostgreSQL, so a retry gets it
 * again even after a restart. A claim row is written before the command runs, so two concurrent
 * requests with one key never both run it.
 */
@Injectable()
export class IdempotencyStore {
  /** This process, in the claims it writes. */
  private readonly processId = randomUUID();
  /**
   * The keys a request of this process holds now. A claim of this process that no request holds was left by one that
   * ended without recording its answer (the database went away under it): it is free at once, not after the lease.
   */
  private readonly held = new Set<string>();

  constructor(private readonly dataSource: DataSource) {}

  async claim(owner: string, key: string, fingerprint: string): Promise<Claim> {
    const holding = `${owner}\n${key}`;
    // Taken before the first await, so of two requests of this process with one key only one may take a claim over.
    const free = !this.held.has(holding);
    if (free) this.held.add(holding);
    try {
      const claim = await this.claimRow(owner, key, fingerprint, free);
      if (claim.kind !== 'claimed' && free) this.held.delete(holding);
      return claim;
    } catch (error) {
      if (free) this.held.delete(holding);
      throw error;
    }
  }

  async complete(owner: string, key: string, response: StoredResponse): Promise<void> {
    try {
      await this.dataSource.query(
        'UPDATE idempotency_keys SET status = $3, headers = $4, body = $5 WHERE owner = $1 AND key = $2',
        [owner, key, response.status, JSON.stringify(response.headers), JSON.stringify(response.body)],
      );
    } finally {
      this.held.delete(`${owner}\n${key}`);
    }
  }

  /**
   * A failure worth retrying (5xx) must not pin the key to that failure. The fault is often a cut connection (a
   * restart, a failover), which may have cut the pooled one this takes too: a second try gets a fresh one.
   */
  async release(owner: string, key: string): Promise<void> {
    const release = () => this.dataSource.query('DELETE FROM idempotency_keys WHERE owner = $1 AND key = $2 AND status IS NULL', [owner, key]);
    try {
      await release().catch(async (error: unknown) => {
        if (!isUnavailable(error)) throw error;
        // Long enough for the pool to hear of its other cut connections and open a fresh one.
        await new Promise((resolve) => setTimeout(resolve, RELEASE_RETRY_PAUSE_MS));
        return release();
      });
    } finally {
      this.held.delete(`${owner}\n${key}`);
    }
  }

  private async claimRow(owner: string, key: string, fingerprint: string, mayTakeOver: boolean): Promise<Claim> {
    const inserted = await this.dataSource.query(
      `INSERT INTO idempotency_keys (owner, key, fingerprint, claimed_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING RETURNING 1`,
      [owner, key, fingerprint, this.processId],
    );
    if (inserted.length > 0) return { kind: 'claimed' };

    const [existing] = await this.dataSource.query(
      `SELECT fingerprint, status, headers, body, claimed_at < now() - make_interval(secs => $3) OR claimed_by = $4 AS abandoned
         FROM idempotency_keys WHERE owner = $1 AND key = $2`,
      [owner, key, ABANDONED_AFTER_SECONDS, this.processId],
    );
    if (!existing) return this.claimRow(owner, key, fingerprint, mayTakeOver);
    if (existing.fingerprint !== fingerprint) throw new IdempotencyConflict('idempotency-key-reused');
    if (existing.status !== null) return { kind: 'replay', response: { status: existing.status, headers: existing.headers, body: existing.body } };
    if (mayTakeOver && existing.abandoned && (await this.takeOver(owner, key))) return { kind: 'claimed' };
    throw new IdempotencyConflict('idempotency-request-in-progress');
  }

  private async takeOver(owner: string, key: string): Promise<boolean> {
    // Wrapped in a SELECT because TypeORM returns UPDATE results as [rows, count].
    const [taken] = await this.dataSource.query(
      `WITH taken AS (
         UPDATE idempotency_keys SET claimed_at = now(), claimed_by = $4
          WHERE owner = $1 AND key = $2 AND status IS NULL
            AND (claimed_at < now() - make_interval(secs => $3) OR claimed_by = $4) RETURNING 1)
       SELECT count(*)::int AS count FROM taken`,
      [owner, key, ABANDONED_AFTER_SECONDS, this.processId],
    );
    return taken.count > 0;
  }
}
