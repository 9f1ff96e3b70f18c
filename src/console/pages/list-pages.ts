import type { FastifyInstance } from 'fastify';
import { homeOf, type ConsolePages } from '../console-pages.ts';

/** The working lists: a case manager's caseload and the referrals nobody has picked up; the complaints, what is due first; Community Resolutions. */
export function registerListPages(console: FastifyInstance, pages: ConsolePages): void {
  console.get('/console/home', async (request, reply) => reply.redirect(homeOf(pages.session(request)), 303));

  console.get('/console/caseload', async (request, reply) => {
    const session = pages.session(request);
    // `me` is ordered by what falls due first: overdue contacts and updates lead.
    const { body } = await pages.read(request, session, '/api/referrals?caseManager=me&limit=100');
    return pages.render(request, reply, 'referral-list', { title: 'My caseload', referrals: body.items, empty: 'No cases are assigned to you.' });
  });

  console.get('/console/referrals/unassigned', async (request, reply) => {
    const session = pages.session(request);
    const { body } = await pages.read(request, session, '/api/referrals?caseManager=none&limit=100');
    const referrals = (body.items as { status: string }[]).filter((referral) => referral.status !== 'closed');
    return pages.render(request, reply, 'referral-list', { title: 'Unassigned referrals', hint: 'Open referrals (among the 100 newest unassigned) that no case manager has taken.', referrals, empty: 'Every referral has a case manager.' });
  });

  console.get('/console/complaints', async (request, reply) => {
    const session = pages.session(request);
    // The list comes ordered by the next duty due: contact, updates, outcome notices, reviews.
    const { body } = await pages.read(request, session, '/api/complaints?limit=100');
    return pages.render(request, reply, 'complaint-list', { title: 'Complaints due', complaints: body.items });
  });

  console.get('/console/community-resolutions', async (request, reply) => {
    const session = pages.session(request);
    const { body } = await pages.read(request, session, '/api/community-resolutions?limit=100');
    return pages.render(request, reply, 'resolution-list', { title: 'Community Resolutions', resolutions: body.items });
  });
}
