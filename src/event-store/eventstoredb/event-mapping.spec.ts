import { describe, expect, it } from '@jest/globals';
import type { JSONRecordedEvent, RecordedEvent as ClientRecordedEvent } from '@kurrent/kurrentdb-client';
import type { NewEvent } from '../event-store.port.ts';
import { toEventData, toRecordedEvent, UnreadableStoredEvent } from './event-mapping.ts';

const received: NewEvent = {
  id: '0b6f0c44-5d6a-4c1e-9a53-0f0c2d7e9a11',
  type: 'ReferralReceived',
  schemaVersion: 2,
  data: { referralId: 'r-1', victim: { name: 'A. Person' }, tags: ['urgent'] },
  metadata: { actor: { sub: 'user-7', roles: ['caseworker'] }, correlationId: 'corr-1', causationId: 'cause-1' },
};

/** What the server hands back for an event written from `eventData`. */
function stored(eventData: ReturnType<typeof toEventData>, overrides: Partial<JSONRecordedEvent> = {}): ClientRecordedEvent {
  return {
    streamId: 'referral-r-1',
    id: eventData.id,
    isJson: true,
    revision: 3n,
    type: eventData.type,
    created: new Date('2026-03-01T10:00:00.123Z'),
    data: eventData.data as JSONRecordedEvent['data'],
    metadata: eventData.metadata,
    position: { commit: 9_876n, prepare: 9_876n },
    ...overrides,
  } as ClientRecordedEvent;
}

describe('event mapping', () => {
  it('writes a JSON event with our metadata, the schema version and EventStoreDB correlation keys', () => {
    expect(toEventData(received)).toEqual({
      id: received.id,
      contentType: 'application/json',
      type: 'ReferralReceived',
      data: received.data,
      metadata: {
        actor: { sub: 'user-7', roles: ['caseworker'] },
        correlationId: 'corr-1',
        causationId: 'cause-1',
        schemaVersion: 2,
        $correlationId: 'corr-1',
        $causationId: 'cause-1',
      },
    });
  });

  it('reads back exactly what was written, with stream, revision, position and server time', () => {
    expect(toRecordedEvent(stored(toEventData(received)))).toEqual({
      ...received,
      stream: 'referral-r-1',
      revision: 3,
      position: 9_876n,
      recordedAt: new Date('2026-03-01T10:00:00.123Z'),
    });
  });

  it('refuses events Casework did not write', () => {
    const eventData = toEventData(received);
    expect(() => toRecordedEvent(stored(eventData, { metadata: { $correlationId: 'corr-1' } }))).toThrow(UnreadableStoredEvent);
    expect(() => toRecordedEvent(stored(eventData, { metadata: undefined }))).toThrow(/no Casework metadata/);
    expect(() => toRecordedEvent(stored(eventData, { data: ['not', 'an', 'object'] }))).toThrow(/no JSON object as data/);
    expect(() => toRecordedEvent(stored(eventData, { isJson: false as true, data: new Uint8Array([1]) as never }))).toThrow(UnreadableStoredEvent);
  });
});
