import type { ReferralEvent, ReferralReceived } from './referral.events.ts';

/** For deciders' tests: a self-referral received on 1 March 2026, with whatever the test changes. */
export function referralReceived(changes: Partial<ReferralReceived['data']> = {}): ReferralEvent {
  return {
    type: 'ReferralReceived',
    data: {
      referralId: 'r-1',
      source: 'self',
      crimeReference: null,
      crimeTypeId: 'burglary',
      offenceDate: null,
      crimeReportedOn: null,
      victim: { subjectId: 's-1', name: 'Ann Example', dateOfBirth: null, phone: null, email: null, address: null },
      consent: { contact: true, dataSharing: true, basis: 'implied' },
      receivedAt: '2026-03-01T09:00:00.000Z',
      ...changes,
    },
  };
}
