import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const get = (harness: TestApp, url: string) => harness.request({ method: 'GET', url });

describe('liveness and readiness', () => {
  describe('with every store answering', () => {
    let harness: TestApp;
    // The projectors stay off so a halted projection, once recorded, stays halted for the test.
    beforeAll(async () => (harness = await startTestApp({ PROJECTIONS: 'off' })));
    afterAll(() => harness.close());

    it('is live and ready without a token, and /api/health answers as readiness', async () => {
      expect((await get(harness, '/api/health/live')).json()).toMatchObject({ status: 'ok', info: {} });
      for (const url of ['/api/health/ready', '/api/health']) {
        const response = await get(harness, url);
        expect(response.statusCode).toBe(200);
        expect(response.json()).toMatchObject({
          status: 'ok',
          info: { eventStore: { status: 'up' }, readModels: { status: 'up' }, projections: { status: 'up' } },
        });
      }
    });

    it('is not ready while a projection has halted, yet stays live', async () => {
      const client = new pg.Client({ connectionString: harness.database.url });
      await client.connect();
      await client.query("INSERT INTO projection_checkpoints (name, version, last_error, failed_at) VALUES ('referral-list', 1, 'handler threw', now())");
      await client.end();

      expect((await get(harness, '/api/health/live')).statusCode).toBe(200);
      for (const url of ['/api/health/ready', '/api/health']) {
        const response = await get(harness, url);
        expect(response.statusCode).toBe(503);
        expect(response.headers['content-type']).toContain('application/problem+json');
        expect(response.json()).toMatchObject({ status: 503, detail: 'Not ready: projections halted: referral-list' });
        expect(response.body).not.toContain('handler threw');
      }
    });
  });

  describe('with the event store unreachable', () => {
    let harness: TestApp;
    // Port 1 refuses connections: the engine is configured but nothing answers.
    beforeAll(async () => (harness = await startTestApp({ PROJECTIONS: 'off', EVENTSTORE_URL: 'kurrentdb://127.0.0.1:1?tls=false' })));
    afterAll(() => harness.close());

    it('stays live but is not ready', async () => {
      const live = await get(harness, '/api/health/live');
      expect(live.statusCode).toBe(200);
      expect(live.json().status).toBe('ok');
      const ready = await get(harness, '/api/health/ready');
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toMatchObject({ status: 503, detail: 'Not ready: eventStore down' });
    });
  });
});
