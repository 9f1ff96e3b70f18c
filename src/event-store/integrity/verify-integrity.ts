import type { EventStore, RecordedEvent } from '../event-store.port.ts';
import { eventHash } from './event-hash.ts';
import { EMPTY_DIGEST, foldDigest, type SignedCheckpoint } from './log-digest.ts';

/** An event that does not match what was recorded: changed, unlinked from its predecessor, or after a gap. */
export interface EventBreak {
  reason: 'content-changed' | 'chain-broken' | 'revision-missing' | 'hash-missing';
  stream: string;
  revision: number;
  position: string;
  eventId: string;
}

/** A signed checkpoint the log no longer matches (events changed, removed or added before it), or one not signed by us. */
export interface CheckpointBreak {
  reason: 'checkpoint-mismatch' | 'checkpoint-forged';
  checkpointPosition: string;
}

export type IntegrityBreak = EventBreak | CheckpointBreak;

export interface IntegrityReport {
  ok: boolean;
  eventsChecked: number;
  streamsChecked: number;
  /** Events written before chaining began (their streams' chains start after them). */
  unchained: number;
  /** Signed checkpoints of the global log the events matched (whole-log verification only). */
  checkpointsVerified: number;
  firstBreak: IntegrityBreak | null;
}

export interface CheckpointSource {
  all(): Promise<SignedCheckpoint[]>;
  isAuthentic(checkpoint: SignedCheckpoint): boolean;
}

interface StreamTip {
  revision: number;
  hash: string | null;
}

const BATCH = 1000;

/**
 * Recomputes every hash in global order (or one stream's) and stops at the first event that does
 * not match what was recorded. Over the whole log it also replays the signed checkpoints' digests,
 * which catches a history rewritten with recomputed chains, or cut short, before the last checkpoint.
 */
export async function verifyIntegrity(store: EventStore, scope: { stream?: string; checkpoints?: CheckpointSource } = {}): Promise<IntegrityReport> {
  const chains = new ChainCheck();
  if (scope.stream) {
    for (const event of await store.readStream(scope.stream)) {
      const broken = chains.check(event);
      if (broken) return chains.report(broken, 0);
    }
    return chains.report(null, 0);
  }
  const checkpoints = scope.checkpoints ? await scope.checkpoints.all() : [];
  const forged = checkpoints.find((checkpoint) => !scope.checkpoints!.isAuthentic(checkpoint));
  if (forged) return chains.report({ reason: 'checkpoint-forged', checkpointPosition: forged.position.toString() }, 0);
  let digest = EMPTY_DIGEST;
  let events = 0n;
  let verified = 0;
  const mismatch = (checkpoint: SignedCheckpoint): CheckpointBreak => ({ reason: 'checkpoint-mismatch', checkpointPosition: checkpoint.position.toString() });
  for await (const event of committedEvents(store)) {
    // A checkpoint whose last event was skipped over: that event is gone.
    const passed = checkpoints[verified];
    if (passed && event.position > passed.position) return chains.report(mismatch(passed), verified);
    const broken = chains.check(event);
    if (broken) return chains.report(broken, verified);
    digest = foldDigest(digest, event);
    events += 1n;
    const due = checkpoints[verified];
    if (due && event.position === due.position) {
      if (due.digest !== digest || due.events !== events) return chains.report(mismatch(due), verified);
      verified++;
    }
  }
  const unreached = checkpoints[verified];
  return chains.report(unreached ? mismatch(unreached) : null, verified);
}

/**
 * Every event committed now, in global order: the settled ones in batches, then all after them in one read,
 * so an event committed while an older transaction still runs (a projector's, or any on the server) is
 * verified too. One statement sees that tail consistently: an event never commits before the one it follows.
 */
async function* committedEvents(store: EventStore): AsyncGenerator<RecordedEvent> {
  let after: bigint | undefined;
  for (;;) {
    const batch = await store.readAll({ after, maxCount: BATCH });
    yield* batch;
    if (batch.length > 0) after = batch.at(-1)!.position;
    if (batch.length < BATCH) break;
  }
  yield* await store.readAll({ after, includeUnsettled: true });
}

/** Each stream's chain: revisions without gaps, each event linked to the previous one's hash, each hash recomputed. */
class ChainCheck {
  private readonly tips = new Map<string, StreamTip>();
  private eventsChecked = 0;
  private unchained = 0;

  check(event: RecordedEvent): EventBreak | null {
    const tip = this.tips.get(event.stream);
    const at = (reason: EventBreak['reason']): EventBreak => ({ reason, stream: event.stream, revision: event.revision, position: event.position.toString(), eventId: event.id });
    this.eventsChecked++;
    if (event.revision !== (tip?.revision ?? -1) + 1) return at('revision-missing');
    const link = event.metadata.integrity;
    if (!link) {
      if (tip?.hash) return at('hash-missing');
      this.unchained++;
      this.tips.set(event.stream, { revision: event.revision, hash: null });
      return null;
    }
    if (link.previous !== (tip?.hash ?? null)) return at('chain-broken');
    if (eventHash(event, link.previous) !== link.hash) return at('content-changed');
    this.tips.set(event.stream, { revision: event.revision, hash: link.hash });
    return null;
  }

  report(firstBreak: IntegrityBreak | null, checkpointsVerified: number): IntegrityReport {
    return { ok: firstBreak === null, eventsChecked: this.eventsChecked, streamsChecked: this.tips.size, unchained: this.unchained, checkpointsVerified, firstBreak };
  }
}
