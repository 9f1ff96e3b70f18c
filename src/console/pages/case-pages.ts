import type { FastifyInstance } from 'fastify';
import { CASE_KINDS } from '../case-kinds.ts';
import type { ConsolePages } from '../console-pages.ts';
import type { CommandForm } from '../forms/command-form.ts';

/** The restriction forms, by the state of the case they apply to. */
const RESTRICTION_FORMS: Record<string, 'open' | 'restricted'> = { 'restrict-access': 'open', 'change-named-people': 'restricted', 'lift-restriction': 'restricted' };

/** One case's page: read through the API's own route, so it is role-checked and written to the access log. */
export function registerCasePages(console: FastifyInstance, pages: ConsolePages): void {
  for (const kind of CASE_KINDS) {
    console.get(`/console/${kind.path}/:id`, async (request, reply) => {
      const session = pages.session(request);
      const { id } = request.params as { id: string };
      const { done: slug, position } = request.query as { done?: string; position?: string };
      const { body } = await pages.read(request, session, `/api/${kind.path}/${encodeURIComponent(id)}`, position);
      // Who may see the case is the supervisor's to decide, so only a supervisor's page reads it (and offers what fits it).
      const restriction = session.roles.includes('supervisor') ? (await pages.read(request, session, `/api/cases/${encodeURIComponent(id)}/restricted-access`, position)).body : undefined;
      const fitsRestriction = (form: CommandForm) => !restriction || !RESTRICTION_FORMS[form.slug] || RESTRICTION_FORMS[form.slug] === (restriction.restricted ? 'restricted' : 'open');
      const forms = kind.forms.filter((form) => form.apiPath !== '' && !form.onPanel && !form.apiPath.includes(':part') && form.roles.some((role) => session.roles.includes(role)) && fitsRestriction(form));
      const done = kind.forms.find((form) => form.slug === slug);
      return pages.render(request, reply, kind.template, { case: body, kindPath: kind.path, caption: kind.caption(body), forms, done, restriction, mayAct: (slug: string) => kind.forms.some((form) => form.slug === slug && form.roles.some((role) => session.roles.includes(role))) });
    });
  }

  console.get('/console/complaints/:id/status', async (request, reply) => {
    const session = pages.session(request);
    const { id } = request.params as { id: string };
    const { body } = await pages.read(request, session, `/api/complaints/${encodeURIComponent(id)}/status`);
    return pages.render(request, reply, 'complainant-status', { status: body, caseHref: `/console/complaints/${encodeURIComponent(id)}` });
  });
}
