import { INFORM_CHANNELS, INFORMED_ABOUT } from '../../resolutions/domain/resolution.events.ts';
import { caseNote, CORRECTION_REASON, demographicsForm } from './case-wide-forms.ts';
import type { CommandForm, FormField } from './command-form.ts';

const OFFICERS = ['resolution_officer', 'supervisor'] as const;
const EFFECTIVE_TIME: FormField = { name: 'at', label: 'When (leave empty for now)', kind: 'datetime', optional: true };
const yes = (name: string, label: string): FormField => ({ name, label, kind: 'yesno' });

/** A Community Resolution from proposal to close, as the routes under /api/community-resolutions take it. */
export const RESOLUTION_FORMS: readonly CommandForm[] = [
  {
    slug: 'new',
    title: 'Propose a Community Resolution',
    apiPath: '',
    roles: OFFICERS,
    fields: [
      { name: 'crimeReference', label: 'Crime reference', kind: 'text' },
      { name: 'offenceType', label: 'Offence', kind: 'select', options: { list: 'resolutionOffenceTypes' } },
      { name: 'offenceDate', label: 'Date of the offence', kind: 'date' },
      { name: 'offender.name', label: "Offender's name", kind: 'text' },
      { name: 'offender.dateOfBirth', label: "Offender's date of birth", kind: 'date' },
      yes('evidenceSufficient', 'The evidence is sufficient'),
      yes('offenderAdmits', 'The offender admits the offence'),
      yes('offenderAgrees', 'The offender agrees to a Community Resolution'),
      { name: 'victims.0.name', label: "Victim's name", kind: 'text', optional: true, hint: 'Leave the victim out where there is none' },
      { name: 'victims.0.contact', label: "Victim's contact details", kind: 'text', optional: true },
      { name: 'victims.0.consulted', label: 'The victim was consulted', kind: 'yesno', optional: true },
      { name: 'victims.0.views', label: "The victim's views", kind: 'textarea', optional: true },
      { name: 'victims.0.consents', label: 'The victim consents', kind: 'yesno', optional: true },
      { name: 'rationale', label: 'Why a Community Resolution', kind: 'textarea' },
    ],
  },
  {
    slug: 'remedies',
    title: 'Agree a remedy',
    apiPath: 'remedies',
    roles: OFFICERS,
    fields: [
      { name: 'type', label: 'Remedy', kind: 'select', options: { list: 'communityRemedies' } },
      yes('chosenByVictim', 'The victim chose it'),
      { name: 'details', label: 'Details', kind: 'textarea', optional: true },
      { name: 'dueDate', label: 'Due by', kind: 'date' },
      { name: 'amount', label: 'Compensation in pence', kind: 'number', optional: true, hint: 'For compensation: 4599 for £45.99' },
      { name: 'hours', label: 'Hours of community work', kind: 'number', optional: true },
    ],
  },
  {
    slug: 'complete',
    title: 'Record a remedy completed',
    apiPath: 'remedies/:part/complete',
    roles: OFFICERS,
    fields: [{ name: 'evidence', label: 'Evidence', kind: 'textarea' }, { name: 'completedAt', label: 'When (leave empty for now)', kind: 'datetime', optional: true }],
  },
  { slug: 'fail', title: 'Record a remedy failed', apiPath: 'remedies/:part/fail', roles: OFFICERS, fields: [{ name: 'reason', label: 'Why', kind: 'textarea' }, EFFECTIVE_TIME] },
  {
    slug: 'victim-informed',
    title: 'Record that the victim was told',
    apiPath: 'victim-informed',
    roles: OFFICERS,
    fields: [{ name: 'about', label: 'Told about', kind: 'radios', options: INFORMED_ABOUT }, { name: 'channel', label: 'How', kind: 'radios', options: INFORM_CHANNELS }, EFFECTIVE_TIME],
  },
  { slug: 'supervisor-decision', title: "Record the supervisor's decision", apiPath: 'supervisor-decision', roles: ['supervisor'], fields: [yes('proceed', 'Proceed with the Community Resolution'), { name: 'reason', label: 'Why', kind: 'textarea' }] },
  { slug: 'close', title: 'Close the Community Resolution', apiPath: 'close', roles: OFFICERS, fields: [EFFECTIVE_TIME] },
  caseNote(OFFICERS),
  demographicsForm(OFFICERS, 'offender'),
  { slug: 'offence-correction', title: 'Correct the offence', apiPath: 'offence/correction', roles: OFFICERS, fields: [{ name: 'offenceType', label: 'Offence', kind: 'select', options: { list: 'resolutionOffenceTypes' } }, CORRECTION_REASON] },
  {
    slug: 'person-correction',
    title: "Correct a person's details",
    apiPath: 'people/:part/correction',
    roles: OFFICERS,
    fields: [
      { name: 'name', label: 'Name', kind: 'text', optional: true, hint: 'Leave a detail empty to keep it as it is' },
      { name: 'contact', label: 'Contact details', kind: 'text', optional: true },
      CORRECTION_REASON,
    ],
  },
];
