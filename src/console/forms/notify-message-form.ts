import type { Settings } from '../../settings/settings.ts';
import { humanise } from '../console-views.ts';
import { commandBody, formErrors, type CommandForm, type FormErrors, type FormField, type FormValues } from './command-form.ts';

/** What chooses a message's template: asked first, since the rest of the form is the template's placeholders. */
const TEMPLATE_CHOSEN_BY = ['kind', 'channel'];

/** A form's fields as they stand for what the user has chosen so far. */
export interface FormFields {
  fields: FormField[];
  /** A message whose kind or channel is not chosen yet: only they are asked, and the page comes back with them. */
  choosing: boolean;
}

/**
 * A GOV.UK Notify message's form asks, after its own fields, for each placeholder of the template its kind and
 * channel choose, as the settings name them; until both are chosen it asks for those first. Other forms are as declared.
 */
export function fieldsFor(form: CommandForm, settings: Settings, values: FormValues): FormFields {
  if (!form.notifyMessage) return { fields: form.fields, choosing: false };
  const kind = form.notifyMessage.kind ?? firstOf(values.kind);
  const channel = firstOf(values.channel);
  if (!kind || !channel) return { fields: form.fields.filter((field) => TEMPLATE_CHOSEN_BY.includes(field.name)), choosing: true };
  const placeholders = settings.notifyTemplate(kind, channel)?.placeholders ?? [];
  return { fields: [...form.fields, ...placeholders.map(placeholderField)], choosing: false };
}

const placeholderField = (name: string): FormField => ({ name: `personalisation.${name}`, label: humanise(name), kind: 'textarea', hint: `The template's ((${name}))` });

const firstOf = (value: string | string[] | undefined) => [value].flat()[0] || undefined;

/** Sent back by the choosing page: a choice left out is then an error, as on any GOV.UK form. */
const CHOSEN_MARK = '_chosen';

/** The choices the user sent without making, each beside its field; none when the page is just opened. */
export function unmadeChoices(form: CommandForm, values: FormValues): FormErrors | undefined {
  if (values[CHOSEN_MARK] === undefined) return undefined;
  const unmade = form.fields.filter((field) => TEMPLATE_CHOSEN_BY.includes(field.name) && !firstOf(values[field.name]));
  return unmade.length > 0 ? formErrors(unmade, unmade.map((field) => ({ field: field.name, message: `Select ${field.label.toLowerCase()}` }))) : undefined;
}

/** The API body of a submitted form: a message goes with its personalisation even when its template has no placeholders. */
export function formBody(form: CommandForm, fields: readonly FormField[], values: FormValues): Record<string, unknown> {
  const body = commandBody(fields, values);
  return form.notifyMessage ? { personalisation: {}, ...body } : body;
}
