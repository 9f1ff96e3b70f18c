import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CASE_KINDS, type CaseKind } from '../case-kinds.ts';
import type { ApiAnswer } from '../console-api.ts';
import { ConsolePageError, pageErrorOf, type ConsolePages } from '../console-pages.ts';
import type { ConsoleSession } from '../console-session.ts';
import type { CommandForm, FormValues } from '../forms/command-form.ts';
import { londonLocalNow } from '../forms/london-time.ts';
import { fieldsFor, formBody, unmadeChoices } from '../forms/notify-message-form.ts';
import { refusalOf, renderForm, type FormState } from './form-views.ts';

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
        const query = request.query as FormValues;
        const errors = unmadeChoices(target.form, query);
        return showForm(pages, request, reply, target, { values: defaults(target.form, query), revision: target.form.caseWide ? undefined : current?.revision, caption: current && kind.caption(current.body), errors }, errors ? 400 : 200);
      });
      console.post(path, { preHandler: console.csrfProtection }, async (request, reply) => {
        const session = pages.session(request);
        const target = targetOf(kind, request, session);
        const values = request.body as FormValues & { _revision?: string };
        const revision = target.id === undefined || target.form.caseWide ? undefined : Number(values._revision);
        const asked = fieldsFor(target.form, await pages.settings.current(), values);
        const answer = await pages.api.call(request, session, { method: 'POST', url: commandUrl(target), body: formBody(target.form, asked.fields, values), revision });
        if ((answer.status === 200 || answer.status === 201) && target.form.answerPage) {
          return pages.render(request, reply, target.form.answerPage, { answer: answer.body, url: answer.body.url && pages.absoluteUrl(request, answer.body.url), caseHref: caseHrefOf(target, answer) });
        }
        if (answer.status === 200 || answer.status === 201) {
          return reply.redirect(caseHrefOf(target, answer), 303);
        }
        // A 404 here is the case itself gone from the user's view (restricted meanwhile): the error page, not the form.
        const errors = answer.status === 404 ? undefined : refusalOf(asked, answer);
        if (errors) return showForm(pages, request, reply, target, { values, revision, errors }, answer.status);
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

/** The case's page after a command: saying what was done, once the read models hold it. */
const caseHrefOf = ({ kind, id, form }: FormTarget, answer: ApiAnswer) =>
  `/console/${kind.path}/${encodeURIComponent(id ?? answer.body.id)}?done=${form.slug}&position=${answer.body.position}`;

const caseUrl = ({ kind, id }: FormTarget) => `/api/${kind.path}/${encodeURIComponent(id!)}`;

function commandUrl(target: FormTarget): string {
  if (target.id === undefined) return `/api/${target.kind.path}`;
  if (target.form.caseWide) return `/api/cases/${encodeURIComponent(target.id)}/${target.form.apiPath}`;
  return `${caseUrl(target)}/${target.form.apiPath.replace(':part', encodeURIComponent(target.part ?? ''))}`;
}

/** A time the form asks for is now unless changed: most things are recorded as they happen. A link may fill in a field (the development a message passes on). */
function defaults(form: CommandForm, query: FormValues): FormValues {
  return Object.fromEntries(
    form.fields.flatMap((field) => (query[field.name] !== undefined ? [[field.name, query[field.name]]] : field.kind === 'datetime' && !field.optional ? [[field.name, londonLocalNow()]] : [])),
  );
}

function showForm(pages: ConsolePages, request: FastifyRequest, reply: FastifyReply, target: FormTarget, state: FormState, status = 200): Promise<FastifyReply> {
  const backHref = target.id === undefined ? undefined : `/console/${target.kind.path}/${encodeURIComponent(target.id)}`;
  return renderForm(pages, request, reply, target.form, { backHref, ...state }, status);
}
