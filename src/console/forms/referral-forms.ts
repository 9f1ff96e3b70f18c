import { CONTACT_CHANNELS, CONTACT_FREQUENCIES } from '../../referrals/domain/contact-schedule.ts';
import { PRIORITY_GROUPS } from '../../referrals/domain/priority-groups.ts';
import { MESSAGE_KINDS } from '../../referrals/domain/victim-messages.events.ts';
import { MESSAGE_CHANNELS } from '../../shared/domain/notify-message.ts';
import { caseNote, demographicsForm, CONTACT_DETAILS, CORRECTION_REASON, statusLinkForms } from './case-wide-forms.ts';
import {
  CJ_EVENT_KINDS,
  CONSENT_BASES,
  CONSENTS,
  REFERRAL_SOURCES,
  RESTORATIVE_JUSTICE_STATUSES,
  RISK_LEVELS,
  SERVICE_REFERRAL_OUTCOMES,
  VPS_STATUSES,
} from '../../referrals/domain/referral.events.ts';
import type { CommandForm, FormField } from './command-form.ts';

const CASE_WORKERS = ['case_manager', 'supervisor'] as const;
const EFFECTIVE_TIME: FormField = { name: 'at', label: 'When it was decided (leave empty for now)', kind: 'datetime', optional: true };
const CONSENT_CHANGE: FormField[] = [
  { name: 'consent', label: 'Consent to', kind: 'radios', options: CONSENTS },
  { name: 'reason', label: 'What the victim said, and how', kind: 'textarea' },
  EFFECTIVE_TIME,
];

/** Every command of a victim's journey, as the routes under /api/referrals take them. */
export const REFERRAL_FORMS: readonly CommandForm[] = [
  {
    slug: 'new',
    title: 'Receive a referral',
    apiPath: '',
    roles: CASE_WORKERS,
    fields: [
      { name: 'source', label: 'Who referred the victim', kind: 'radios', options: REFERRAL_SOURCES },
      { name: 'crimeReference', label: 'Crime reference', kind: 'text', optional: true, hint: 'Required when the police refer' },
      { name: 'crimeType', label: 'Crime type', kind: 'select', options: { list: 'crimeTypes' } },
      { name: 'offenceDate', label: 'Date of the offence', kind: 'date', optional: true },
      { name: 'victim.name', label: "Victim's name", kind: 'text' },
      { name: 'victim.dateOfBirth', label: "Victim's date of birth", kind: 'date', optional: true },
      { name: 'victim.phone', label: 'Phone', kind: 'text', optional: true },
      { name: 'victim.email', label: 'Email', kind: 'text', optional: true },
      { name: 'consent.contact', label: 'The victim agreed to be contacted', kind: 'yesno' },
      { name: 'consent.dataSharing', label: 'The victim agreed to their data being shared with support services', kind: 'yesno' },
      { name: 'consent.basis', label: 'Basis of consent', kind: 'radios', options: CONSENT_BASES },
    ],
  },
  {
    slug: 'assess',
    title: 'Assess needs',
    apiPath: 'assess',
    roles: CASE_WORKERS,
    fields: [
      { name: 'needs', label: 'Needs', kind: 'checkboxes', options: { list: 'needsDomains' } },
      { name: 'riskLevel', label: 'Risk level', kind: 'radios', options: RISK_LEVELS },
      { name: 'priorityGroups', label: 'Priority groups confirmed', kind: 'checkboxes', options: PRIORITY_GROUPS },
      { name: 'overrideReason', label: 'Why the groups differ from those proposed', kind: 'textarea', optional: true },
      EFFECTIVE_TIME,
    ],
  },
  { slug: 'accept-support', title: 'Record that the victim accepted support', apiPath: 'accept-support', roles: CASE_WORKERS, fields: [EFFECTIVE_TIME] },
  {
    slug: 'decline-support',
    title: 'Record that the victim declined support',
    apiPath: 'decline-support',
    roles: CASE_WORKERS,
    fields: [{ name: 'reason', label: 'Reason', kind: 'select', options: { list: 'declineReasons' } }, EFFECTIVE_TIME],
  },
  { slug: 'assign', title: 'Assign a case manager', apiPath: 'assign', roles: CASE_WORKERS, fields: [{ name: 'caseManager', label: "Case manager's user id", kind: 'text' }] },
  {
    slug: 'contact-contract',
    title: 'Agree the contact contract',
    apiPath: 'contact-contract',
    roles: CASE_WORKERS,
    fields: [
      { name: 'frequency', label: 'How often', kind: 'radios', options: CONTACT_FREQUENCIES },
      { name: 'channel', label: 'How', kind: 'radios', options: CONTACT_CHANNELS },
      { name: 'safeTimes', label: 'Safe times to contact', kind: 'text', optional: true },
    ],
  },
  {
    slug: 'contacts',
    title: 'Record a contact',
    apiPath: 'contacts',
    roles: CASE_WORKERS,
    fields: [
      { name: 'outcome', label: 'Outcome', kind: 'radios', options: ['made', 'failed'] },
      { name: 'channel', label: 'How', kind: 'radios', options: CONTACT_CHANNELS },
      { name: 'at', label: 'When', kind: 'datetime' },
      { name: 'note', label: 'Note', kind: 'textarea', optional: true },
    ],
  },
  {
    slug: 'cj-events',
    title: 'Record a criminal-justice development',
    apiPath: 'cj-events',
    roles: CASE_WORKERS,
    fields: [
      { name: 'kind', label: 'What happened', kind: 'select', options: CJ_EVENT_KINDS },
      { name: 'learnedAt', label: 'When the centre learned of it', kind: 'datetime' },
    ],
  },
  {
    slug: 'communicated',
    title: 'Record that the victim was told',
    apiPath: 'cj-events/:part/communicated',
    roles: CASE_WORKERS,
    fields: [
      { name: 'at', label: 'When', kind: 'datetime' },
      { name: 'channel', label: 'How', kind: 'radios', options: CONTACT_CHANNELS },
    ],
  },
  {
    slug: 'service-referrals',
    title: 'Refer to a support service',
    apiPath: 'service-referrals',
    roles: CASE_WORKERS,
    fields: [{ name: 'service', label: 'Service', kind: 'select', options: { list: 'supportServices' } }],
  },
  {
    slug: 'service-referral-outcome',
    title: "Record a service referral's outcome",
    apiPath: 'service-referrals/:part/outcome',
    roles: CASE_WORKERS,
    fields: [{ name: 'outcome', label: 'Outcome', kind: 'radios', options: SERVICE_REFERRAL_OUTCOMES }],
  },
  { slug: 'personal-statement', title: 'Victim Personal Statement', apiPath: 'personal-statement', roles: CASE_WORKERS, fields: [{ name: 'status', label: 'Status', kind: 'radios', options: VPS_STATUSES }] },
  {
    slug: 'restorative-justice',
    title: 'Restorative justice',
    apiPath: 'restorative-justice',
    roles: CASE_WORKERS,
    fields: [{ name: 'status', label: 'Status', kind: 'radios', options: RESTORATIVE_JUSTICE_STATUSES }],
  },
  caseNote(CASE_WORKERS),
  demographicsForm(CASE_WORKERS, 'victim'),
  ...statusLinkForms(CASE_WORKERS, 'victim'),
  {
    slug: 'victim-correction',
    title: "Correct the victim's details",
    apiPath: 'victim/correction',
    roles: CASE_WORKERS,
    fields: [...CONTACT_DETAILS, { name: 'dateOfBirth', label: 'Date of birth', kind: 'date', optional: true }, CORRECTION_REASON],
  },
  {
    slug: 'crime-correction',
    title: 'Correct the crime type or reference',
    apiPath: 'crime/correction',
    roles: CASE_WORKERS,
    fields: [
      { name: 'crimeType', label: 'Crime type', kind: 'select', options: { list: 'crimeTypes' }, optional: true },
      { name: 'crimeReference', label: 'Crime reference', kind: 'text', optional: true },
      CORRECTION_REASON,
    ],
  },
  { slug: 'personal-statement-correction', title: 'Correct the Victim Personal Statement status', apiPath: 'personal-statement/correction', roles: CASE_WORKERS, fields: [{ name: 'status', label: 'Status', kind: 'radios', options: VPS_STATUSES }, CORRECTION_REASON] },
  {
    slug: 'restorative-justice-correction',
    title: 'Correct the restorative justice status',
    apiPath: 'restorative-justice/correction',
    roles: CASE_WORKERS,
    fields: [{ name: 'status', label: 'Status', kind: 'radios', options: RESTORATIVE_JUSTICE_STATUSES }, CORRECTION_REASON],
  },
  { slug: 'withdraw-consent', title: 'Record that the victim withdrew consent', apiPath: 'consent/withdraw', roles: CASE_WORKERS, fields: CONSENT_CHANGE },
  { slug: 'give-consent', title: 'Record that the victim gave consent', apiPath: 'consent/give', roles: CASE_WORKERS, fields: CONSENT_CHANGE },
  {
    slug: 'messages',
    title: 'Send the victim a message',
    apiPath: 'messages',
    roles: CASE_WORKERS,
    notifyMessage: {},
    fields: [
      { name: 'kind', label: 'What it is', kind: 'radios', options: MESSAGE_KINDS },
      { name: 'channel', label: 'How', kind: 'radios', options: MESSAGE_CHANNELS, hint: 'The channel the victim agreed in the contact contract' },
      { name: 'cjEventId', label: 'The criminal-justice development it passes on', kind: 'text', optional: true, hint: 'For a criminal-justice update: its id' },
    ],
  },
  { slug: 'close', title: 'Close the case', apiPath: 'close', roles: CASE_WORKERS, fields: [{ name: 'reason', label: 'Reason', kind: 'select', options: { list: 'closureReasons' } }, EFFECTIVE_TIME] },
  { slug: 'reopen', title: 'Reopen the case', apiPath: 'reopen', roles: ['supervisor'], fields: [{ name: 'reason', label: 'Why it is reopened', kind: 'textarea' }, EFFECTIVE_TIME] },
];
