import type { EventCatalog } from '../../../event-store/event-catalog.ts';
import type { EventStore } from '../../../event-store/event-store.port.ts';
import { legalHoldDecider, type LegalHold } from '../../domain/legal-hold.decide.ts';
import type { LegalHoldEvent } from '../../domain/legal-hold.events.ts';

const HOLD_EVENTS = ['LegalHoldPlaced', 'LegalHoldLifted'];
const BATCH = 1000;

export type HeldCase = { caseId: string } & Extract<LegalHold, { status: 'held' }>;

/**
 * The cases under a legal hold now, oldest hold first: folded from the holds' own events (few, and indexed by type),
 * so no read model lags behind a hold just placed, and one read serves a review of any number of cases.
 */
export async function heldCases(store: EventStore, catalog: EventCatalog): Promise<HeldCase[]> {
  const holds = new Map<string, LegalHold>();
  let after: bigint | undefined;
  for (;;) {
    // Everything committed now, a hold just placed included (an event still to commit elsewhere was not there yet).
    const batch = await store.readAll({ eventTypes: HOLD_EVENTS, maxCount: BATCH, after, includeUnsettled: true });
    if (batch.length === 0) break;
    for (const recorded of batch) {
      const event = catalog.toDomain<LegalHoldEvent>(recorded);
      holds.set(event.data.caseId, legalHoldDecider.evolve(holds.get(event.data.caseId) ?? legalHoldDecider.initialState(), event));
    }
    after = batch.at(-1)!.position;
  }
  const held = [...holds].flatMap(([caseId, hold]) => (hold.status === 'held' ? [{ caseId, ...hold }] : []));
  return held.sort((a, b) => a.since.localeCompare(b.since));
}
