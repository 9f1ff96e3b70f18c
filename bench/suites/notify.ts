import { randomBytes } from 'node:crypto';
import { forEachConcurrently } from '../harness.ts';
import { FakeNotify } from '../notify-stand-in.ts';
import { createSuitePool } from '../pool.ts';
import { round } from '../ratios.ts';
import { benchJwtSecret, bearer, receiveReferralBody } from '../service/commands.ts';
import { startServiceProcess, type ServiceProcess } from '../service/service-process.ts';
import type { Suite, SuiteContext } from '../suite.ts';

/** BENCH_NOTIFY_MESSAGES (default 2,000): messages queued, then sent through the outbox. */
const MESSAGES = Number(process.env.BENCH_NOTIFY_MESSAGES ?? 2_000);
const CONNECTIONS = 32;

/**
 * The outbox's delivery rate: messages queued by a service without a Notify API key (so they wait), then the
 * service started again with one, sending them to a local stand-in of GOV.UK Notify's API through the official
 * client; the figure is messages taken by Notify per second, from the service answering until the outbox is empty.
 */
export const notifySuite: Suite = {
  name: 'notify',
  async run(context) {
    const notify = new FakeNotify();
    const baseUrl = await notify.start();
    const secret = benchJwtSecret();
    const env = { MASTER_KEY: randomBytes(32).toString('base64') };
    try {
      const queuing = await startServiceProcess(context.databaseUrl, secret, env);
      try {
        await queueMessages(queuing, secret, context);
      } finally {
        await queuing.stop();
      }
      const sending = await startServiceProcess(context.databaseUrl, secret, { ...env, NOTIFY_API_KEY: notify.apiKey, NOTIFY_BASE_URL: baseUrl });
      // From the moment it answers: what it sent while starting is left out of the count.
      const started = performance.now();
      const sentWhileStarting = notify.notifications.length;
      try {
        await outboxEmptied(context.databaseUrl);
        const seconds = (performance.now() - started) / 1000;
        if (notify.notifications.length !== MESSAGES) throw new Error(`Notify took ${notify.notifications.length} messages, expected ${MESSAGES}`);
        context.report({ name: 'notify.outbox.delivery', value: round((MESSAGES - sentWhileStarting) / seconds, 1), unit: 'messages/s' });
      } finally {
        await sending.stop();
      }
    } finally {
      await notify.close();
    }
  },
};

async function queueMessages(service: ServiceProcess, secret: string, context: SuiteContext): Promise<void> {
  const admin = await bearer(secret, 'bench-admin', ['admin']);
  const caseManager = await bearer(secret, 'bench-case-manager', ['case_manager']);
  const post = async (url: string, body: string, authorization: string) => {
    const response = await fetch(`${service.url}${url}`, { method: 'POST', body, headers: { authorization, 'content-type': 'application/json' } });
    if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
    return (await response.json()) as { id: string };
  };
  await post('/api/admin/settings/lists/notifyTemplates/entries', JSON.stringify({ id: 'contact-email', label: 'Contact by email', templateId: '0d2f9c1a-7b3e-4c55-8e21-6a9b4f3c2d10' }), admin);
  context.log(`Queuing ${MESSAGES} messages without a Notify API key`);
  const message = JSON.stringify({ kind: 'contact', channel: 'email', personalisation: { first_name: 'Bench', update: 'Your case manager will call on Tuesday' } });
  await forEachConcurrently(MESSAGES, CONNECTIONS, async (index) => {
    const { id } = await post('/api/referrals', receiveReferralBody(index), caseManager);
    await post(`/api/referrals/${id}/contact-contract`, JSON.stringify({ frequency: 'weekly', channel: 'email' }), caseManager);
    await post(`/api/referrals/${id}/messages`, message, caseManager);
  });
}

/** Until every queued message is in the outbox and taken by Notify. */
async function outboxEmptied(databaseUrl: string): Promise<void> {
  const pool = createSuitePool(databaseUrl, 1);
  try {
    for (;;) {
      const { rows } = await pool.query(`SELECT count(*)::int AS sent FROM notify_dispatches WHERE state = 'sent'`);
      if (rows[0].sent >= MESSAGES) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    await pool.end();
  }
}
