import { describe, expect, it } from '@jest/globals';
import { commandBody, formErrors, type CommandForm, type FormField } from './command-form.ts';
import { COMPLAINT_FORMS } from './complaint-forms.ts';
import { REFERRAL_FORMS } from './referral-forms.ts';
import { RESOLUTION_FORMS } from './resolution-forms.ts';

const FIELDS: FormField[] = [
  { name: 'victim.name', label: 'Name', kind: 'text' },
  { name: 'consent.contact', label: 'Contact', kind: 'yesno' },
  { name: 'needs', label: 'Needs', kind: 'checkboxes' },
  { name: 'note', label: 'Note', kind: 'textarea', optional: true },
  { name: 'at', label: 'When', kind: 'datetime' },
];

describe('a command form', () => {
  it('becomes the API body: nested fields, yes/no as booleans, ticked boxes as a list, empty fields left out', () => {
    expect(commandBody(FIELDS, { 'victim.name': 'Ann', 'consent.contact': 'no', needs: 'health', note: '  ', at: '2026-12-04T09:15' })).toEqual({
      victim: { name: 'Ann' },
      consent: { contact: false },
      needs: ['health'],
      at: '2026-12-04T09:15:00+00:00',
    });
    expect(commandBody(FIELDS, { needs: ['health', 'housing'] })).toEqual({ needs: ['health', 'housing'] });
  });

  it('sends a list typed with commas as an array, an empty "none" as null, and leaves out what the address names', () => {
    const fields: FormField[] = [
      { name: 'users', label: 'Users', kind: 'list' },
      { name: 'closureReason', label: 'Closure reason', kind: 'text', optional: true, nullable: true },
      { name: 'id', label: 'Data subject', kind: 'text', inPath: true },
    ];
    expect(commandBody(fields, { users: ' cm-01, ,sup-02 ', closureReason: '', id: 'a1' })).toEqual({ users: ['cm-01', 'sup-02'], closureReason: null });
    expect(commandBody(fields, { users: '', closureReason: 'duplicate' })).toEqual({ users: [], closureReason: 'duplicate' });
  });

  it("puts the API's messages beside the fields they name, an object's beside its first field", () => {
    const errors = formErrors(FIELDS, [
      { field: 'needs[1]', message: 'needs[1] must be a configured need' },
      { field: 'consent', message: 'consent is required' },
      { field: 'If-Match', message: 'unexpected' },
    ]);
    expect(errors.byField).toEqual({ needs: 'needs[1] must be a configured need', 'consent.contact': 'consent is required', 'victim.name': 'unexpected' });
    expect(errors.summary.map((item) => item.href)).toEqual(['#needs', '#consent-contact', '#victim-name']);
  });
});

describe('the equality-monitoring form of each kind of case', () => {
  const formOf = (forms: readonly CommandForm[]) => forms.find((form) => form.slug === 'demographics')!;

  it("posts the answers to the kind's own route for its workers, a complainant's date of birth with them", () => {
    const [referral, complaint, resolution] = [REFERRAL_FORMS, COMPLAINT_FORMS, RESOLUTION_FORMS].map(formOf);
    expect([referral, complaint, resolution].map((form) => [form!.apiPath, form!.roles])).toEqual([
      ['demographics', ['case_manager', 'supervisor']],
      ['demographics', ['crt_officer', 'supervisor']],
      ['demographics', ['resolution_officer', 'supervisor']],
    ]);
    const answers = { gender: 'woman', ethnicity: 'asian-chinese', disability: 'no' };
    expect(commandBody(resolution!.fields, answers)).toEqual(answers);
    expect(commandBody(complaint!.fields, { ...answers, dateOfBirth: '1980-01-31' })).toEqual({ ...answers, dateOfBirth: '1980-01-31' });
    expect(commandBody(complaint!.fields, { ...answers, dateOfBirth: '' })).toEqual(answers);
  });
});
