import { randomUUID } from 'node:crypto';
import type { EventMetadata, JsonObject, NewEvent } from '../src/event-store/event-store.port.ts';

/** The parts every contender stores: a realistic ~500-byte referral with our metadata. */
export interface BenchEvent {
  type: string;
  data: JsonObject;
  metadata: EventMetadata;
}

export function referralReceived(): BenchEvent {
  const referralId = randomUUID();
  return {
    type: 'ReferralReceived',
    data: {
      referralId,
      source: 'police',
      crimeReference: 'CR-2025-0412337',
      crimeTypeId: 'burglary-dwelling',
      offenceDate: '2025-03-14',
      crimeReportedOn: '2025-03-15',
      victim: {
        subjectId: randomUUID(),
        name: 'Alexandra Whitfield-Okonkwo',
        dateOfBirth: '1979-11-02',
        phone: '+44 7700 900412',
        email: 'alexandra.whitfield@example.org',
        address: '42 Larkspur Crescent, Leyburn, DL8 3QT',
      },
      consent: { contact: true, dataSharing: true, basis: 'explicit' },
      receivedAt: new Date().toISOString(),
    },
    metadata: {
      actor: { sub: 'case-manager-0017', roles: ['case-manager'] },
      correlationId: randomUUID(),
      causationId: randomUUID(),
    },
  };
}

/** The same event as our store's input: the writer chooses the id. */
export function newReferralEvent(): NewEvent {
  return { id: randomUUID(), schemaVersion: 1, ...referralReceived() };
}
