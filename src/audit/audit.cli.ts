import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { londonDate } from '../calendar/working-days.ts';
import { parseConfig } from '../config/config.schema.ts';
import { attachToEmbeddedPostgres } from '../database/embedded-postgres.ts';
import { openEventStores } from '../event-store/create-event-store.ts';
import { verifyIntegrity } from '../event-store/integrity/verify-integrity.ts';
import { createEventCatalog } from '../event-store/known-events.ts';
import { asOfBound, isInstantOrLondonDay } from '../http/instant.ts';
import { SettingsService } from '../settings/settings.service.ts';
import { accessLogStream, type CaseAccessed } from './access-log/access-log.events.ts';
import { toAuditedEvent } from './history/audited-event.ts';
import { CaseHistories, type ReplayPoint } from './history/case-history.ts';
import { describeEvent, describeReport, describeState } from './audit-cli.format.ts';

const USAGE = `Usage:
  npm run audit -- history <case id> [--json] [--purpose <why>]
  npm run audit -- state <case id> [--as-of <time with offset, or date> | --revision <n>] [--json] [--purpose <why>]
  npm run audit -- verify [--case <case id>] [--json]
  npm run audit -- checkpoint`;

/** The auditor's routes for an operator at the command line, on the same stores the service uses. */
async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false }, 'as-of': { type: 'string' }, revision: { type: 'string' }, case: { type: 'string' }, purpose: { type: 'string', default: 'audit' } },
  });
  const [command, caseId] = positionals;
  if (!command || !['history', 'state', 'verify', 'checkpoint'].includes(command) || (['history', 'state'].includes(command) && !caseId)) {
    console.error(USAGE);
    return 2;
  }
  const config = parseConfig(process.env);
  const database = config.DATABASE_URL ? { url: config.DATABASE_URL, stop: async () => {} } : await attachToEmbeddedPostgres({ dataDir: config.DATA_DIR, database: 'casework', durable: true });
  const catalog = createEventCatalog();
  const stores = await openEventStores(config, database.url, catalog);
  try {
    const settings = new SettingsService(stores.events, catalog);
    const histories = new CaseHistories(stores.audit, catalog, settings);
    const print = (json: unknown, text: string) => console.log(values.json ? JSON.stringify(json, null, 2) : text);
    if (command === 'verify') {
      const stream = values.case ? await histories.streamOf(values.case) : undefined;
      if (values.case && !stream) throw new CliFailure(`No case has the id ${values.case}`);
      const report = await verifyIntegrity(stores.stored, stream ? { stream } : { checkpoints: stores.checkpoints });
      print(report, describeReport(report));
      return report.ok ? 0 : 1;
    }
    if (command === 'checkpoint') {
      const checkpoint = await stores.checkpoints.take();
      console.log(checkpoint ? `Checkpoint signed at position ${checkpoint.position} over ${checkpoint.events} events` : 'Nothing new since the last checkpoint (or another process is taking one)');
      return 0;
    }
    const history = await histories.historyOf(caseId!);
    if (!history) throw new CliFailure(`No case has the id ${caseId}`);
    const purposes = (await settings.current()).activeIds('accessPurposes');
    if (!purposes.includes(values.purpose!)) throw new CliFailure(`--purpose must be one of the configured purposes: ${purposes.join(', ')}`);
    await recordAccess(stores.events, caseId!, `audit ${command}`, values.purpose!);
    if (command === 'history') {
      const events = history.events.map(toAuditedEvent);
      print({ kind: history.caseKind.kind, events }, [`${history.caseKind.kind} ${caseId}: ${events.length} events`, ...events.map(describeEvent)].join('\n'));
      return 0;
    }
    const point: ReplayPoint = values['as-of'] ? { asOf: parseInstant(values['as-of']) } : values.revision !== undefined ? { revision: parseRevision(values.revision) } : 'now';
    const replayed = await histories.stateAt(history, point);
    if (!replayed) throw new CliFailure('The case did not exist yet at that point');
    print({ kind: history.caseKind.kind, revision: replayed.revision, state: replayed.view }, describeState(history.caseKind.kind, caseId!, replayed.revision, replayed.view));
    return 0;
  } finally {
    await stores.close();
    await database.stop();
  }
}

class CliFailure extends Error {}

/** The command line is a way of reading cases too: it is recorded like the routes are. */
async function recordAccess(store: Awaited<ReturnType<typeof openEventStores>>['events'], caseId: string, route: string, purpose: string): Promise<void> {
  const user = `cli:${userInfo().username}`;
  const at = new Date();
  const data: CaseAccessed['data'] = { user, roles: ['auditor'], caseIds: [caseId], method: 'CLI', route, purpose, at: at.toISOString() };
  const correlationId = randomUUID();
  await store.append(accessLogStream(user, londonDate(at)), [{ id: randomUUID(), type: 'CaseAccessed', schemaVersion: 1, data, metadata: { actor: { sub: user, roles: ['auditor'] }, correlationId, causationId: correlationId } }], 'any');
}

/** As the state route reads asOf: a time with its offset, or a date meaning the end of that day in England. */
function parseInstant(value: string): Date {
  if (!isInstantOrLondonDay(value)) throw new CliFailure(`--as-of must be a time with its offset such as 2026-03-02T12:00:00Z, or a date such as 2026-03-02, not ${value}`);
  return asOfBound(value);
}

function parseRevision(value: string): number {
  if (!/^\d+$/.test(value)) throw new CliFailure(`--revision must be a whole number, not ${value}`);
  return Number(value);
}

// Explicit exit: the embedded-postgres package's exit hook would otherwise end every run with code 0.
try {
  process.exit(await main());
} catch (error) {
  if (!(error instanceof CliFailure)) throw error;
  console.error(error.message);
  process.exit(1);
}
