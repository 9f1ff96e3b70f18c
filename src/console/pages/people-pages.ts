import type { FastifyInstance, FastifyRequest } from 'fastify';
import { CASE_KINDS } from '../case-kinds.ts';
import { ConsolePageError, pageErrorOf, type ConsolePages } from '../console-pages.ts';
import { commandBody, type FormValues } from '../forms/command-form.ts';
import { PEOPLE_FORMS } from '../forms/people-forms.ts';
import { refusalOf, renderForm } from './form-views.ts';

/**
 * The people a case's data subjects are (or may be): the API's possible matches, read like the case itself
 * (role-checked, access-logged), and the forms that link a subject to a person or undo a wrong link.
 */
export function registerPeoplePages(console: FastifyInstance, pages: ConsolePages): void {
  for (const kind of CASE_KINDS) {
    const casePeople = (id: string) => `/console/${kind.path}/${encodeURIComponent(id)}/people`;

    console.get(`/console/${kind.path}/:id/people`, async (request, reply) => {
      const session = pages.session(request);
      const { id } = request.params as { id: string };
      const { done, position } = request.query as { done?: string; position?: string };
      const { body } = await pages.read(request, session, `/api/people/cases/${encodeURIComponent(id)}/possible-matches`, position);
      const mayLink = PEOPLE_FORMS[0]!.roles.some((role) => session.roles.includes(role));
      return pages.render(request, reply, 'case-people', { title: 'People on this case', subjects: body.subjects, caseHref: `/console/${kind.path}/${encodeURIComponent(id)}`, base: casePeople(id), mayLink, done });
    });

    const target = (request: FastifyRequest) => {
      const session = pages.session(request);
      const { id, form: slug } = request.params as { id: string; form: string };
      const form = PEOPLE_FORMS.find((candidate) => candidate.slug === slug);
      if (!form) throw new ConsolePageError(404, 'There is no such form');
      if (!form.roles.some((role) => session.roles.includes(role))) throw new ConsolePageError(403, 'Your role does not allow this');
      const { subject = '', person = '' } = request.query as { subject?: string; person?: string };
      return { session, id, form, subject, person };
    };

    console.get(`/console/${kind.path}/:id/people/:form`, async (request, reply) => {
      const { id, form } = target(request);
      return renderForm(pages, request, reply, form, { values: {}, backHref: casePeople(id) });
    });

    console.post(`/console/${kind.path}/:id/people/:form`, { preHandler: console.csrfProtection }, async (request, reply) => {
      const { session, id, form, subject, person } = target(request);
      const values = request.body as FormValues;
      const body = { ...(form.subjectInBody ? { subjectId: subject } : {}), ...commandBody(form.fields, values) };
      const answer = await pages.api.call(request, session, { method: 'POST', url: form.apiUrl(encodeURIComponent(subject), encodeURIComponent(person)), body });
      if (answer.status === 200 || answer.status === 201) return reply.redirect(`${casePeople(id)}?${new URLSearchParams({ done: form.title, position: answer.body.position })}`, 303);
      const errors = refusalOf(form, answer);
      if (errors) return renderForm(pages, request, reply, form, { values, errors, backHref: casePeople(id) }, answer.status);
      throw pageErrorOf(answer);
    });
  }
}
