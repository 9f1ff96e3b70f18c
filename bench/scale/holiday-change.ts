import { addDays, londonDate } from '../../src/calendar/working-days.ts';
import { englandAndWalesCalendar } from '../../src/calendar/england-and-wales.ts';
import { bearer } from '../service/commands.ts';
import type { ServiceProcess } from '../service/service-process.ts';
import type { SuiteContext } from '../suite.ts';
import { catchUpLists, type ServiceSecrets } from './read-models.ts';
import type { QueryKind } from './query-kinds.ts';

/** The lists ordered by what falls due first: those a change of the calendar may reorder. */
export const DUE_ORDERED_KINDS = ['caseload', 'caseload-overdue', 'referrals-overdue', 'referrals-due-today', 'caseload-due-today', 'complaints-due', 'complaints-overdue', 'complaints-due-today'];

/** The same list, named for the figure measured after the change. */
export const afterHoliday = (kind: QueryKind): QueryKind => ({ ...kind, name: `${kind.name}-after-holiday` });

/**
 * An administrator adds the next working day as a one-off bank holiday through the service (so the clocks running
 * now span it), and the list read models catch up with it: what the due lists are read against right after.
 */
export async function addBankHoliday(service: ServiceProcess, secrets: ServiceSecrets, context: SuiteContext): Promise<void> {
  const calendar = englandAndWalesCalendar();
  let day = addDays(londonDate(new Date()), 1);
  while (!calendar.isWorkingDay(day)) day = addDays(day, 1);
  const response = await fetch(`${service.url}/api/admin/settings/lists/bankHolidays/entries`, {
    method: 'POST',
    headers: { authorization: await bearer(secrets.AUTH_JWT_SECRET, 'bench-admin', ['admin']), 'content-type': 'application/json' },
    body: JSON.stringify({ id: day, label: 'One-off bank holiday (bench)' }),
  });
  const body = (await response.json()) as { position?: string };
  if (response.status !== 200 || body.position === undefined) throw new Error(`Adding a bank holiday answered ${response.status}: ${JSON.stringify(body)}`);
  const started = performance.now();
  await catchUpLists(context, secrets, BigInt(body.position));
  context.log(`Bank holiday ${day} added; the list read models caught up with it in ${Math.round(performance.now() - started)} ms`);
}
