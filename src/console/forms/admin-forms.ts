import { DECISION_GROUNDS } from '../../personal-data/data-subjects/data-subject-grounds.ts';
import { DECISIONS } from '../../personal-data/data-subjects/data-subjects.controller.ts';
import { PRIORITY_GROUPS } from '../../referrals/domain/priority-groups.ts';
import { REMEDY_MEASURES, type ListName } from '../../settings/domain/settings.events.ts';
import { RETENTION_CASE_KINDS } from '../../settings/domain/retention.ts';
import type { CommandForm, FormField } from './command-form.ts';

const ADMIN = ['admin'] as const;

/** The attributes that carry a list's rules, asked only for that list (the API refuses them elsewhere). */
const LIST_ATTRIBUTES: Partial<Record<ListName, FormField[]>> = {
  crimeTypes: [
    { name: 'explicitConsentRequired', label: 'The police refer only with explicit consent', kind: 'yesno' },
    { name: 'priorityGroup', label: 'Priority group its victims are proposed for', kind: 'radios', options: PRIORITY_GROUPS, optional: true, nullable: true },
  ],
  communityRemedies: [{ name: 'measure', label: 'How it is measured', kind: 'radios', options: REMEDY_MEASURES, optional: true }],
  notifyTemplates: [
    { name: 'templateId', label: 'GOV.UK Notify template id', kind: 'text' },
    { name: 'placeholders', label: 'Placeholders the template uses', kind: 'list', optional: true, hint: 'Their names as the template has them between (( and )), separated by commas, e.g. first_name, court_name' },
  ],
};

export const listEntryForm = (list: ListName, label: string): CommandForm => ({
  slug: 'list-entry',
  title: `Add or relabel: ${label}`,
  apiPath: `lists/${list}/entries`,
  roles: ADMIN,
  fields: [
    { name: 'id', label: 'Id', kind: 'text', hint: list === 'bankHolidays' ? 'The date, e.g. 2031-01-01' : 'Lowercase words joined by hyphens; an existing id is relabelled' },
    { name: 'label', label: 'Label', kind: 'text' },
    ...(LIST_ATTRIBUTES[list] ?? []),
  ],
});

export const THRESHOLD_FORM: CommandForm = {
  slug: 'contact-failure-threshold',
  title: 'Failed contact attempts before a case is flagged',
  apiPath: 'contact-failure-threshold',
  roles: ADMIN,
  fields: [{ name: 'value', label: 'Consecutive failed attempts', kind: 'number' }],
};

export const RETENTION_FORM: CommandForm = {
  slug: 'retention-periods',
  title: 'Set a retention period',
  apiPath: 'retention-periods',
  roles: ADMIN,
  fields: [
    { name: 'caseKind', label: 'Kind of case', kind: 'radios', options: RETENTION_CASE_KINDS },
    { name: 'closureReason', label: 'Closure reason id', kind: 'text', optional: true, nullable: true, hint: 'Leave empty for every closure reason without a period of its own' },
    { name: 'months', label: 'Months kept after closure', kind: 'number' },
  ],
};

/** Erasure (crypto-shredding) or restriction of a data subject's, or a person's, personal data: the same decisions. */
const personalDataDecision = (slug: string, title: string, idLabel: string): CommandForm => ({
  slug,
  title,
  apiPath: slug,
  roles: ADMIN,
  fields: [
    { name: 'id', label: idLabel, kind: 'text', inPath: true },
    { name: 'decision', label: 'Decision', kind: 'radios', options: Object.keys(DECISIONS), inPath: true },
    // A code and a reference, never prose: the record and the erasure register outlive the data (a name typed here would not).
    { name: 'ground', label: 'Ground', kind: 'select', options: DECISION_GROUNDS, hint: "One of the decision's own: erase, an Art. 17(1) ground; restrict, an Art. 18(1) ground; lift, why the restriction ends" },
    { name: 'requestReference', label: "The office's reference for the request", kind: 'text', hint: 'e.g. DSAR-2026-0142: letters, digits and / . _ - only, no names' },
  ],
});

export const DATA_SUBJECT_FORM = personalDataDecision('data-subjects', "Erase or restrict a data subject's personal data", 'Data subject id');
export const PERSON_FORM = personalDataDecision('people', "Erase or restrict a person's personal data, on every record of them", 'Person id');
