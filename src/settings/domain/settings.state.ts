import { assertNever } from '../../shared/domain/decider.ts';
import { DEFAULT_CRIME_TYPES } from './crime-types.ts';
import {
  DEFAULT_ACCESS_PURPOSES,
  DEFAULT_CLOSURE_REASONS,
  DEFAULT_COMMUNITY_REMEDIES,
  DEFAULT_COMPLAINT_CATEGORIES,
  DEFAULT_DECLINE_REASONS,
  DEFAULT_NEEDS_DOMAINS,
  DEFAULT_RESOLUTION_OFFENCE_TYPES,
  DEFAULT_SUPPORT_SERVICES,
} from './default-lists.ts';
import { DEFAULT_RETENTION_PERIODS, type RetentionPeriod } from './retention.ts';
import type { ListEntryData, ListName, SettingsEvent } from './settings.events.ts';

export interface ListEntry extends ListEntryData {
  /** Retired entries still name what history refers to, but cannot be chosen any more. */
  retired: boolean;
}

export interface SettingsState {
  lists: Record<ListName, ListEntry[]>;
  contactFailureThreshold: number;
  retentionPeriods: RetentionPeriod[];
}

const active = (entries: readonly { id: string; label: string }[]): ListEntry[] =>
  entries.map(({ id, label, ...attributes }) => ({ id, label, attributes, retired: false }));

/** The shipped defaults (DOMAIN.md): what the settings stream changes. */
export const initialSettings = (): SettingsState => ({
  lists: {
    crimeTypes: active(DEFAULT_CRIME_TYPES),
    needsDomains: active(DEFAULT_NEEDS_DOMAINS),
    declineReasons: active(DEFAULT_DECLINE_REASONS),
    closureReasons: active(DEFAULT_CLOSURE_REASONS),
    supportServices: active(DEFAULT_SUPPORT_SERVICES),
    complaintCategories: active(DEFAULT_COMPLAINT_CATEGORIES),
    resolutionOffenceTypes: active(DEFAULT_RESOLUTION_OFFENCE_TYPES),
    communityRemedies: active(DEFAULT_COMMUNITY_REMEDIES),
    bankHolidays: [],
    notifyTemplates: [],
    accessPurposes: active(DEFAULT_ACCESS_PURPOSES),
  },
  contactFailureThreshold: 3,
  retentionPeriods: [...DEFAULT_RETENTION_PERIODS],
});

export function evolveSettings(state: SettingsState, event: SettingsEvent): SettingsState {
  switch (event.type) {
    case 'ListEntrySaved': {
      const { list, entry } = event.data;
      const others = state.lists[list].filter((existing) => existing.id !== entry.id);
      const position = state.lists[list].findIndex((existing) => existing.id === entry.id);
      const saved = { ...entry, retired: false };
      const entries = position < 0 ? [...others, saved] : [...others.slice(0, position), saved, ...others.slice(position)];
      return { ...state, lists: { ...state.lists, [list]: entries } };
    }
    case 'ListEntryRetired': {
      const { list, id } = event.data;
      return { ...state, lists: { ...state.lists, [list]: state.lists[list].map((entry) => (entry.id === id ? { ...entry, retired: true } : entry)) } };
    }
    case 'ContactFailureThresholdSet':
      return { ...state, contactFailureThreshold: event.data.value };
    case 'RetentionPeriodSet': {
      const { caseKind, closureReason, months } = event.data;
      const others = state.retentionPeriods.filter((period) => period.caseKind !== caseKind || period.closureReason !== closureReason);
      return { ...state, retentionPeriods: [...others, { caseKind, closureReason, months }] };
    }
    default:
      return assertNever(event);
  }
}
