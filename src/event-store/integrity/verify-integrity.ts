import type { EventStore, RecordedEvent } from '../event-store.port.ts';
import { eventHash } from './event-hash.ts';

export type BreakReason = 'content-changed' | 'chain-broken' | 'revision-missing' | 'hash-missing';

export interface IntegrityBreak {
  stream: string;
  revision: number;
  position: string;
  eventId: string;
  reason: BreakReason;
}

export interface IntegrityReport {
  ok: boolean;
  eventsChecked: number;
  streamsChecked: number;
  /** Events written before chaining began (their streams' chains start after them). */
  unchained: number;
  firstBreak: IntegrityBreak | null;
}

interface StreamTip {
  revision: number;
  hash: string | null;
}

const BATCH = 1000;

/**
 * Recomputes every hash in global order (or one stream's) and stops at the first event that does
 * not match what was recorded: its content changed, it no longer follows its predecessor, or an
 * event before it is missing.
 */
export async function verifyIntegrity(store: EventStore, scope: { stream?: string } = {}): Promise<IntegrityReport> {
  const tips = new Map<string, StreamTip>();
  let eventsChecked = 0;
  let unchained = 0;
  const check = (event: RecordedEvent): IntegrityBreak | null => {
    const tip = tips.get(event.stream);
    const at = (reason: BreakReason) => ({ stream: event.stream, revision: event.revision, position: event.position.toString(), eventId: event.id, reason });
    eventsChecked++;
    if (event.revision !== (tip?.revision ?? -1) + 1) return at('revision-missing');
    const link = event.metadata.integrity;
    if (!link) {
      if (tip?.hash) return at('hash-missing');
      unchained++;
      tips.set(event.stream, { revision: event.revision, hash: null });
      return null;
    }
    if (link.previous !== (tip?.hash ?? null)) return at('chain-broken');
    if (eventHash(event, link.previous) !== link.hash) return at('content-changed');
    tips.set(event.stream, { revision: event.revision, hash: link.hash });
    return null;
  };
  const report = (firstBreak: IntegrityBreak | null): IntegrityReport => ({ ok: firstBreak === null, eventsChecked, streamsChecked: tips.size, unchained, firstBreak });

  if (scope.stream) {
    for (const event of await store.readStream(scope.stream)) {
      const broken = check(event);
      if (broken) return report(broken);
    }
    return report(null);
  }
  for (let after: bigint | undefined; ; ) {
    const batch = await store.readAll({ after, maxCount: BATCH });
    for (const event of batch) {
      const broken = check(event);
      if (broken) return report(broken);
    }
    if (batch.length < BATCH) return report(null);
    after = batch.at(-1)!.position;
  }
}
