import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { londonDate } from '../../calendar/working-days.ts';
import { LIST_NAMES, type ListName } from '../../settings/domain/settings.events.ts';
import { ConsolePageError, pageErrorOf, type ConsolePages } from '../console-pages.ts';
import { DATA_SUBJECT_FORM, listEntryForm, PERSON_FORM, RETENTION_FORM, THRESHOLD_FORM } from '../forms/admin-forms.ts';
import { commandBody, type CommandForm, type FormValues } from '../forms/command-form.ts';
import { humanise } from '../console-views.ts';
import { refusalOf, renderForm } from './form-views.ts';

interface AdminForm {
  /** The console's address of the form (with the route's own parameters). */
  path: string;
  form(params: Record<string, string>): CommandForm;
  apiUrl(params: Record<string, string>, values: FormValues): string;
  /** Where the administrator sees what changed. */
  backHref(params: Record<string, string>): string;
  /** A decision that cannot be undone is shown for checking before it is sent. */
  mustCheck?(values: FormValues): boolean;
}

const SETTINGS = '/console/admin/settings';
const PERSONAL_DATA = '/console/admin/personal-data';

function listNamed(params: Record<string, string>): ListName {
  const list = LIST_NAMES.find((name) => name === params.list);
  if (!list) throw new ConsolePageError(404, 'There is no such list');
  return list;
}

const pathOf = (values: FormValues, name: string) => encodeURIComponent(String(values[name] ?? '').trim() || '-');

const ADMIN_FORMS: readonly AdminForm[] = [
  {
    path: `${SETTINGS}/lists/:list/entries`,
    form: (params) => listEntryForm(listNamed(params), humanise(params.list)),
    apiUrl: (params) => `/api/admin/settings/lists/${listNamed(params)}/entries`,
    backHref: (params) => `${SETTINGS}/lists/${listNamed(params)}`,
  },
  { path: `${SETTINGS}/contact-failure-threshold`, form: () => THRESHOLD_FORM, apiUrl: () => '/api/admin/settings/contact-failure-threshold', backHref: () => SETTINGS },
  { path: `${SETTINGS}/retention-periods`, form: () => RETENTION_FORM, apiUrl: () => '/api/admin/settings/retention-periods', backHref: () => SETTINGS },
  ...[DATA_SUBJECT_FORM, PERSON_FORM].map((form) => ({
    path: `${PERSONAL_DATA}/${form.slug}`,
    form: () => form,
    apiUrl: (_params: Record<string, string>, values: FormValues) => `/api/admin/${form.apiPath}/${pathOf(values, 'id')}/${pathOf(values, 'decision')}`,
    backHref: () => PERSONAL_DATA,
    mustCheck: (values: FormValues) => values.decision === 'erase',
  })),
];

/**
 * The administrator's pages: projections (state, lag, rebuild), the configurable lists, the closed cases due for
 * disposal, and the erasure and restriction of personal data, each through the API's own routes.
 */
export function registerAdminPages(console: FastifyInstance, pages: ConsolePages): void {
  console.get('/console/admin/projections', async (request, reply) => {
    const session = pages.session(request);
    const { body } = await pages.read(request, session, '/api/admin/projections');
    const rebuilt = (request.query as { rebuilt?: string }).rebuilt;
    return pages.render(request, reply, 'projections', { title: 'Projections', projections: body, rebuilt });
  });

  console.post('/console/admin/projections/:name/rebuild', { preHandler: console.csrfProtection }, async (request, reply) => {
    const session = pages.session(request);
    const name = (request.params as { name: string }).name;
    const answer = await pages.api.call(request, session, { method: 'POST', url: `/api/admin/projections/${encodeURIComponent(name)}/rebuild`, body: {} });
    if (answer.status !== 202 && answer.status !== 200) throw pageErrorOf(answer);
    return reply.redirect(`/console/admin/projections?rebuilt=${encodeURIComponent(name)}`, 303);
  });

  console.get(SETTINGS, async (request, reply) => {
    const session = pages.session(request);
    const { body } = await pages.read(request, session, '/api/admin/settings');
    const lists = LIST_NAMES.map((name) => ({ name, title: humanise(name), active: body.lists[name].filter((entry: { retired: boolean }) => !entry.retired).length, retired: body.lists[name].filter((entry: { retired: boolean }) => entry.retired).length }));
    return pages.render(request, reply, 'settings', { title: 'Settings', settings: body, lists, done: (request.query as { done?: string }).done });
  });

  console.get(`${SETTINGS}/lists/:list`, async (request, reply) => {
    const session = pages.session(request);
    const list = listNamed(request.params as Record<string, string>);
    const { body } = await pages.read(request, session, '/api/admin/settings');
    return pages.render(request, reply, 'settings-list', { title: humanise(list), list, entries: body.lists[list], done: (request.query as { done?: string }).done });
  });

  console.post(`${SETTINGS}/lists/:list/entries/:entryId/retire`, { preHandler: console.csrfProtection }, async (request, reply) => {
    const session = pages.session(request);
    const { list, entryId } = request.params as { list: string; entryId: string };
    const answer = await pages.api.call(request, session, { method: 'POST', url: `/api/admin/settings/lists/${listNamed({ list })}/entries/${encodeURIComponent(entryId)}/retire`, body: {} });
    if (answer.status !== 200) throw pageErrorOf(answer);
    return reply.redirect(`${SETTINGS}/lists/${list}?done=${encodeURIComponent(`${entryId} retired`)}`, 303);
  });

  console.get('/console/admin/disposals', async (request, reply) => {
    const session = pages.session(request);
    const { asOf: asked, cursor } = request.query as { asOf?: string; cursor?: string };
    const asOf = asked?.trim() || londonDate(new Date());
    const page = `asOf=${encodeURIComponent(asOf)}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const [answer, holds] = await Promise.all([
      pages.api.call(request, session, { method: 'GET', url: `/api/admin/disposals/due?${page}` }),
      pages.read(request, session, '/api/admin/legal-holds'),
    ]);
    const held = holds.body.items;
    if (answer.status === 400) return pages.render(request, reply, 'disposals', { title: 'Disposals due', asOf, items: [], held, errors: { summary: [{ text: 'Enter the day as a date, e.g. 2026-12-04', href: '#asOf' }], byField: { asOf: 'Enter the day as a date, e.g. 2026-12-04' } } }, 400);
    if (answer.status !== 200) throw pageErrorOf(answer);
    return pages.render(request, reply, 'disposals', { title: 'Disposals due', ...answer.body, held });
  });

  console.get(PERSONAL_DATA, async (request, reply) => {
    // The role is checked here too: the forms the page leads to check it, its search allows auditors as well.
    const session = pages.session(request);
    if (!session.roles.includes('admin')) throw new ConsolePageError(403, 'Your role does not allow this');
    const { done, q = '' } = request.query as { done?: string; q?: string };
    const view = { title: 'Personal data', forms: [DATA_SUBJECT_FORM, PERSON_FORM], base: PERSONAL_DATA, done, q };
    if (!q.trim()) return pages.render(request, reply, 'personal-data', view);
    // The API's search, access-logged with the cases it finds; the term itself stays out of every log.
    const answer = await pages.api.call(request, session, { method: 'GET', url: `/api/admin/people?${new URLSearchParams({ q })}` });
    if (answer.status === 400) return pages.render(request, reply, 'personal-data', { ...view, errors: { summary: [{ text: 'Enter at least 2 characters', href: '#q' }], byField: { q: 'Enter at least 2 characters' } } }, 400);
    if (answer.status !== 200) throw pageErrorOf(answer);
    return pages.render(request, reply, 'personal-data', { ...view, found: answer.body.items });
  });

  for (const admin of ADMIN_FORMS) registerAdminForm(console, pages, admin);
}

/** A person's decision left the records of restricted cases the administrator is not named on: they must pass that part on. */
function doneWith(form: CommandForm, body: { restrictedCasesWithheld?: number } | undefined): string {
  const withheld = body?.restrictedCasesWithheld ?? 0;
  if (withheld === 0) return form.title;
  return `${form.title}, except in ${withheld} restricted ${withheld === 1 ? 'case' : 'cases'} you are not named on: someone named on ${withheld === 1 ? 'it' : 'them'} must decide there`;
}

function registerAdminForm(console: FastifyInstance, pages: ConsolePages, admin: AdminForm): void {
  const formOf = (request: FastifyRequest) => {
    const session = pages.session(request);
    const form = admin.form(request.params as Record<string, string>);
    if (!form.roles.some((role) => session.roles.includes(role))) throw new ConsolePageError(403, 'Your role does not allow this');
    return { session, form };
  };
  const show = (request: FastifyRequest, reply: FastifyReply, form: CommandForm, values: FormValues, errors?: ReturnType<typeof refusalOf>, status = 200) =>
    renderForm(pages, request, reply, form, { values, errors, backHref: admin.backHref(request.params as Record<string, string>) }, status);

  console.get(admin.path, async (request, reply) => show(request, reply, formOf(request).form, request.query as FormValues));

  console.post(admin.path, { preHandler: console.csrfProtection }, async (request, reply) => {
    const { session, form } = formOf(request);
    const params = request.params as Record<string, string>;
    const { _confirm: confirm, ...values } = request.body as FormValues & { _confirm?: string };
    if (confirm === 'change') return show(request, reply, form, values);
    if (confirm !== 'yes' && admin.mustCheck?.(values)) {
      const answers = form.fields.map((field) => ({ name: field.name, key: field.label, value: String(values[field.name] ?? ''), shown: field.kind === 'radios' ? humanise(values[field.name]) : String(values[field.name] ?? '') }));
      return pages.render(request, reply, 'check-answers', { title: `Check your answers: ${form.title}`, answers, action: request.url, backHref: admin.backHref(params) });
    }
    const answer = await pages.api.call(request, session, { method: 'POST', url: admin.apiUrl(params, values), body: commandBody(form.fields, values) });
    if (answer.status === 200 || answer.status === 202) return reply.redirect(`${admin.backHref(params)}?${new URLSearchParams({ done: doneWith(form, answer.body) })}`, 303);
    const errors = refusalOf(form, answer);
    if (errors) return show(request, reply, form, values, errors, answer.status);
    throw pageErrorOf(answer);
  });
}
