import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { performance } from 'node:perf_hooks';
import { mintToken } from '../../src/auth/mint-token.ts';
import { eventually } from '../support/projection-harness.ts';
import { startServiceOnStallablePostgres, type ServiceOnStallablePostgres } from '../support/stalled-postgres.ts';

/**
 * Commands sent to one case while its database stalls queue behind each other in the service (issue 21). Once the
 * first finds the database away, those queued behind it fail with it at once, rather than each waiting out the
 * timeouts in turn: six notes were answered 503 after 5, 15, … 35 s with the default timeouts before.
 */
const SECRET = 'database-stall-tests-secret-of-32-chars';
const CONNECT_TIMEOUT_MS = 2000;
const QUERY_TIMEOUT_MS = 3000;
const NOTES = 6;
const TEST_TIMEOUT_MS = 60_000;

interface Answer {
  status: number;
  contentType: string | null;
  retryAfter: string | null;
  body: unknown;
  at: number;
}

describe('commands queued on one case while the database stalls', () => {
  let running: ServiceOnStallablePostgres;
  let token: string;

  beforeAll(async () => {
    running = await startServiceOnStallablePostgres(SECRET, { connectMs: CONNECT_TIMEOUT_MS, statementMs: CONNECT_TIMEOUT_MS, queryMs: QUERY_TIMEOUT_MS });
    token = await mintToken(SECRET, { sub: 'cm-stella', roles: ['case_manager'] });
  });
  afterAll(() => running?.stop());

  const post = async (path: string, body: object): Promise<Answer> => {
    const response = await fetch(`${running.service.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const answer = { status: response.status, contentType: response.headers.get('content-type'), retryAfter: response.headers.get('retry-after'), body: await response.json() };
    return { ...answer, at: performance.now() };
  };
  const addNote = (id: string) => post(`/api/referrals/${id}/notes`, { text: 'Rang back as agreed' });

  it('fails those queued behind the first with its 503 at once, and takes commands on the case again once it is back', async () => {
    const created = await post('/api/referrals', { source: 'self', crimeType: 'theft', victim: { name: 'Stella Stalled' }, consent: { contact: true, dataSharing: false, basis: 'explicit' } });
    const id = (created.body as { id: string }).id;
    expect((await addNote(id)).status).toBe(200);

    const resume = await running.stall();
    let answers: Answer[];
    try {
      answers = await Promise.all(Array.from({ length: NOTES }, () => addNote(id)));
    } finally {
      resume();
    }

    const [first] = answers;
    expect(first).toMatchObject({ status: 503, contentType: expect.stringContaining('application/problem+json'), retryAfter: expect.stringMatching(/^\d+$/), body: { type: '/problems/unavailable' } });
    for (const answer of answers) expect({ ...answer, at: undefined }).toEqual({ ...first, at: undefined });
    // Each waiting its turn, the last would come at least five timeouts after the first; failed with the first, all come together.
    const answeredAt = answers.map((answer) => answer.at);
    expect(Math.max(...answeredAt) - Math.min(...answeredAt)).toBeLessThan(CONNECT_TIMEOUT_MS);

    await eventually(async () => (await fetch(`${running.service.url}/api/health/ready`)).status === 200, TEST_TIMEOUT_MS / 2);
    expect((await addNote(id)).status).toBe(200);
  }, TEST_TIMEOUT_MS);
});
