import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ApiAnswer, Problem } from '../console-api.ts';
import type { ConsolePages } from '../console-pages.ts';
import { choicesFor, fieldId, formErrors, type CommandForm, type FormErrors, type FormValues } from '../forms/command-form.ts';

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
  const fields = form.fields.map((field) => ({ ...field, id: fieldId(field.name), choices: choicesFor(field, settings), error: state.errors?.byField[field.name], value: state.values[field.name] }));
  return pages.render(request, reply, 'command-form', { form, fields, action: request.url, ...state }, status);
}

/**
 * What the API refused, to show above the form: a field that fails validation (400) beside the field, a rule the
 * command breaks (409) or a thing it names that does not exist (404) in the summary. Undefined for anything else.
 */
export function refusalOf(form: CommandForm, answer: ApiAnswer): FormErrors | undefined {
  const problem = answer.body as Problem;
  if (answer.status === 400) return formErrors(form.fields, problem.errors ?? [{ field: form.fields[0]?.name ?? '', message: problem.detail }]);
  if (answer.status === 409 || answer.status === 404) return { summary: [{ text: problem.detail, href: '#main-content' }], byField: {} };
  return undefined;
}
