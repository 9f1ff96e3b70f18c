import type pg from 'pg';
import { withClient } from '../../database/pool.ts';
import type { EventStore } from '../event-store.port.ts';
import { EMPTY_DIGEST, foldDigest, hasValidSignature, signCheckpoint, type SignedCheckpoint } from './log-digest.ts';

const BATCH = 1000;
const LOCK = 'casework-integrity-checkpoint';

interface CheckpointRow {
  position: string;
  events: string;
  digest: string;
  signature: string;
}

/**
 * Signed checkpoints over the whole log, in PostgreSQL beside either engine. Each extends the
 * previous one's digest with the events after it; one process at a time takes them.
 */
export class IntegrityCheckpoints {
  constructor(
    private readonly pool: pg.Pool,
    /** The events as stored: digests cover ciphertext and hashes. */
    private readonly stored: EventStore,
    private readonly signingKey: Buffer,
  ) {}

  isAuthentic(checkpoint: SignedCheckpoint): boolean {
    return hasValidSignature(this.signingKey, checkpoint);
  }

  async all(): Promise<SignedCheckpoint[]> {
    const result = await this.pool.query<CheckpointRow>('SELECT position, events, digest, signature FROM integrity_checkpoints ORDER BY position');
    return result.rows.map(toCheckpoint);
  }

  /** A checkpoint covering every event now readable; undefined when there is nothing new or another process is taking one. */
  async take(): Promise<SignedCheckpoint | undefined> {
    return withClient(this.pool, (client) => this.takeOn(client));
  }

  /**
   * Under a session lock rather than in a transaction: hashing a long log (all of it, the first time) must not
   * hold a transaction open, which the server ends once idle past the statement timeout; the insert commits alone.
   */
  private async takeOn(client: pg.PoolClient): Promise<SignedCheckpoint | undefined> {
    const locked = await client.query('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [LOCK]);
    if (!locked.rows[0].locked) return undefined;
    try {
      const latest = (await client.query<CheckpointRow>('SELECT position, events, digest, signature FROM integrity_checkpoints ORDER BY position DESC LIMIT 1')).rows[0];
      let { position, events, digest } = latest ? toCheckpoint(latest) : { position: undefined as bigint | undefined, events: 0n, digest: EMPTY_DIGEST };
      const start = position;
      for (;;) {
        const batch = await this.stored.readAll({ after: position, maxCount: BATCH });
        for (const event of batch) digest = foldDigest(digest, event);
        events += BigInt(batch.length);
        if (batch.length > 0) position = batch.at(-1)!.position;
        if (batch.length < BATCH) break;
      }
      if (position === undefined || position === start) return undefined;
      const unsigned = { position, events, digest };
      const checkpoint = { ...unsigned, signature: signCheckpoint(this.signingKey, unsigned) };
      await client.query('INSERT INTO integrity_checkpoints (position, events, digest, signature) VALUES ($1, $2, $3, $4)', [
        position.toString(),
        events.toString(),
        digest,
        checkpoint.signature,
      ]);
      return checkpoint;
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [LOCK]).catch(() => undefined);
    }
  }
}

function toCheckpoint(row: CheckpointRow): SignedCheckpoint {
  return { position: BigInt(row.position), events: BigInt(row.events), digest: row.digest, signature: row.signature };
}
