import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ApiAnswer, Problem } from '../console-api.ts';
import type { ConsolePages } from '../console-pages.ts';
import { choicesFor, fieldId, formErrors, type CommandForm, type FormErrors, type FormValues } from '../forms/command-form.ts';
import { fieldsFor } from '../forms/notify-message-form.ts';

export interface FormState {
  values: FormValues;
  revision?: number;
  caption?: string;
  errors?: FormErrors;
  /** The page the form was opened from (the case, or an admin list): its back link and Cancel. */
  backHref?: string;
}

/** A command's form, its fields offered from the settings lists and the API's messages beside them. */
export async function renderForm(pages: ConsolePages, request: FastifyRequest, reply: FastifyReply, form: CommandForm, state: FormState, status = 200): Promise<FastifyReply> {
  const settings = await pages.settings.current();
  const { fields: asked, choosing } = fieldsFor(form, settings, state.values);
  const fields = asked.map((field) => ({ ...field, id: fieldId(field.name), choices: choicesFor(field, settings), error: state.errors?.byField[field.name], value: state.values[field.name] }));
  // Choosing comes back to this page by GET: what the page was opened with (the development a message passes on) goes with it.
  const carried = choosing ? form.fields.filter((field) => !asked.includes(field) && typeof state.values[field.name] === 'string').map((field) => ({ name: field.name, value: state.values[field.name] })) : [];
  const action = choosing ? request.url.replace(/\?.*$/, '') : request.url;
  return pages.render(request, reply, 'command-form', { form, fields, action, choosing, carried, ...state }, status);
}

/**
 * What the API refused, to show above the form: a field that fails validation (400) beside the field, a rule the
 * command breaks (409) or a thing it names that does not exist (404) in the summary. Undefined for anything else.
 */
export function refusalOf(form: Pick<CommandForm, 'fields'>, answer: ApiAnswer): FormErrors | undefined {
  const problem = answer.body as Problem;
  if (answer.status === 400) return formErrors(form.fields, problem.errors ?? [{ field: form.fields[0]?.name ?? '', message: problem.detail }]);
  if (answer.status === 409 || answer.status === 404) return { summary: [{ text: problem.detail, href: '#main-content' }], byField: {} };
  return undefined;
}
