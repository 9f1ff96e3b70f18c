/**
 * Default lists of the victim journey (DOMAIN.md: configurable). Events store the ids only, so an
 * administrator may relabel or retire an entry without rewriting history.
 */
export interface ListEntry {
  id: string;
  label: string;
}

export const DEFAULT_NEEDS_DOMAINS: readonly ListEntry[] = [
  { id: 'emotional', label: 'Emotional' },
  { id: 'practical', label: 'Practical' },
  { id: 'safety', label: 'Safety' },
  { id: 'health', label: 'Health' },
  { id: 'financial', label: 'Financial' },
  { id: 'housing', label: 'Housing' },
  { id: 'work-or-study', label: 'Ability to work or study' },
  { id: 'criminal-justice-information', label: 'Criminal-justice information' },
];

export const DEFAULT_DECLINE_REASONS: readonly ListEntry[] = [
  { id: 'wants-to-move-on', label: 'Wants to move on' },
  { id: 'supported-elsewhere', label: 'Already supported elsewhere' },
  { id: 'no-longer-needed', label: 'No longer needed' },
  { id: 'no-safe-contact', label: 'No safe contact method' },
  { id: 'other', label: 'Other' },
];

export const DEFAULT_CLOSURE_REASONS: readonly ListEntry[] = [
  { id: 'support-completed', label: 'Support completed' },
  { id: 'declined', label: 'Declined support' },
  { id: 'unable-to-contact', label: 'Unable to contact' },
  { id: 'duplicate', label: 'Duplicate' },
  { id: 'not-eligible', label: 'Not eligible' },
  { id: 'consent-withdrawn', label: 'Consent withdrawn' },
  { id: 'transferred', label: 'Transferred' },
];

export const DEFAULT_SUPPORT_SERVICES: readonly ListEntry[] = [
  { id: 'idva', label: 'Independent Domestic Violence Adviser' },
  { id: 'isva', label: 'Independent Sexual Violence Adviser' },
  { id: 'rj-coordinator', label: 'Restorative justice coordinator' },
  { id: 'missing-children-return-interview', label: 'Return-home interview for missing children' },
  { id: 'counselling', label: 'Counselling and mental health' },
  { id: 'young-victims', label: "Young victims' service" },
  { id: 'outreach', label: 'Outreach advice centre' },
];
