import { Agent, request as httpRequest } from 'undici';
import { round } from '../ratios.ts';
import { bearer } from '../service/commands.ts';
import { startServiceProcess } from '../service/service-process.ts';
import type { SuiteContext } from '../suite.ts';
import { RETENTION_CASE_KINDS } from '../../src/settings/domain/retention.ts';
import type { ServiceSecrets } from './read-models.ts';

/** Disposed of in one request, as a night's run would. */
const DISPOSALS = 1000;

/**
 * Disposal at the read models' scale, against the service as `npm start` runs it (projectors inside): every kind's
 * retention period is set to a month, so the cases closed before then fall due; `disposal.thousand` is the seconds
 * one `POST /api/admin/disposals` takes to erase and certify 1,000 of them, read models followed (its answer waits
 * for them up to 10 s; the log says whether any was still behind).
 */
export async function measureDisposal(context: SuiteContext, secrets: ServiceSecrets): Promise<void> {
  const service = await startServiceProcess(context.databaseUrl, secrets.AUTH_JWT_SECRET, { MASTER_KEY: secrets.MASTER_KEY });
  const agent = new Agent({ connections: 1 });
  try {
    const admin = await bearer(secrets.AUTH_JWT_SECRET, 'bench-admin', ['admin']);
    const post = async (path: string, body: object, minPosition = '0') => {
      const response = await httpRequest(`${service.url}${path}`, {
        method: 'POST',
        headers: { authorization: admin, 'content-type': 'application/json', 'x-min-position': minPosition },
        body: JSON.stringify(body),
        dispatcher: agent,
        // A thousand cases' erasures in one request: longer than undici's default wait for headers.
        headersTimeout: 0,
        bodyTimeout: 0,
      });
      const text = await response.body.text();
      if (response.statusCode !== 200 && response.statusCode !== 202) throw new Error(`POST ${path} answered ${response.statusCode}: ${text.slice(0, 300)}`);
      return JSON.parse(text) as Record<string, unknown>;
    };
    let position = '0';
    for (const caseKind of RETENTION_CASE_KINDS) position = (await post('/api/admin/settings/retention-periods', { caseKind, closureReason: null, months: 1 })).position as string;
    const due = (await post('/api/admin/disposals', { dryRun: true, limit: DISPOSALS }, position)).items as { caseId: string }[];
    if (due.length < DISPOSALS) throw new Error(`Disposal needs ${DISPOSALS} closed cases due, the store has ${due.length}`);
    const started = performance.now();
    const disposed = await post('/api/admin/disposals', { caseIds: due.slice(0, DISPOSALS).map((entry) => entry.caseId) });
    const seconds = (performance.now() - started) / 1000;
    const behind = disposed.readModelsBehind as string[];
    context.log(`${(disposed.disposed as unknown[]).length} cases disposed of in one request: ${round(seconds, 1)} s${behind.length ? `, read models still behind: ${behind.join(', ')}` : ''}`);
    context.report({ name: 'disposal.thousand', value: round(seconds, 1), unit: 's' });
  } finally {
    await agent.close();
    await service.stop();
  }
}
