import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CASE_KINDS, type CaseKind } from '../case-kinds.ts';
import type { Problem } from '../console-api.ts';
import { ConsolePageError, pageErrorOf, type ConsolePages } from '../console-pages.ts';
import type { ConsoleSession } from '../console-session.ts';
import { choicesFor, commandBody, fieldId, formErrors, type CommandForm, type FormErrors, type FormValues } from '../forms/command-form.ts';
import { londonLocalNow } from '../forms/london-time.ts';

const STALE_FORM = 'This case changed while you were editing. Check its latest details, then submit again.';

interface FormTarget {
  kind: CaseKind;
  form: CommandForm;
  /** The case, absent for a form that starts one. */
  id?: string;
  /** A part of the case the command is about (a criminal-justice event, a service referral, a remedy). */
  part?: string;
}

/**
 * Every command as a GOV.UK form: shown with the case's revision, sent to the API's route with it as If-Match,
 * and shown again with the API's own messages beside the fields when it refuses.
 */
export function registerCommandForms(console: FastifyInstance, pages: ConsolePages): void {
  for (const kind of CASE_KINDS) {
    for (const path of [`/console/${kind.path}/new`, `/console/${kind.path}/:id/do/:form`]) {
      console.get(path, async (request, reply) => {
        const session = pages.session(request);
        const target = targetOf(kind, request, session);
        const current = target.id === undefined ? undefined : await pages.read(request, session, caseUrl(target));
        return showForm(pages, request, reply, target, { values: defaults(target.form), revision: current?.revision, caption: current && kind.caption(current.body) });
      });
      console.post(path, { preHandler: console.csrfProtection }, async (request, reply) => {
        const session = pages.session(request);
        const target = targetOf(kind, request, session);
        const values = request.body as FormValues & { _revision?: string };
        const revision = target.id === undefined ? undefined : Number(values._revision);
        const answer = await pages.api.call(request, session, { method: 'POST', url: commandUrl(target), body: commandBody(target.form.fields, values), revision });
        if (answer.status === 200 || answer.status === 201) {
          return reply.redirect(`/console/${kind.path}/${encodeURIComponent(target.id ?? answer.body.id)}?done=${target.form.slug}&position=${answer.body.position}`, 303);
        }
        const problem = answer.body as Problem;
        if (answer.status === 400) return showForm(pages, request, reply, target, { values, revision, errors: formErrors(target.form.fields, problem.errors ?? []) }, 400);
        if (answer.status === 409) return showForm(pages, request, reply, target, { values, revision, errors: { summary: [{ text: problem.detail, href: '#main-content' }], byField: {} } }, 409);
        if (answer.status === 412) {
          // Shown again at the case's current revision: submitted once more, it applies to what the user has now seen.
          const current = await pages.read(request, session, caseUrl(target));
          return showForm(pages, request, reply, target, { values, revision: current.revision, errors: { summary: [{ text: STALE_FORM, href: `/console/${kind.path}/${target.id}` }], byField: {} } }, 412);
        }
        throw pageErrorOf(answer);
      });
    }
  }
}

function targetOf(kind: CaseKind, request: FastifyRequest, session: ConsoleSession): FormTarget {
  const { id, form: slug = 'new' } = request.params as { id?: string; form?: string };
  const form = kind.forms.find((candidate) => candidate.slug === slug && (candidate.apiPath === '') === (id === undefined));
  if (!form) throw new ConsolePageError(404, 'There is no such form');
  if (!form.roles.some((role) => session.roles.includes(role))) throw new ConsolePageError(403, 'Your role does not allow this');
  const part = (request.query as { part?: string }).part;
  if (form.apiPath.includes(':part') && !part) throw new ConsolePageError(404, 'There is no such form');
  return { kind, form, id, part };
}

const caseUrl = ({ kind, id }: FormTarget) => `/api/${kind.path}/${encodeURIComponent(id!)}`;

function commandUrl(target: FormTarget): string {
  if (target.id === undefined) return `/api/${target.kind.path}`;
  return `${caseUrl(target)}/${target.form.apiPath.replace(':part', encodeURIComponent(target.part ?? ''))}`;
}

/** A time the form asks for is now unless changed: most things are recorded as they happen. */
function defaults(form: CommandForm): FormValues {
  return Object.fromEntries(form.fields.filter((field) => field.kind === 'datetime' && !field.optional).map((field) => [field.name, londonLocalNow()]));
}

interface FormState {
  values: FormValues;
  revision?: number;
  caption?: string;
  errors?: FormErrors;
}

function showForm(pages: ConsolePages, request: FastifyRequest, reply: FastifyReply, target: FormTarget, state: FormState, status = 200): Promise<FastifyReply> | FastifyReply {
  return pages.settings.current().then((settings) => {
    const fields = target.form.fields.map((field) => ({ ...field, id: fieldId(field.name), choices: choicesFor(field, settings), error: state.errors?.byField[field.name], value: state.values[field.name] }));
    const caseHref = target.id === undefined ? undefined : `/console/${target.kind.path}/${encodeURIComponent(target.id)}`;
    return pages.render(request, reply, 'command-form', { form: target.form, fields, caseHref, action: request.url, ...state }, status);
  });
}
