import type { Role } from '../../auth/roles.ts';
import { CHANGE_REASONS, LIFT_REASONS, RESTRICTION_REASONS } from '../../case-access/domain/restricted-access.events.ts';
import { HOLD_REASONS, RELEASE_REASONS } from '../../retention/domain/legal-hold.events.ts';
import { DISABILITIES, ETHNICITIES, GENDERS } from '../../shared/domain/demographics.ts';
import type { CommandForm, FormField } from './command-form.ts';

const NAMED_PEOPLE: FormField[] = [
  { name: 'users', label: 'User ids named', kind: 'list', hint: 'Separated by commas; each must have signed in before' },
  { name: 'teams', label: 'Teams named', kind: 'list', optional: true, hint: 'Separated by commas' },
];

/** A note on a case of any kind: the kind's own route and case workers. */
export const caseNote = (roles: readonly Role[]): CommandForm => ({ slug: 'notes', title: 'Add a note', apiPath: 'notes', roles, fields: [{ name: 'text', label: 'Note', kind: 'textarea' }] });

/**
 * Equality monitoring of the case's person (the victim, the complainant, the offender), asked only with their consent:
 * every list lets them decline. The answers are never shown again, only counted in the reports.
 */
export const demographicsForm = (roles: readonly Role[], person: string, more: FormField[] = []): CommandForm => ({
  slug: 'demographics',
  title: `Record the ${person}'s equality monitoring answers`,
  apiPath: 'demographics',
  roles,
  fields: [
    { name: 'gender', label: 'Gender', kind: 'radios', options: GENDERS },
    { name: 'ethnicity', label: 'Ethnic group', kind: 'select', options: ETHNICITIES, hint: 'The ONS 2021 categories for England and Wales' },
    { name: 'disability', label: 'Disabled, as the Equality Act 2010 defines it', kind: 'radios', options: DISABILITIES },
    ...more,
  ],
});

/** A person's details put right (the API keeps a detail left empty as it is). */
export const CONTACT_DETAILS: FormField[] = [
  { name: 'name', label: 'Name', kind: 'text', optional: true, hint: 'Leave a detail empty to keep it as it is' },
  { name: 'phone', label: 'Phone', kind: 'text', optional: true },
  { name: 'email', label: 'Email', kind: 'text', optional: true },
  { name: 'address', label: 'Address', kind: 'text', optional: true },
];

/** The victim's or complainant's page of their own: a link given (its address shown once, to pass on) or taken back. */
export const statusLinkForms = (roles: readonly Role[], person: string): CommandForm[] => [
  {
    slug: 'status-link',
    title: `Give the ${person} a status link`,
    apiPath: 'status-link',
    roles,
    answerPage: 'status-link-given',
    onPanel: true,
    submitText: 'Give the link',
    explanation: `The ${person} can see how their case is going and write to you from a page of their own. A new link replaces any given before, which stops working.`,
    fields: [
      { name: 'validForDays', label: 'Days the link works', kind: 'number', hint: `From 1 to 90` },
      { name: 'contactFirstName', label: 'Your first name, as the page names you', kind: 'text' },
      { name: 'team', label: 'Your team, as the page names it', kind: 'text' },
    ],
  },
  {
    slug: 'revoke-status-link',
    title: 'Revoke the status link',
    apiPath: 'status-link/revoke',
    roles,
    onPanel: true,
    submitText: 'Revoke the link',
    explanation: `The link stops working at once: the ${person} sees a page saying it no longer works.`,
    fields: [],
  },
];

/** Every correction says why the record was wrong. */
export const CORRECTION_REASON: FormField = { name: 'reason', label: 'Why the record was wrong', kind: 'textarea' };

/** The supervisor's decisions about any case: who may see it (need to know) and whether it is held from disposal. */
export const CASE_WIDE_FORMS: readonly CommandForm[] = [
  { slug: 'restrict-access', title: 'Restrict who may see the case', apiPath: 'restricted-access', caseWide: true, roles: ['supervisor'], fields: [{ name: 'reason', label: 'Why', kind: 'radios', options: RESTRICTION_REASONS }, ...NAMED_PEOPLE] },
  { slug: 'change-named-people', title: 'Change who may see the restricted case', apiPath: 'restricted-access/named', caseWide: true, roles: ['supervisor'], fields: [{ name: 'reason', label: 'Why', kind: 'radios', options: CHANGE_REASONS }, ...NAMED_PEOPLE] },
  { slug: 'lift-restriction', title: 'Lift the restriction', apiPath: 'restricted-access/lift', caseWide: true, roles: ['supervisor'], fields: [{ name: 'reason', label: 'Why', kind: 'radios', options: LIFT_REASONS }] },
  { slug: 'legal-hold', title: 'Place a legal hold', apiPath: 'legal-hold', caseWide: true, roles: ['supervisor'], fields: [{ name: 'reason', label: 'Why', kind: 'radios', options: HOLD_REASONS }] },
  { slug: 'lift-legal-hold', title: 'Lift the legal hold', apiPath: 'legal-hold/lift', caseWide: true, roles: ['supervisor'], fields: [{ name: 'reason', label: 'Why', kind: 'radios', options: RELEASE_REASONS }] },
];
