import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { londonDate } from '../../src/calendar/working-days.ts';
import { runBuiltCommand } from '../support/command-line.ts';
import { bearer, startTestApp, type TestApp } from '../support/test-app.ts';

/** `npm run audit` as an operator runs it: the built command line on the service's own database and key. */
const CLI = 'dist/src/audit/audit.cli.js';
const MASTER_KEY = Buffer.alloc(32, 3).toString('base64');

describe('npm run audit', () => {
  let harness: TestApp;
  let caseId: string;
  let assessedAt: string;

  beforeAll(async () => {
    // The CLI signs the one checkpoint: the service's own, once a minute, would beat it when the tests before run long.
    harness = await startTestApp({ MASTER_KEY, INTEGRITY_CHECKPOINT_INTERVAL_MS: '0' });
    const caseManager = await bearer(['case_manager'], 'cm-ann');
    const post = async (url: string, payload: object) => (await harness.request({ method: 'POST', url, payload, headers: { authorization: caseManager } })).json();
    caseId = (await post('/api/referrals', { source: 'self', crimeType: 'burglary', victim: { name: 'Clio Commandline' }, consent: { contact: true, dataSharing: true, basis: 'implied' } })).id;
    await new Promise((resolve) => setTimeout(resolve, 20));
    assessedAt = new Date().toISOString();
    await post(`/api/referrals/${caseId}/assess`, { needs: ['emotional'], riskLevel: 'standard', priorityGroups: [] });
  });
  afterAll(() => harness.close());

  const audit = (...args: string[]) => runBuiltCommand(CLI, args, { ...process.env, DATABASE_URL: harness.database.url, MASTER_KEY });

  it('prints a case history as text and as JSON, decrypted for the auditor', async () => {
    const text = await audit('history', caseId);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`referral ${caseId}: 2 events`);
    expect(text.stdout).toMatch(/#0 .* ReferralReceived \(schema v2\) {2}by cm-ann \[case_manager\]/);
    expect(text.stdout).toContain('Clio Commandline');
    const json = JSON.parse((await audit('history', caseId, '--json')).stdout);
    expect(json.events.map((event: { type: string }) => event.type)).toEqual(['ReferralReceived', 'NeedsAssessed']);
  });

  it('prints a case as it stood at a time or a revision', async () => {
    const before = JSON.parse((await audit('state', caseId, '--as-of', assessedAt, '--json')).stdout);
    expect(before).toMatchObject({ revision: 0, state: { status: 'received' } });
    expect(JSON.parse((await audit('state', caseId, '--revision', '1', '--json')).stdout)).toMatchObject({ revision: 1, state: { status: 'assessed' } });
    expect(await audit('state', caseId, '--as-of', '2000-01-01T00:00:00Z')).toMatchObject({ code: 1, stderr: expect.stringContaining('did not exist yet') });
    // A date is the whole of that day in England, as the state route reads it; a time needs its offset.
    const today = londonDate(new Date());
    expect(JSON.parse((await audit('state', caseId, '--as-of', today, '--json')).stdout)).toMatchObject({ revision: 1 });
    expect(await audit('state', caseId, '--as-of', `${today}T12:00:00`)).toMatchObject({ code: 1, stderr: expect.stringContaining('offset') });
    expect(await audit('state', caseId, '--revision', 'two')).toMatchObject({ code: 1, stderr: expect.stringContaining('--revision must be a whole number') });
    expect(await audit('history', '00000000-0000-4000-8000-000000000000')).toMatchObject({ code: 1, stderr: expect.stringContaining('No case') });
    expect(await audit('history')).toMatchObject({ code: 2, stderr: expect.stringContaining('Usage') });
  });

  it('signs a checkpoint and verifies the log against it', async () => {
    expect((await audit('checkpoint')).stdout).toMatch(/^Checkpoint signed at position \d+ over \d+ events/);
    const verified = await audit('verify');
    expect(verified).toMatchObject({ code: 0, stdout: expect.stringMatching(/^OK: \d+ events in \d+ streams checked, 1 signed checkpoints matched/) });
    expect(JSON.parse((await audit('verify', '--case', caseId, '--json')).stdout)).toMatchObject({ ok: true, eventsChecked: 2 });
  });

  it('records its reads in the access log', async () => {
    const auditor = await bearer(['auditor'], 'aud-ada');
    const deadline = Date.now() + 10_000;
    let entries: { method: string; route: string; user: string }[] = [];
    while (!entries.some((entry) => entry.method === 'CLI') && Date.now() < deadline) {
      entries = (await harness.request({ method: 'GET', url: `/api/audit/access-log?case=${caseId}`, headers: { authorization: auditor } })).json().items;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(entries).toContainEqual(expect.objectContaining({ method: 'CLI', route: 'audit history', user: expect.stringMatching(/^cli:/) }));
  });
});
