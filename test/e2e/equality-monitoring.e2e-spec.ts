import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { bearer, startTestApp, type TestApp } from '../support/test-app.ts';
import { followingRequests, ok } from '../support/following-requests.ts';

const ANSWERS = { gender: 'woman', ethnicity: 'black-caribbean', disability: 'prefer-not-to-say' };
/** The day every case of the report test is received or proposed on. */
const REPORT_DAY = '2025-02-03';

/**
 * Equality monitoring beyond referrals (test/e2e/demographics.e2e-spec.ts): a complaint's complainant and a
 * Community Resolution's offender, each case kind through its own routes, list and report.
 */
describe('equality monitoring of complainants and offenders', () => {
  let harness: TestApp;
  let request: ReturnType<typeof followingRequests>;
  let crtOfficer: string;
  let officer: string;
  let caseManager: string;
  let admin: string;
  let auditor: string;

  beforeAll(async () => {
    harness = await startTestApp();
    request = followingRequests(harness);
    [crtOfficer, officer, caseManager, admin, auditor] = await Promise.all([
      bearer(['crt_officer'], 'crt-eq'),
      bearer(['resolution_officer'], 'ro-eq'),
      bearer(['case_manager'], 'cm-eq'),
      bearer(['admin'], 'root'),
      bearer(['auditor'], 'aud-eq'),
    ]);
  });
  afterAll(() => harness.close());

  const eventCount = async () => (await harness.sql<{ n: number }>('SELECT count(*)::int AS n FROM events'))[0]!.n;

  /** What differs between the two kinds of case; the tests below are the same for both. */
  const KINDS = [
    {
      kind: 'complaints',
      table: 'complaint_list',
      eventType: 'ComplainantDemographicsRecorded',
      worker: () => crtOfficer,
      intake: (day = '2025-01-20') => ({
        receivedAt: `${day}T10:00:00Z`,
        channel: 'email',
        complainant: { name: 'Edna Equal' },
        summary: 'Kept waiting at the front desk',
        incidentDate: '2025-01-10',
        subjects: [{ kind: 'force' }],
      }),
      // A complaint holds no date of birth: it comes with the answers, for the band on the incident's day.
      answers: { ...ANSWERS, dateOfBirth: '1990-07-01' },
      subjectOf: (view: any) => view.complainant.subjectId as string,
      reportOf: 'complaints',
      reportTotal: (report: any) => report.logged as number,
    },
    {
      kind: 'community-resolutions',
      table: 'resolution_list',
      eventType: 'OffenderDemographicsRecorded',
      worker: () => officer,
      intake: (day = '2025-01-20') => ({
        crimeReference: '41/1717/25',
        offenceType: 'criminal-damage',
        offenceDate: '2025-01-10',
        offender: { name: 'Edna Equal', dateOfBirth: '1990-07-01' },
        evidenceSufficient: true,
        offenderAdmits: true,
        offenderAgrees: true,
        victims: [{ name: 'Vic Tim', consulted: true, consents: true }],
        rationale: 'First offence, admitted',
        at: `${day}T10:00:00Z`,
      }),
      answers: ANSWERS,
      subjectOf: (view: any) => view.offender.subjectId as string,
      reportOf: 'community-resolutions',
      reportTotal: (report: any) => report.resolutions as number,
    },
  ];

  describe.each(KINDS)('$kind', ({ kind, table, eventType, worker, intake, answers, subjectOf, reportOf, reportTotal }) => {
    const newCase = async (body: object = intake()) => ok(await request('POST', `/api/${kind}`, worker(), body), 201).id as string;
    const stored = (id: string) => harness.sql<{ data: object }>(`SELECT data FROM events WHERE stream LIKE $1 AND type = $2`, [`%${id}`, eventType]);
    const demographicsRoute = (id: string) => `/api/${kind}/${id}/demographics`;

    it('records the answers later, sealed in the store, with the age band at the offence, and never shows them on the case', async () => {
      const id = await newCase();
      ok(await request('POST', demographicsRoute(id), worker(), answers));
      const [event] = await stored(id);
      expect(JSON.stringify(event)).not.toMatch(/black-caribbean|1990-07-01/);
      const view = ok(await request('GET', `/api/${kind}/${id}`, worker()));
      expect(JSON.stringify(view)).not.toContain('black-caribbean');
      const [row] = await harness.sql(`SELECT gender, ethnicity, disability, age_band FROM ${table} WHERE id = $1`, [id]);
      expect(row).toEqual({ gender: 'woman', ethnicity: 'black-caribbean', disability: 'prefer-not-to-say', age_band: '25-34' });
      const again = ok(await request('POST', demographicsRoute(id), worker(), answers), 409);
      expect(again.rule).toBe('demographics-unchanged');
    });

    it('keeps the answers out of the list row\'s folded state, in the columns the report counts, through later events', async () => {
      const id = await newCase({ ...intake(), demographics: answers });
      ok(await request('POST', `/api/${kind}/${id}/notes`, worker(), { text: 'Called back as agreed' }));
      // Reading the case waits for the list to hold the note.
      ok(await request('GET', `/api/${kind}/${id}`, worker()));
      const [row] = await harness.sql<{ state: string }>(`SELECT state::text AS state, gender, ethnicity, disability, age_band FROM ${table} WHERE id = $1`, [id]);
      expect(JSON.parse(row!.state)).not.toHaveProperty('demographics');
      expect(row!.state).not.toMatch(/black-caribbean|prefer-not-to-say|25-34/);
      expect(row).toMatchObject({ gender: 'woman', ethnicity: 'black-caribbean', disability: 'prefer-not-to-say', age_band: '25-34' });
    });

    it('records the answers given on intake, and refuses one outside its list there, appending nothing', async () => {
      const before = await eventCount();
      const refused = ok(await request('POST', `/api/${kind}`, worker(), { ...intake(), demographics: { ...answers, gender: 'martian' } }), 400);
      expect(refused.errors).toEqual([expect.objectContaining({ field: 'demographics.gender' })]);
      expect(await eventCount()).toBe(before);
      const id = await newCase({ ...intake(), demographics: answers });
      expect(await stored(id)).toHaveLength(1);
    });

    it('refuses a value outside its list naming the field, an unknown case, another team, appending nothing', async () => {
      const id = await newCase();
      const before = await eventCount();
      const refused = ok(await request('POST', demographicsRoute(id), worker(), { ...answers, ethnicity: 'martian', disability: 'sometimes' }), 400);
      expect(refused.errors.map((error: { field: string }) => error.field).sort()).toEqual(['disability', 'ethnicity']);
      ok(await request('POST', demographicsRoute(id), worker(), { gender: 'woman' }), 400);
      ok(await request('POST', demographicsRoute(randomUUID()), worker(), answers), 404);
      ok(await request('POST', demographicsRoute(id), caseManager, answers), 403);
      expect(await eventCount()).toBe(before);
    });

    it('erases the answers with the person', async () => {
      const id = await newCase();
      ok(await request('POST', demographicsRoute(id), worker(), answers));
      // Reading the case waits for the list to hold the answers: the columns are where the list keeps them.
      const subjectId = subjectOf(ok(await request('GET', `/api/${kind}/${id}`, worker())));
      const columns = `SELECT gender, ethnicity, disability, age_band FROM ${table} WHERE id = $1`;
      expect(await harness.sql(columns, [id])).toEqual([{ gender: 'woman', ethnicity: 'black-caribbean', disability: 'prefer-not-to-say', age_band: '25-34' }]);
      ok(await request('POST', `/api/admin/data-subjects/${subjectId}/erase`, admin, { ground: 'art17-withdrawn-consent', requestReference: 'SAR-17' }));
      expect(await harness.sql(columns, [id])).toEqual([{ gender: null, ethnicity: null, disability: null, age_band: null }]);
      const history = ok(await request('GET', `/api/audit/cases/${id}/events`, auditor));
      const recorded = history.items.find((event: { type: string }) => event.type === eventType);
      expect(recorded.data).toMatchObject({ gender: '[erased]', ethnicity: '[erased]', disability: '[erased]', ageBand: '[erased]' });
    });

    it('breaks the report down by each characteristic, withholding small cells and a partner beside a lone one', async () => {
      const given = [...Array(7).fill(answers), { ...answers, gender: 'man' }, { ...answers, gender: 'man' }, null];
      let last = '';
      for (const answer of given) {
        last = await newCase(intake(REPORT_DAY));
        if (answer) ok(await request('POST', demographicsRoute(last), worker(), answer));
      }
      // The resolutions report takes no X-Min-Position: reading the last case first waits for the list.
      ok(await request('GET', `/api/${kind}/${last}`, worker()));
      const report = ok(await request('GET', `/api/reports/${reportOf}?from=${REPORT_DAY}&to=${REPORT_DAY}`, worker()));
      const counts = (field: string) => Object.fromEntries(report.equality[field].filter((cell: { count: number }) => cell.count !== 0).map((cell: { key: string; count: number | null }) => [cell.key, cell.count]));
      expect(reportTotal(report)).toBe(10);
      expect(counts('gender')).toEqual({ woman: 7, man: null, 'not-recorded': null });
      // A lone withheld cell would follow from the total: the smallest other is withheld with it.
      expect(counts('ethnicity')).toEqual({ 'black-caribbean': null, 'not-recorded': null });
      expect(counts('ageBand')).toEqual({ '25-34': null, 'not-recorded': null });
      expect(report.equality.ethnicity).toHaveLength(21);
    });
  });
});
