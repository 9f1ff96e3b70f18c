import { randomUUID } from 'node:crypto';
import { idsDerivedFrom } from '../../command-pipeline/id-source.ts';
import type { EventCatalog } from '../../event-store/event-catalog.ts';
import type { EventStore } from '../../event-store/event-store.port.ts';
import { dataSubjectDecider } from '../data-subjects/data-subject.decide.ts';
import { dataSubjectStream } from '../data-subjects/data-subject.events.ts';
import type { SubjectKeys } from '../subject-keys.ts';
import type { ErasureEntry } from './erasure-register.ts';

export interface Reapplied {
  /** Keys the restored database still held, destroyed now. */
  keysDestroyed: number;
  /** Erasures the restored database had no record of, recorded now (the read models follow them). */
  recorded: number;
}

/**
 * Erases again, after a restore, every subject the register names: destroys any key still held and records any
 * erasure missing from the store, dated, with the ground and request reference, as registered. Running it twice changes nothing more.
 */
export async function reapplyErasures(entries: readonly ErasureEntry[], { keys, store, catalog }: { keys: SubjectKeys; store: EventStore; catalog: EventCatalog }): Promise<Reapplied> {
  const outcome: Reapplied = { keysDestroyed: 0, recorded: 0 };
  for (const { subjectId, erasedAt, ground, requestReference, requestId } of entries) {
    outcome.keysDestroyed += await keys.erase(subjectId);
    const stream = dataSubjectStream(subjectId);
    const history = await store.readStream(stream);
    const state = history.reduce((folded, event) => dataSubjectDecider.evolve(folded, catalog.toDomain(event)), dataSubjectDecider.initialState());
    if (state.erased) continue;
    const decided = dataSubjectDecider.decide({ type: 'Erase', subjectId, ground, requestReference, metadata: { now: new Date(erasedAt) } }, state);
    // Ids derived from the entry: a second run, or two at once, append it once.
    const ids = idsDerivedFrom(`reapplied-erasure/${subjectId}`);
    const metadata = { actor: { sub: 'casework', roles: [] }, correlationId: requestId, causationId: `reapply/${randomUUID()}` };
    const events = decided.map((event, index) => ({ id: ids.eventId(index), type: event.type, schemaVersion: catalog.schemaVersionOf(event), data: catalog.dataOf(event), metadata }));
    await store.append(stream, events, history.at(-1)?.revision ?? 'no_stream');
    outcome.recorded++;
  }
  return outcome;
}
