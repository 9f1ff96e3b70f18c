import type { EventCatalog } from '../event-store/event-catalog.ts';
import type { EventStore } from '../event-store/event-store.port.ts';
import { fold } from '../shared/domain/decider.ts';
import { disposalDecider, type Disposal } from './domain/disposal.decide.ts';
import { disposalStream, type DisposalEvent } from './domain/disposal.events.ts';

/** Whether the case was disposed of, from its certificate's stream: it holds at once, in every process. */
export async function disposalOf(store: EventStore, catalog: EventCatalog, caseId: string): Promise<Disposal> {
  return fold(disposalDecider, (await store.readStream(disposalStream(caseId))).map((event) => catalog.toDomain<DisposalEvent>(event)));
}
