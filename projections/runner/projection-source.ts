import type { EventStore } from '../../src/event-store/event-store.port.ts';
import type { Projection } from './projection.ts';

/** Only read models that copy personal data need it decrypted; the others read the events as stored. */
export function sourceFor(projection: Projection, decrypting: EventStore, stored: EventStore): EventStore {
  return projection.holdsPersonalData ? decrypting : stored;
}
