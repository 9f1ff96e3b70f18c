import type { FastifyInstance } from 'fastify';
import type { Problem } from '../console-api.ts';
import { pageErrorOf, type ConsolePages } from '../console-pages.ts';
import { formErrors, type FormField } from '../forms/command-form.ts';

const ACCESS_LOG_FILTERS: FormField[] = [
  { name: 'case', label: 'Case id', kind: 'text' },
  { name: 'user', label: 'User id', kind: 'text' },
  { name: 'from', label: 'From (a day, or a time with its offset)', kind: 'text' },
  { name: 'to', label: 'To', kind: 'text' },
];
const STATE_POINT: FormField[] = [
  { name: 'revision', label: 'Revision', kind: 'number' },
  { name: 'asOf', label: 'As of (a time with its offset)', kind: 'text' },
];

/** Only the filters given, as the API's query string. */
function queryOf(fields: readonly FormField[], values: Record<string, string | undefined>): string {
  const query = new URLSearchParams();
  for (const field of fields) {
    const value = values[field.name]?.trim();
    if (value) query.set(field.name, value);
  }
  return query.toString();
}

/** The auditor's pages: who read what (filtered), and a case's history, state at any point and chain verification. */
export function registerAuditPages(console: FastifyInstance, pages: ConsolePages): void {
  console.get('/console/audit/access-log', async (request, reply) => {
    const session = pages.session(request);
    const values = request.query as Record<string, string | undefined>;
    const answer = await pages.api.call(request, session, { method: 'GET', url: `/api/audit/access-log?${queryOf(ACCESS_LOG_FILTERS, values)}&limit=100` });
    if (answer.status === 400) {
      return pages.render(request, reply, 'access-log', { title: 'Access log', filters: ACCESS_LOG_FILTERS, values, entries: [], errors: formErrors(ACCESS_LOG_FILTERS, (answer.body as Problem).errors ?? []) }, 400);
    }
    if (answer.status !== 200) throw pageErrorOf(answer);
    return pages.render(request, reply, 'access-log', { title: 'Access log', filters: ACCESS_LOG_FILTERS, values, entries: answer.body.items });
  });

  console.get('/console/audit/cases/:id', async (request, reply) => {
    const session = pages.session(request);
    const id = encodeURIComponent((request.params as { id: string }).id);
    const values = request.query as Record<string, string | undefined>;
    const [history, verification] = await Promise.all([pages.read(request, session, `/api/audit/cases/${id}/events?limit=200`), pages.read(request, session, `/api/audit/verify?case=${id}`)]);
    const point = queryOf(STATE_POINT, values);
    const state = point ? await pages.api.call(request, session, { method: 'GET', url: `/api/audit/cases/${id}/state?${point}` }) : undefined;
    const problem = state && state.status !== 200 ? (state.body as Problem) : undefined;
    const errors = problem && (problem.errors ? formErrors(STATE_POINT, problem.errors) : { summary: [{ text: problem.detail, href: '#revision' }], byField: {} });
    return pages.render(
      request,
      reply,
      'audit-case',
      { title: `History of ${history.body.kind} ${(request.params as { id: string }).id}`, id: (request.params as { id: string }).id, history: history.body, verification: verification.body, state: state?.status === 200 ? state.body : undefined, values, errors },
      errors ? (state!.status === 404 ? 404 : 400) : 200,
    );
  });
}
