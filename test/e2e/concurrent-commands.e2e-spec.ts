import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { bearer, requestTo, startTestApp, type TestApp } from '../support/test-app.ts';

const CONCURRENT_COMMANDS = 50;

describe('concurrent commands on one case without If-Match', () => {
  let harness: TestApp;
  let caseManager: string;

  beforeAll(async () => {
    harness = await startTestApp();
    caseManager = await bearer(['case_manager']);
  });
  afterAll(() => harness.close());

  const post = (service: NestFastifyApplication, url: string, payload: object) => requestTo(service, { method: 'POST', url, payload, headers: { authorization: caseManager } });

  const createReferral = async () => {
    const created = await post(harness.app, '/api/referrals', {
      source: 'self',
      // Received before the contacts, which are dated a minute ago.
      receivedAt: new Date(Date.now() - 120_000).toISOString(),
      crimeType: 'burglary',
      victim: { name: 'Ann Example', phone: '07700 900123' },
      consent: { contact: true, dataSharing: false, basis: 'explicit' },
    });
    expect(created.statusCode).toBe(201);
    return created.json<{ id: string }>().id;
  };
  /** Sends the contacts at once, spread over the services, and checks that every one got its own revision after the first. */
  const expectAllRecorded = async (services: NestFastifyApplication[]) => {
    const id = await createReferral();
    const at = new Date(Date.now() - 60_000).toISOString();

    const responses = await Promise.all(
      Array.from({ length: CONCURRENT_COMMANDS }, (_, index) => post(services[index % services.length]!, `/api/referrals/${id}/contacts`, { outcome: 'made', channel: 'phone', at })),
    );

    expect(responses.map((response) => response.statusCode)).toEqual(responses.map(() => 200));
    const revisions = responses.map((response) => response.json<{ revision: number }>().revision).sort((a, b) => a - b);
    expect(revisions).toEqual(Array.from({ length: CONCURRENT_COMMANDS }, (_, index) => index + 1));
    const stored = await harness.sql<{ revision: number }>('SELECT revision FROM events WHERE stream = $1 ORDER BY revision', [`referral-${id}`]);
    expect(stored.map((row) => Number(row.revision))).toEqual(Array.from({ length: CONCURRENT_COMMANDS + 1 }, (_, index) => index));
  };

  it('to one service all succeed, one after another: revisions 1..50 and every event stored', async () => {
    await expectAllRecorded([harness.app]);
  });

  it('to two services on one database all succeed too: the one that loses a race waits a jittered while and decides again', async () => {
    const other = await harness.startAnother();
    try {
      await expectAllRecorded([harness.app, other]);
    } finally {
      await other.close();
    }
  });
});
