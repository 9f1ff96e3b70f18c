import { defineEvent } from '../../personal-data/event-definition.ts';
import type { DomainEvent } from '../../shared/domain/decider.ts';

export const REFERRAL_SOURCES = ['police', 'self', 'partner'] as const;
export type ReferralSource = (typeof REFERRAL_SOURCES)[number];

export const CONSENT_BASES = ['explicit', 'implied'] as const;
export type ConsentBasis = (typeof CONSENT_BASES)[number];

export interface Victim {
  /** The data subject: every personal field below belongs to this id and is erased with it. */
  subjectId: string;
  name: string;
  dateOfBirth: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
}

export interface Consent {
  contact: boolean;
  dataSharing: boolean;
  basis: ConsentBasis;
}

export type ReferralReceived = DomainEvent<
  'ReferralReceived',
  {
    referralId: string;
    source: ReferralSource;
    crimeReference: string | null;
    crimeTypeId: string;
    offenceDate: string | null;
    crimeReportedOn: string | null;
    victim: Victim;
    consent: Consent;
    receivedAt: string;
  }
>;

export type CaseManagerAssigned = DomainEvent<'CaseManagerAssigned', { referralId: string; caseManager: string; assignedAt: string }>;

export type ReferralEvent = ReferralReceived | CaseManagerAssigned;

export const referralEventDefinitions = [
  defineEvent({
    type: 'ReferralReceived',
    schemaVersion: 1,
    personalData: [
      {
        subjectIdPath: 'victim.subjectId',
        fields: ['victim.name', 'victim.dateOfBirth', 'victim.phone', 'victim.email', 'victim.address'],
      },
    ],
  }),
  defineEvent({ type: 'CaseManagerAssigned', schemaVersion: 1, personalData: [] }),
];
