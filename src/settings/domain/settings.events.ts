import { defineEvent, type Upcaster } from '../../personal-data/event-definition.ts';
import type { DomainEvent } from '../../shared/domain/decider.ts';
import type { CrimeType } from './crime-types.ts';
import type { RetentionPeriod } from './retention.ts';

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
  /** GOV.UK Notify templates: id `<message kind>-<channel>` (e.g. `cj-update-email`), its Notify template id an attribute. */
  'notifyTemplates',
  /** What a user may give as the purpose of a read (X-Purpose). */
  'accessPurposes',
] as const;
export type ListName = (typeof LIST_NAMES)[number];

/** How a Community Remedy is measured: compensation in pence, community work in hours; most have neither. */
export const REMEDY_MEASURES = ['amount', 'hours'] as const;
export type RemedyMeasure = (typeof REMEDY_MEASURES)[number];

/**
 * Attributes that carry rules, by list: crime types have their consent rule and priority group,
 * Community Remedies how they are measured, Notify templates their template id.
 */
export type ListEntryAttributes = Partial<Pick<CrimeType, 'explicitConsentRequired' | 'priorityGroup'>> & { measure?: RemedyMeasure; templateId?: string };

/**
 * A list entry as stored (schema version 2). Version 1 kept crime types' attributes beside the id
 * and label; version 2 gathers them under `attributes`, so any list can gain rule-bearing
 * attributes without another change of shape.
 */
export type ListEntryData = { id: string; label: string; attributes: ListEntryAttributes };

export type ListEntrySaved = DomainEvent<'ListEntrySaved', { list: ListName; entry: ListEntryData; savedAt: string }>;
export type ListEntryRetired = DomainEvent<'ListEntryRetired', { list: ListName; id: string; retiredAt: string }>;
export type ContactFailureThresholdSet = DomainEvent<'ContactFailureThresholdSet', { value: number; setAt: string }>;

export type RetentionPeriodSet = DomainEvent<'RetentionPeriodSet', RetentionPeriod & { setAt: string }>;

export type SettingsEvent = ListEntrySaved | ListEntryRetired | ContactFailureThresholdSet | RetentionPeriodSet;

/** Version 1 → 2: `{ id, label, explicitConsentRequired?, priorityGroup? }` → `{ id, label, attributes: {...} }`. */
export const gatherAttributes: Upcaster = (data) => {
  const { id, label, ...attributes } = data.entry as typeof data;
  return { ...data, entry: { id: id!, label: label!, attributes } };
};

export const settingsEventDefinitions = [
  // An entry's label is the office's wording of a choice, about no one.
  defineEvent({
    type: 'ListEntrySaved',
    schemaVersion: 2,
    personalData: [],
    upcasters: { 1: gatherAttributes },
    plain: ['list', 'entry.id', 'entry.label', 'entry.attributes.priorityGroup', 'entry.attributes.measure', 'entry.attributes.templateId', 'savedAt'],
  }),
  defineEvent({ type: 'ListEntryRetired', schemaVersion: 1, personalData: [], plain: ['list', 'id', 'retiredAt'] }),
  defineEvent({ type: 'ContactFailureThresholdSet', schemaVersion: 1, personalData: [], plain: ['setAt'] }),
  defineEvent({ type: 'RetentionPeriodSet', schemaVersion: 1, personalData: [], plain: ['caseKind', 'closureReason', 'setAt'] }),
];

/** Every administrator's change to the configurable lists is an event on this one stream. */
export const SETTINGS_STREAM = 'settings';
