import type { RemedyMeasure } from './settings.events.ts';

/**
 * Default lists of the victim journey (DOMAIN.md: configurable). Events store the ids only, so an
 * administrator may relabel or retire an entry without rewriting history.
 */
export interface ListEntry {
  id: string;
  label: string;
  measure?: RemedyMeasure;
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

/** The IOPC's complaint data scheme (2020) categories for allegations. */
export const DEFAULT_COMPLAINT_CATEGORIES: readonly ListEntry[] = [
  { id: 'delivery-of-duties-and-service', label: 'Delivery of duties and service' },
  { id: 'police-powers-policies-and-procedures', label: 'Police powers, policies and procedures' },
  { id: 'handling-of-property', label: 'Handling of or damage to property/premises' },
  { id: 'access-and-disclosure-of-information', label: 'Access and/or disclosure of information' },
  { id: 'use-of-police-vehicles', label: 'Use of police vehicles' },
  { id: 'discriminatory-behaviour', label: 'Discriminatory behaviour' },
  { id: 'abuse-of-position-corruption', label: 'Abuse of position / corruption' },
  { id: 'individual-behaviours', label: 'Individual behaviours' },
  { id: 'sexual-conduct', label: 'Sexual conduct' },
  { id: 'discreditable-conduct', label: 'Discreditable conduct' },
  { id: 'other', label: 'Other' },
];

/** Low-level offences and anti-social behaviour a Community Resolution may settle. */
export const DEFAULT_RESOLUTION_OFFENCE_TYPES: readonly ListEntry[] = [
  { id: 'criminal-damage', label: 'Criminal damage (low value)' },
  { id: 'theft-low-value', label: 'Theft (low value)' },
  { id: 'shop-theft', label: 'Shop theft (low value)' },
  { id: 'common-assault', label: 'Common assault (minor)' },
  { id: 'public-order', label: 'Public order offence' },
  { id: 'malicious-communications', label: 'Malicious communications' },
  { id: 'possession-of-cannabis', label: 'Possession of cannabis (personal use)' },
  { id: 'anti-social-behaviour', label: 'Anti-social behaviour' },
];

/** The Community Remedy menu the Commissioner agreed with the Chief Constable (ASBCPA 2014, s101). */
export const DEFAULT_COMMUNITY_REMEDIES: readonly ListEntry[] = [
  { id: 'verbal-apology', label: 'Verbal apology' },
  { id: 'written-apology', label: 'Written apology' },
  { id: 'reparation', label: 'Reparation to the victim (e.g. repairing damage)' },
  { id: 'financial-compensation', label: 'Financial compensation', measure: 'amount' },
  { id: 'unpaid-community-work', label: 'Unpaid work benefiting the community', measure: 'hours' },
  { id: 'structured-activity', label: 'Structured activity (e.g. a course or treatment)' },
  { id: 'acceptable-behaviour-contract', label: 'Acceptable behaviour contract / agreement not to reoffend' },
  { id: 'mediation', label: 'Mediation' },
  { id: 'restorative-justice-conference', label: 'Restorative justice conference' },
];

/**
 * Why a user reads a case (the `X-Purpose` header): chosen from this list, never typed, so the access log holds
 * no free text that could name someone. The first six are the roles' defaults when no purpose is sent.
 */
export const DEFAULT_ACCESS_PURPOSES: readonly ListEntry[] = [
  { id: 'victim-support', label: 'Supporting the victim' },
  { id: 'complaint-handling', label: 'Handling the complaint' },
  { id: 'community-resolution', label: 'Managing the Community Resolution' },
  { id: 'supervision', label: 'Supervision' },
  { id: 'audit', label: 'Audit' },
  { id: 'administration', label: 'Administration' },
  { id: 'safeguarding', label: 'Safeguarding' },
  { id: 'subject-access-request', label: 'Answering a subject access request' },
  { id: 'complaint-review', label: 'Reviewing a complaint' },
  { id: 'quality-assurance', label: 'Quality assurance (a dip sample)' },
];
