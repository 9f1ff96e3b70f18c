import { CommandHandler, STREAM_DOES_NOT_EXIST, type Event, type EventStore } from '@event-driven-io/emmett';
import { randomUUID } from 'node:crypto';

/** The two commands of the bench's mix, as a team would write them with Emmett: events, evolve, a decision each. */
// Type aliases, not interfaces: Emmett's event data must be assignable to a record.
export type ReceiveReferral = {
  source: string;
  crimeType: string;
  victim: { name: string; phone?: string; email?: string; address?: string };
  consent: { contact: boolean; dataSharing: boolean; basis: string };
};

export type RecordContact = {
  outcome: 'made' | 'failed';
  channel: string;
  at: string;
  note?: string;
};

type ReferralReceived = Event<'ReferralReceived', ReceiveReferral & { referralId: string; receivedAt: string }>;
type ContactRecorded = Event<'ContactRecorded', RecordContact & { referralId: string }>;
type ReferralEvent = ReferralReceived | ContactRecorded;

interface Referral {
  received: boolean;
  contacts: number;
}

export class ReferralNotFound extends Error {}
export class ContactInTheFuture extends Error {}

const evolve = (state: Referral, event: ReferralEvent): Referral =>
  event.type === 'ReferralReceived' ? { received: true, contacts: 0 } : { ...state, contacts: state.contacts + 1 };

const handle = CommandHandler<Referral, ReferralEvent>({
  evolve,
  initialState: () => ({ received: false, contacts: 0 }),
  mapToStreamId: (id) => `referral-${id}`,
  // Like Casework's pipeline, a command that lost a race re-reads and decides again.
  retry: { onVersionConflict: 10 },
});

export async function receiveReferral(store: EventStore, command: ReceiveReferral): Promise<string> {
  const referralId = randomUUID();
  const event: ReferralReceived = { type: 'ReferralReceived', data: { ...command, referralId, receivedAt: new Date().toISOString() } };
  await store.appendToStream(`referral-${referralId}`, [event], { expectedStreamVersion: STREAM_DOES_NOT_EXIST });
  return referralId;
}

export async function recordContact(store: EventStore, referralId: string, command: RecordContact): Promise<bigint> {
  const { nextExpectedStreamVersion } = await handle(store, referralId, (state): ContactRecorded => {
    if (!state.received) throw new ReferralNotFound();
    if (Date.parse(command.at) > Date.now()) throw new ContactInTheFuture();
    return { type: 'ContactRecorded', data: { ...command, referralId } };
  });
  return BigInt(nextExpectedStreamVersion);
}
