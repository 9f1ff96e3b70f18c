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
  /** GOV.UK Notify templates: id `<message kind>-<channel>` (e.g. `cj-update-email`), its Notify template id and placeholders attributes. */
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
 * Community Remedies how they are measured, Notify templates their template id and the placeholders (the
 * personalisation) the template uses, so a message's form asks for each.
 */
export type ListEntryAttributes = Partial<Pick<CrimeType, 'explicitConsentRequired' | 'priorityGroup'>> & { measure?: RemedyMeasure; templateId?: string; placeholders?: string[] };

/** The placeholders every message's form filled in before templates named their own: the templates configured then use them. */
export const FIRST_TEMPLATE_PLACEHOLDERS: readonly string[] = ['first_name', 'update'];

/**
 * A list entry as stored (schema version 3). Version 1 kept crime types' attributes beside the id
 * and label; version 2 gathers them under `attributes`, so any list can gain rule-bearing
 * attributes without another change of shape; version 3 gives every Notify template its `placeholders`.
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

/** Version 2 → 3: a Notify template saved before templates named their placeholders uses the two every form filled in. */
export const namePlaceholders: Upcaster = (data) => {
  if (data.list !== 'notifyTemplates') return data;
  const entry = data.entry as ListEntryData;
  return { ...data, entry: { ...entry, attributes: { ...entry.attributes, placeholders: [...FIRST_TEMPLATE_PLACEHOLDERS] } } };
};

export const settingsEventDefinitions = [
  // An entry's label is the office's wording of a choice, about no one.
  defineEvent({
    type: 'ListEntrySaved',
    schemaVersion: 3,
    personalData: [],
    upcasters: { 1: gatherAttributes, 2: namePlaceholders },
    plain: ['list', 'entry.id', 'entry.label', 'entry.attributes.priorityGroup', 'entry.attributes.measure', 'entry.attributes.templateId', 'entry.attributes.placeholders[]', 'savedAt'],
  }),
  defineEvent({ type: 'ListEntryRetired', schemaVersion: 1, personalData: [], plain: ['list', 'id', 'retiredAt'] }),
  defineEvent({ type: 'ContactFailureThresholdSet', schemaVersion: 1, personalData: [], plain: ['setAt'] }),
  defineEvent({ type: 'RetentionPeriodSet', schemaVersion: 1, personalData: [], plain: ['caseKind', 'closureReason', 'setAt'] }),
];

/** Every administrator's change to the configurable lists is an event on this one stream. */
export const SETTINGS_STREAM = 'settings';
