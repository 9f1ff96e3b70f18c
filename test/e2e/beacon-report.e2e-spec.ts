import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { englandAndWalesCalendar } from '../../src/calendar/england-and-wales.ts';
import { quarterOf } from '../../src/http/report-period.ts';
import { bearer, startTestApp, type TestApp } from '../support/test-app.ts';

describe('the Beacon report over HTTP', () => {
  let harness: TestApp;
  let caseManager: string;

  beforeAll(async () => {
    harness = await startTestApp();
    caseManager = await bearer(['case_manager']);
  });
  afterAll(() => harness.close());

  const post = async (url: string, payload: object) => {
    const response = await harness.request({ method: 'POST', url, payload, headers: { authorization: caseManager } });
    expect(response.statusCode).toBeLessThan(300);
    return response.json<{ id: string; position: string }>();
  };
  const referral = (source: string, crimeType: string, extra: object = {}) => ({
    source,
    crimeType,
    victim: { name: 'Anyone', dateOfBirth: '1970-01-01' },
    consent: { contact: true, dataSharing: true, basis: 'explicit' },
    ...extra,
  });
  // Referral dates are days in England, which is not the UTC day late in a summer evening.
  const londonDate = (instant: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(instant);
  const today = londonDate(new Date());

  it('aggregates referrals of the period, without naming anyone', async () => {
    const police = await post('/api/referrals', referral('police', 'domestic-abuse', { crimeReference: '41/1/26' }));
    await post(`/api/referrals/${police.id}/assess`, { needs: ['safety'], riskLevel: 'high', priorityGroups: ['most-serious-crime'] });
    await post(`/api/referrals/${police.id}/accept-support`, {});
    const { serviceReferralId } = (await post(`/api/referrals/${police.id}/service-referrals`, { service: 'idva' })) as unknown as { serviceReferralId: string };
    await post(`/api/referrals/${police.id}/service-referrals/${serviceReferralId}/outcome`, { outcome: 'accepted' });
    await post(`/api/referrals/${police.id}/service-referrals`, { service: 'isva' });
    for (const status of ['offered', 'made']) await post(`/api/referrals/${police.id}/personal-statement`, { status });
    for (const status of ['information-given', 'interested']) await post(`/api/referrals/${police.id}/restorative-justice`, { status });
    const self = await post('/api/referrals', referral('self', 'burglary'));
    await post(`/api/referrals/${self.id}/decline-support`, { reason: 'no-longer-needed' });
    const partner = await post('/api/referrals', referral('partner', 'burglary'));
    await post(`/api/referrals/${partner.id}/close`, { reason: 'duplicate' });

    const read = () => harness.request({ method: 'GET', url: `/api/reports/beacon?from=${today}&to=${today}`, headers: { authorization: caseManager } });
    const deadline = Date.now() + 10_000;
    let report = (await read()).json();
    while (report.referrals < 3 || report.closuresByReason.length === 0) {
      if (Date.now() > deadline) throw new Error(`read model did not catch up: ${JSON.stringify(report)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
      report = (await read()).json();
    }
    expect(report).toMatchObject({
      referrals: 3,
      bySource: expect.arrayContaining([{ key: 'police', count: 1 }, { key: 'self', count: 1 }, { key: 'partner', count: 1 }]),
      byCrimeType: [{ key: 'burglary', label: 'Burglary', count: 2 }, { key: 'domestic-abuse', label: 'Domestic abuse', count: 1 }],
      priorityGroups: { enhanced: 1, share: 0.333, nationalShare: 0.2 },
      support: { accepted: 1, declined: 1, acceptanceRate: 0.5, declineReasons: [{ key: 'no-longer-needed', label: 'No longer needed', count: 1 }] },
      closuresByReason: [{ key: 'duplicate', label: 'Duplicate', count: 1 }],
      riskLevels: [{ key: 'high', count: 1 }],
      serviceReferrals: { made: 2, byOutcome: [{ key: 'accepted', count: 1 }, { key: 'awaiting', count: 1 }] },
      personalStatements: { offered: 1, made: 1 },
      restorativeJustice: { informed: 1, interested: 1 },
    });
    expect(JSON.stringify(report)).not.toContain('Anyone');

    const yesterday = londonDate(new Date(Date.now() - 86_400_000));
    expect((await harness.request({ method: 'GET', url: `/api/reports/beacon?from=${yesterday}&to=${yesterday}`, headers: { authorization: caseManager } })).json()).toMatchObject({ referrals: 0 });
    expect((await harness.request({ method: 'GET', url: `/api/reports/beacon?from=${today}&to=${yesterday}`, headers: { authorization: caseManager } })).statusCode).toBe(400);
  });

  it('times crime report to referral in working days, and counts criminal-justice updates passed on in time', async () => {
    const calendar = englandAndWalesCalendar();
    const reportedOn = londonDate(new Date(Date.now() - 15 * 86_400_000));
    await post('/api/referrals', referral('partner', 'burglary', { crimeReportedOn: reportedOn }));
    const prompt = await post('/api/referrals', referral('partner', 'burglary', { crimeReportedOn: today }));
    const longAgo = new Date(Date.now() - 20 * 86_400_000).toISOString();
    // Received weeks ago and typed in now: the arrest learned since is long overdue.
    const owing = await post('/api/referrals', referral('partner', 'burglary', { receivedAt: new Date(Date.now() - 25 * 86_400_000).toISOString() }));
    await post(`/api/referrals/${owing.id}/cj-events`, { kind: 'arrest', learnedAt: longAgo });
    const charge = await post(`/api/referrals/${prompt.id}/cj-events`, { kind: 'charge', learnedAt: new Date().toISOString() });
    const told = await post(`/api/referrals/${prompt.id}/cj-events/${(charge as unknown as { cjEventId: string }).cjEventId}/communicated`, { at: new Date().toISOString(), channel: 'email' });

    const from = londonDate(new Date(longAgo));
    const report = (
      await harness.request({ method: 'GET', url: `/api/reports/beacon?from=${from}&to=${today}`, headers: { authorization: caseManager, 'x-min-position': told.position } })
    ).json();
    expect(report.crimeReportToReferral).toEqual({ referrals: 2, medianWorkingDays: calendar.workingDaysBetween(reportedOn, today) / 2 });
    expect(report.criminalJusticeUpdates).toEqual({ learned: 2, toldOnTime: 1, toldLate: 0, owedAndOverdue: 1, onTimeRate: 1, communicatedInTimeShare: 0.5 });
  });

  it('counts police referrals passed on over 2 working days after the crime report, for the current quarter when no period is given', async () => {
    await post('/api/referrals', referral('police', 'burglary', { crimeReference: '41/2/26', crimeReportedOn: londonDate(new Date(Date.now() - 15 * 86_400_000)) }));
    const prompt = await post('/api/referrals', referral('police', 'burglary', { crimeReference: '41/3/26', crimeReportedOn: today }));
    const read = (url: string) => harness.request({ method: 'GET', url, headers: { authorization: caseManager, 'x-min-position': prompt.position } });
    const report = (await read('/api/reports/beacon')).json();
    expect(report.period).toEqual(quarterOf(today));
    expect(report.policeReferralDelay).toEqual({ referrals: 2, delayed: 1, delayedShare: 0.5 });
    expect((await read(`/api/reports/beacon?to=${today}`)).json().period).toEqual({ from: quarterOf(today).from, to: today });
    const supervisor = await bearer(['supervisor']);
    for (const url of ['/api/reports/complaints', '/api/reports/community-resolutions']) {
      const other = await harness.request({ method: 'GET', url, headers: { authorization: supervisor } });
      expect({ url, status: other.statusCode }).toEqual({ url, status: 200 });
    }
  });
});
