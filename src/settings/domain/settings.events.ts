import { defineEvent } from '../../personal-data/event-definition.ts';
import type { DomainEvent } from '../../shared/domain/decider.ts';
import type { CrimeType } from './crime-types.ts';

export const LIST_NAMES = [
  'crimeTypes',
  'needsDomains',
  'declineReasons',
  'closureReasons',
  'supportServices',
  'complaintCategories',
  'resolutionOffenceTypes',
  'communityRemedies',
  /** Days off beyond the shipped bank holidays (one-off or newly announced): id is the date. */
  'bankHolidays',
] as const;
export type ListName = (typeof LIST_NAMES)[number];

/** A list entry as stored; crime types carry their two rule-bearing attributes too. */
export type ListEntryData = { id: string; label: string } & Partial<Pick<CrimeType, 'explicitConsentRequired' | 'priorityGroup'>>;

export type ListEntrySaved = DomainEvent<'ListEntrySaved', { list: ListName; entry: ListEntryData; savedAt: string }>;
export type ListEntryRetired = DomainEvent<'ListEntryRetired', { list: ListName; id: string; retiredAt: string }>;
export type ContactFailureThresholdSet = DomainEvent<'ContactFailureThresholdSet', { value: number; setAt: string }>;

export type SettingsEvent = ListEntrySaved | ListEntryRetired | ContactFailureThresholdSet;

export const settingsEventDefinitions = [
  defineEvent({ type: 'ListEntrySaved', schemaVersion: 1, personalData: [] }),
  defineEvent({ type: 'ListEntryRetired', schemaVersion: 1, personalData: [] }),
  defineEvent({ type: 'ContactFailureThresholdSet', schemaVersion: 1, personalData: [] }),
];

/** Every administrator's change to the configurable lists is an event on this one stream. */
export const SETTINGS_STREAM = 'settings';
