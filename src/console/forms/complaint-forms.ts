import { CRITERIA } from '../../complaints/domain/criteria.ts';
import { COMPLAINT_CHANNELS, OUTCOME_RESULTS, RECORDING_REASONS, REFERRAL_BODIES, SUBJECT_KINDS } from '../../complaints/domain/complaint.events.ts';
import { COMPLAINANT_MESSAGE_CHANNELS } from '../../complaints/domain/complainant-messages.events.ts';
import { caseNote, demographicsForm, CONTACT_DETAILS, CORRECTION_REASON, statusLinkForms } from './case-wide-forms.ts';
import type { CommandForm, FormField } from './command-form.ts';

const CRT = ['crt_officer', 'supervisor'] as const;
const EFFECTIVE_TIME: FormField = { name: 'at', label: 'When it was decided (leave empty for now)', kind: 'datetime', optional: true };
const when = (name = 'at', label = 'When'): FormField => ({ name, label, kind: 'datetime' });

/** One allegation (the API takes several; a second is added by triaging again where the rules allow). */
const ALLEGATION: FormField[] = [
  { name: 'allegations.0.category', label: 'Allegation category', kind: 'select', options: { list: 'complaintCategories' } },
  { name: 'allegations.0.description', label: 'What is alleged', kind: 'textarea' },
  { name: 'allegations.0.subject.kind', label: 'Who it is about', kind: 'radios', options: SUBJECT_KINDS },
  { name: 'allegations.0.subject.identifier', label: 'Their collar number or name', kind: 'text', optional: true },
  { name: 'allegations.0.criteria', label: 'Schedule 3 criteria that apply', kind: 'flags', options: CRITERIA, optional: true },
];

/** Every command of a complaint, as the routes under /api/complaints take them. */
export const COMPLAINT_FORMS: readonly CommandForm[] = [
  {
    slug: 'new',
    title: 'Log a complaint',
    apiPath: '',
    roles: CRT,
    fields: [
      when('receivedAt', 'When it was received'),
      { name: 'channel', label: 'How it arrived', kind: 'radios', options: COMPLAINT_CHANNELS },
      { name: 'complainant.name', label: "Complainant's name", kind: 'text' },
      { name: 'complainant.email', label: 'Email', kind: 'text', optional: true },
      { name: 'complainant.phone', label: 'Phone', kind: 'text', optional: true },
      { name: 'summary', label: 'What the complaint is about', kind: 'textarea' },
      { name: 'incidentDate', label: 'Date of the incident', kind: 'date', optional: true },
      { name: 'subjects.0.kind', label: 'Who it is about', kind: 'radios', options: SUBJECT_KINDS },
      { name: 'subjects.0.identifier', label: 'Their collar number or name', kind: 'text', optional: true },
      { name: 'wantsRecording', label: 'The complainant wants it recorded', kind: 'yesno', optional: true },
    ],
  },
  {
    slug: 'contact-complainant',
    title: "Record the complainant's views",
    apiPath: 'contact-complainant',
    roles: CRT,
    fields: [when(), { name: 'channel', label: 'How', kind: 'radios', options: COMPLAINT_CHANNELS }, { name: 'views', label: 'Their views', kind: 'textarea' }],
  },
  { slug: 'handle-outside-schedule-3', title: 'Handle outside Schedule 3', apiPath: 'handle-outside-schedule-3', roles: CRT, fields: [...ALLEGATION, EFFECTIVE_TIME] },
  {
    slug: 'resolve',
    title: 'Record the resolution',
    apiPath: 'resolve',
    roles: CRT,
    fields: [{ name: 'summary', label: 'How it was resolved', kind: 'textarea' }, { name: 'complainantSatisfied', label: 'The complainant is satisfied', kind: 'yesno' }, EFFECTIVE_TIME],
  },
  { slug: 'record', title: 'Record under Schedule 3', apiPath: 'record', roles: CRT, fields: [{ name: 'reason', label: 'Why it is recorded', kind: 'radios', options: RECORDING_REASONS }, EFFECTIVE_TIME] },
  {
    slug: 'refer',
    title: 'Refer for investigation',
    apiPath: 'refer',
    roles: CRT,
    fields: [{ name: 'to', label: 'Refer to', kind: 'radios', options: REFERRAL_BODIES }, { name: 'reason', label: 'Why', kind: 'textarea' }, EFFECTIVE_TIME],
  },
  {
    slug: 'progress-updates',
    title: 'Record a progress update',
    apiPath: 'progress-updates',
    roles: CRT,
    fields: [when(), { name: 'channel', label: 'How', kind: 'radios', options: COMPLAINT_CHANNELS }, { name: 'summary', label: 'What the complainant was told', kind: 'textarea' }],
  },
  { slug: 'long-running-reports', title: 'Record a long-running complaint report', apiPath: 'long-running-reports', roles: CRT, fields: [when()] },
  {
    slug: 'outcome',
    title: 'Record the outcome',
    apiPath: 'outcome',
    roles: CRT,
    fields: [{ name: 'result', label: 'Outcome', kind: 'radios', options: OUTCOME_RESULTS }, { name: 'learning', label: 'Learning', kind: 'textarea', optional: true }, when('decidedAt', 'When it was decided')],
  },
  { slug: 'outcome-notified', title: 'Record that the complainant was told the outcome', apiPath: 'outcome-notified', roles: CRT, fields: [when()] },
  { slug: 'review-request', title: 'Record a request for review', apiPath: 'review-request', roles: CRT, fields: [when('receivedAt', 'When it was received')] },
  {
    slug: 'review-decision',
    title: "Record the PCC's review decision",
    apiPath: 'review-decision',
    roles: CRT,
    fields: [{ name: 'upheld', label: 'The review is upheld', kind: 'yesno' }, { name: 'recommendations', label: 'Recommendations', kind: 'textarea', optional: true }],
  },
  {
    slug: 'iopc-review-decision',
    title: "Record the IOPC's review decision",
    apiPath: 'iopc-review-decision',
    roles: CRT,
    fields: [
      { name: 'upheld', label: 'The review is upheld', kind: 'yesno' },
      { name: 'recommendations', label: 'Recommendations', kind: 'textarea', optional: true },
      when('receivedAt', 'When it reached us'),
    ],
  },
  {
    slug: 'late-review-request',
    title: 'Accept a late request for review',
    apiPath: 'late-review-request',
    roles: ['supervisor'],
    fields: [when('receivedAt', 'When it was received'), { name: 'reason', label: 'Why it is accepted after 28 days', kind: 'textarea' }],
  },
  { slug: 'withdraw', title: 'Record a withdrawal', apiPath: 'withdraw', roles: CRT, fields: [{ name: 'reason', label: 'Why', kind: 'textarea' }, EFFECTIVE_TIME] },
  {
    slug: 'discontinue-repetitive',
    title: 'Discontinue as repetitive',
    apiPath: 'discontinue-repetitive',
    roles: CRT,
    fields: [
      { name: 'earlierComplaintId', label: 'The earlier complaint it repeats (its id)', kind: 'text' },
      { name: 'reason', label: 'Why there is no fresh evidence', kind: 'textarea' },
      EFFECTIVE_TIME,
    ],
  },
  caseNote(CRT),
  demographicsForm(CRT, 'complainant', [{ name: 'dateOfBirth', label: 'Date of birth', kind: 'date', optional: true, hint: 'Only to place them in an age band on the day of the incident: it is not kept' }]),
  ...statusLinkForms(CRT, 'complainant'),
  { slug: 'complainant-correction', title: "Correct the complainant's details", apiPath: 'complainant/correction', roles: CRT, fields: [...CONTACT_DETAILS, CORRECTION_REASON] },
  {
    slug: 'allegation-correction',
    title: "Correct an allegation's category",
    apiPath: 'allegations/:part/correction',
    roles: CRT,
    fields: [{ name: 'category', label: 'Allegation category', kind: 'select', options: { list: 'complaintCategories' } }, CORRECTION_REASON],
  },
  {
    slug: 'messages',
    title: 'Send the complainant an update',
    apiPath: 'messages',
    roles: CRT,
    notifyMessage: { kind: 'progress-update' },
    fields: [{ name: 'channel', label: 'How', kind: 'radios', options: COMPLAINANT_MESSAGE_CHANNELS }, { name: 'summary', label: 'What the update tells them, for the record', kind: 'textarea' }],
  },
];
