import { describe, expect, it } from '@jest/globals';
import { initialSettings } from '../../settings/domain/settings.state.ts';
import { Settings } from '../../settings/settings.ts';
import { COMPLAINT_FORMS } from './complaint-forms.ts';
import { fieldsFor, formBody, unmadeChoices } from './notify-message-form.ts';
import { REFERRAL_FORMS } from './referral-forms.ts';

const TEMPLATE_ID = 'f33517ff-2a88-4f6e-b855-c550268ce08a';
const template = (id: string, placeholders: string[]) => ({ id, label: id, attributes: { templateId: TEMPLATE_ID, placeholders }, retired: false });
const base = initialSettings();
const settings = new Settings({
  ...base,
  lists: { ...base.lists, notifyTemplates: [template('contact-email', ['first_name', 'court_name']), template('progress-update-sms', ['first_name', 'next step'])] },
});
const toVictim = REFERRAL_FORMS.find((form) => form.slug === 'messages')!;
const toComplainant = COMPLAINT_FORMS.find((form) => form.slug === 'messages')!;
const names = (values: Record<string, string>, form = toVictim) => fieldsFor(form, settings, values).fields.map((field) => field.name);

describe("a GOV.UK Notify message's form", () => {
  it('asks for the kind and channel first, then for each placeholder of the template they choose as the settings name them', () => {
    expect(fieldsFor(toVictim, settings, {})).toMatchObject({ choosing: true });
    expect(names({ kind: 'contact' })).toEqual(['kind', 'channel']);
    expect(fieldsFor(toVictim, settings, { kind: 'contact', channel: 'email' })).toMatchObject({ choosing: false });
    expect(names({ kind: 'contact', channel: 'email' })).toEqual(['kind', 'channel', 'cjEventId', 'personalisation.first_name', 'personalisation.court_name']);
    // No template for the choice: nothing more to ask, and the API says none is configured.
    expect(names({ kind: 'contact', channel: 'sms' })).toEqual(['kind', 'channel', 'cjEventId']);
  });

  it("takes a complainant's update as of its one kind, asking only the channel first", () => {
    expect(names({}, toComplainant)).toEqual(['channel']);
    expect(names({ channel: 'sms' }, toComplainant)).toEqual(['channel', 'summary', 'personalisation.first_name', 'personalisation.next step']);
    expect(fieldsFor(toComplainant, settings, { channel: 'sms' }).fields.at(-1)).toMatchObject({ label: 'Next step', kind: 'textarea' });
  });

  it('says which choice was left out once the choosing page was sent, and nothing when it is just opened', () => {
    expect(unmadeChoices(toVictim, { kind: 'contact' })).toBeUndefined();
    expect(unmadeChoices(toVictim, { kind: 'contact', _chosen: '1' })).toEqual({ summary: [{ text: 'Select how', href: '#channel' }], byField: { channel: 'Select how' } });
    expect(unmadeChoices(toVictim, { kind: 'contact', channel: 'email', _chosen: '1' })).toBeUndefined();
  });
});

describe("a message form's body", () => {
  it('carries an empty personalisation for a template without placeholders, and the filled ones otherwise', () => {
    expect(formBody(toComplainant, toComplainant.fields, { channel: 'email', summary: 'Spoken to' })).toEqual({ personalisation: {}, channel: 'email', summary: 'Spoken to' });
    const fields = fieldsFor(toComplainant, settings, { channel: 'sms' }).fields;
    expect(formBody(toComplainant, fields, { channel: 'sms', summary: 'Spoken to', 'personalisation.first_name': 'Cora' })).toMatchObject({ personalisation: { first_name: 'Cora' } });
  });
});
