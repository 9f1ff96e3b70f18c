import type { FastifyInstance } from 'fastify';
import { pageErrorOf, type ConsolePages } from '../console-pages.ts';

/** The administrator's view of the projections: state, lag, parked events, and a rebuild beside the live one. */
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
}
