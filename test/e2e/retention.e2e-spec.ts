import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { addDays, londonDayStart } from '../../src/calendar/working-days.ts';
import { reviewWindowAfter } from '../../src/complaints/domain/deadlines.ts';
import { disposalDueOn } from '../../src/retention/domain/disposal-due.ts';
import { DisposalReview, type DueCases } from '../../src/retention/queries/disposals-due/disposal-review.ts';
import { followingRequests, ok as bodyOf } from '../support/following-requests.ts';
import { bearer, startTestApp, type TestApp } from '../support/test-app.ts';

describe('retention over HTTP', () => {
  let harness: TestApp;
  let supervisor: string;
  let caseManager: string;
  let admin: string;
  let auditor: string;
  /** Each request reads the read models as they stand after the last write (a dry run without it can run ahead of them). */
  let send: ReturnType<typeof followingRequests>;

  beforeAll(async () => {
    harness = await startTestApp();
    send = followingRequests(harness);
    supervisor = await bearer(['supervisor'], 'sup-hold');
    caseManager = await bearer(['case_manager']);
    admin = await bearer(['admin'], 'root');
    auditor = await bearer(['auditor']);
  });
  afterAll(() => harness.close());

  const request = (method: 'GET' | 'POST', url: string, authorization: string, payload?: object) => harness.request({ method, url, payload, headers: { authorization } });
  const referral = { source: 'police', crimeReference: '41/9/26', crimeType: 'burglary', victim: { name: 'Hal Held' }, consent: { contact: true, dataSharing: true, basis: 'implied' } };

  it('lets a supervisor place and lift a legal hold on a case, with a reason, and no one else, and lists the cases held', async () => {
    const created = (await request('POST', '/api/referrals', caseManager, referral)).json();
    const hold = `/api/cases/${created.id}/legal-hold`;
    expect((await request('POST', hold, caseManager, { reason: 'litigation' })).statusCode).toBe(403);
    expect((await request('POST', hold, supervisor, { reason: 'because' })).json()).toMatchObject({ status: 400, errors: [{ field: 'reason' }] });
    expect((await request('POST', `/api/cases/${randomUUID()}/legal-hold`, supervisor, { reason: 'litigation' })).statusCode).toBe(404);
    expect((await request('POST', `${hold}/lift`, supervisor, { reason: 'obligation-ended' })).json()).toMatchObject({ status: 409, rule: 'not-held' });
    expect((await request('POST', hold, supervisor, { reason: 'litigation' })).statusCode).toBe(200);
    expect((await request('POST', hold, supervisor, { reason: 'public-inquiry' })).json()).toMatchObject({ status: 409, rule: 'already-held' });
    const heldNow = async (authorization = admin) => (await request('GET', '/api/admin/legal-holds', authorization)).json().items.filter((item: { caseId: string }) => item.caseId === created.id);
    expect(await heldNow(auditor)).toEqual([{ caseId: created.id, status: 'held', reason: 'litigation', by: 'sup-hold', since: expect.any(String) }]);
    expect((await request('GET', '/api/admin/legal-holds', caseManager)).statusCode).toBe(403);
    expect((await request('POST', `${hold}/lift`, supervisor, { reason: 'obligation-ended' })).statusCode).toBe(200);
    expect(await heldNow()).toEqual([]);
  });

  it('lists the closed cases due for disposal on a London day, under their rule, leaving out held ones', async () => {
    const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
    expect((await request('POST', '/api/admin/settings/retention-periods', admin, { caseKind: 'referral', closureReason: 'duplicate', months: 1 })).statusCode).toBe(200);
    const closeLongAgo = async () => {
      const created = (await request('POST', '/api/referrals', caseManager, { ...referral, receivedAt: daysAgo(400) })).json();
      expect((await request('POST', `/api/referrals/${created.id}/close`, caseManager, { reason: 'duplicate', at: daysAgo(380) })).statusCode).toBe(200);
      return created.id as string;
    };
    const [due, held] = [await closeLongAgo(), await closeLongAgo()];
    const placed = (await request('POST', `/api/cases/${held}/legal-hold`, supervisor, { reason: 'litigation' })).json();
    const today = new Date().toISOString().slice(0, 10);
    const review = async (asOf: string, authorization = admin) => {
      const response = await harness.request({ method: 'GET', url: `/api/admin/disposals/due?asOf=${asOf}`, headers: { authorization, 'x-min-position': placed.position } });
      return response.json().items.map((item: { caseId: string }) => item.caseId);
    };
    const listed = (await harness.request({ method: 'GET', url: `/api/admin/disposals/due?asOf=${today}`, headers: { authorization: auditor, 'x-min-position': placed.position } })).json();
    expect(listed.items.find((item: { caseId: string }) => item.caseId === due)).toMatchObject({ caseKind: 'referral', closureReason: 'duplicate', rule: { months: 1 } });
    expect(await review(today)).not.toContain(held);
    expect(await review(daysAgo(370).slice(0, 10))).not.toContain(due);
    expect((await request('GET', `/api/admin/disposals/due?asOf=${today}`, caseManager)).statusCode).toBe(403);
    expect((await request('GET', '/api/admin/disposals/due?asOf=2026-02-30', admin)).json()).toMatchObject({ status: 400, errors: [{ field: 'asOf' }] });
  });

  it('lists a withdrawn complaint under its kind\'s rule with a code for its closure, never the complainant\'s words', async () => {
    const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
    const officer = await bearer(['crt_officer']);
    const reason = 'Wilma Withdrawn says her neighbour sorted it out';
    const logged = (await request('POST', '/api/complaints', officer, {
      receivedAt: daysAgo(400),
      channel: 'email',
      complainant: { name: 'Wilma Withdrawn', email: 'wilma@example.org' },
      summary: 'The officer did not call back',
      incidentDate: daysAgo(410).slice(0, 10),
      subjects: [{ kind: 'officer', identifier: 'PC 4321' }],
    })).json();
    const withdrawn = (await request('POST', `/api/complaints/${logged.id}/withdraw`, officer, { reason, at: daysAgo(390) })).json();
    expect(withdrawn).toMatchObject({ position: expect.any(String) });
    const period = (await request('POST', '/api/admin/settings/retention-periods', admin, { caseKind: 'complaint', closureReason: 'withdrawn', months: 12 })).json();
    const today = new Date().toISOString().slice(0, 10);
    const review = await harness.request({ method: 'GET', url: `/api/admin/disposals/due?asOf=${today}&limit=200`, headers: { authorization: admin, 'x-min-position': period.position } });
    expect(review.json().items.find((item: { caseId: string }) => item.caseId === logged.id)).toMatchObject({ caseKind: 'complaint', closureReason: 'withdrawn', rule: { caseKind: 'complaint', closureReason: 'withdrawn', months: 12 } });
    expect(review.body).not.toContain('Wilma');
  });

  describe('complaints that end with no review', () => {
    const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
    const incivility = { category: 'individual-behaviours', description: 'Impolite language and tone', subject: { kind: 'officer', identifier: 'PC 4321' } };
    let officer: string;
    const ok = async (url: string, authorization: string, payload: object, status = 200) => bodyOf(await send('POST', url, authorization, payload), status);
    const logged = async () =>
      (await ok('/api/complaints', officer, {
        receivedAt: daysAgo(500),
        channel: 'email',
        complainant: { name: 'Nora Noreview' },
        summary: 'Rude at the front desk',
        subjects: [{ kind: 'officer', identifier: 'PC 4321' }],
      }, 201)).id as string;
    /** A complaint recorded, referred, its outcome decided and told to the complainant so many days ago. */
    const outcomeTold = async (decidedDaysAgo: number, notifiedDaysAgo: number) => {
      const id = await logged();
      await ok(`/api/complaints/${id}/record`, officer, { reason: 'complainant-request', allegations: [incivility], at: daysAgo(495) });
      await ok(`/api/complaints/${id}/refer`, officer, { to: 'psd', reason: 'Local investigation', at: daysAgo(494) });
      await ok(`/api/complaints/${id}/outcome`, officer, { result: 'service-acceptable', decidedAt: daysAgo(decidedDaysAgo) });
      const notifiedAt = daysAgo(notifiedDaysAgo);
      await ok(`/api/complaints/${id}/outcome-notified`, officer, { at: notifiedAt });
      return { id, notifiedAt };
    };
    const dueOn = async (asOf: string) => {
      const review = await send('GET', `/api/admin/disposals/due?asOf=${asOf}&limit=200`, admin);
      return review.json().items as { caseId: string }[];
    };
    const dryRun = async () => (await ok('/api/admin/disposals', admin, { dryRun: true })).items.map((item: { caseId: string }) => item.caseId);
    const today = () => new Date().toISOString().slice(0, 10);

    beforeAll(async () => {
      officer = await bearer(['crt_officer']);
      await ok('/api/admin/settings/retention-periods', admin, { caseKind: 'complaint', closureReason: 'no-review-requested', months: 12 });
      await ok('/api/admin/settings/retention-periods', admin, { caseKind: 'complaint', closureReason: 'resolved-outside-schedule-3', months: 12 });
    });

    it('closes a complaint at the start of the London day after its review window shut, and opens it again on a late review request', async () => {
      const { id, notifiedAt } = await outcomeTold(420, 410);
      const closedOn = addDays(reviewWindowAfter(notifiedAt).closes, 1);
      const due = disposalDueOn(closedOn, 12);

      expect((await dueOn(due)).find((item) => item.caseId === id)).toMatchObject({ caseKind: 'complaint', closedAt: londonDayStart(closedOn), closureReason: 'no-review-requested', dueOn: due, rule: { months: 12 } });
      // Had it closed on the window's last day, it would be due a day earlier: it is not.
      expect((await dueOn(disposalDueOn(addDays(closedOn, -1), 12))).map((item) => item.caseId)).not.toContain(id);
      expect(await dryRun()).toContain(id);

      const supervisor = await bearer(['supervisor']);
      await ok(`/api/complaints/${id}/late-review-request`, supervisor, { receivedAt: daysAgo(2), reason: 'In hospital throughout the 28 days' });
      expect((await dueOn(today())).map((item) => item.caseId)).not.toContain(id);
      expect(await dryRun()).not.toContain(id);
    });

    it('does not close a complaint whose outcome was told while its review window is open', async () => {
      const { id, notifiedAt } = await outcomeTold(10, 5);
      const { closes } = reviewWindowAfter(notifiedAt);
      // A dry run looking ahead: due a year after the day the window shuts, not a year after its last day.
      const dryRunOn = async (asOf: string) => (await ok('/api/admin/disposals', admin, { dryRun: true, asOf, caseIds: [id] })).items;
      expect(await dryRunOn(disposalDueOn(closes, 12))).toEqual([]);
      expect(await dryRunOn(disposalDueOn(addDays(closes, 1), 12))).toEqual([expect.objectContaining({ caseId: id, closureReason: 'no-review-requested' })]);
      await ok(`/api/complaints/${id}/review-request`, officer, { receivedAt: new Date().toISOString() });
      expect(await dryRunOn(disposalDueOn(addDays(closes, 1), 12))).toEqual([]);
    });

    it('closes a complaint at its resolution outside Schedule 3, and opens it again when it is recorded', async () => {
      const [resolved, recorded] = [await logged(), await logged()];
      const resolvedAt = daysAgo(390);
      for (const id of [resolved, recorded]) {
        await ok(`/api/complaints/${id}/handle-outside-schedule-3`, officer, { allegations: [incivility], at: daysAgo(499) });
        await ok(`/api/complaints/${id}/resolve`, officer, { summary: 'Sergeant apologised', complainantSatisfied: false, at: resolvedAt });
      }
      await ok(`/api/complaints/${recorded}/record`, officer, { reason: 'dissatisfied-with-initial-handling', at: daysAgo(389) });
      const listed = await dueOn(today());
      expect(listed.find((item) => item.caseId === resolved)).toMatchObject({ closedAt: resolvedAt, closureReason: 'resolved-outside-schedule-3' });
      expect(listed.map((item) => item.caseId)).not.toContain(recorded);
      expect(await dryRun()).toContain(resolved);
    });
  });

  describe('disposal', () => {
    const NAME = 'Dorothea Disposable';
    const NOTE = 'Dorothea asked us to call after work';
    const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
    const ok = async (method: 'GET' | 'POST', url: string, authorization: string, payload?: object) => bodyOf(await send(method, url, authorization, payload));
    /** A referral of the victim, with a note; closed as a duplicate long ago (due after a month), or left open. */
    const referralOf = async (closed: boolean, closedDaysAgo = 380) => {
      const created = await send('POST', '/api/referrals', caseManager, { ...referral, victim: { name: NAME }, receivedAt: daysAgo(400) });
      const { id } = created.json();
      await ok('POST', `/api/referrals/${id}/notes`, caseManager, { text: NOTE });
      if (closed) await ok('POST', `/api/referrals/${id}/close`, caseManager, { reason: 'duplicate', at: daysAgo(closedDaysAgo) });
      return id as string;
    };
    /** Disposes of the cases named, running `meanwhile` once the review has found them due and before anything is erased. */
    const disposeMeanwhile = async (caseIds: string[], meanwhile: (due: DueCases) => Promise<void>) => {
      const review = harness.app.get(DisposalReview);
      const reviewed = review.due.bind(review);
      const hook = jest.spyOn(review, 'due').mockImplementationOnce(async (...args) => {
        const due = await reviewed(...args);
        await meanwhile(due);
        return due;
      });
      try {
        const disposal = await ok('POST', '/api/admin/disposals', admin, { caseIds });
        expect(hook).toHaveBeenCalledTimes(1);
        return disposal;
      } finally {
        hook.mockRestore();
      }
    };
    const dueIds = async () => (await ok('POST', '/api/admin/disposals', admin, { dryRun: true })).items.map((item: { caseId: string }) => item.caseId);

    beforeAll(async () => {
      await ok('POST', '/api/admin/settings/retention-periods', admin, { caseKind: 'referral', closureReason: 'duplicate', months: 1 });
    });

    it('lists in a dry run what would go tonight, as the review list does, and erases nothing', async () => {
      const id = await referralOf(true);
      const today = new Date().toISOString().slice(0, 10);
      const dryRun = await ok('POST', '/api/admin/disposals', admin, { dryRun: true });
      const review = await ok('GET', `/api/admin/disposals/due?asOf=${dryRun.asOf}`, admin);
      expect(dryRun).toMatchObject({ dryRun: true, items: review.items });
      expect(dryRun.items.map((item: { caseId: string }) => item.caseId)).toContain(id);
      expect((await ok('POST', '/api/admin/disposals', admin, { dryRun: true, asOf: daysAgo(370).slice(0, 10) })).items).not.toContainEqual(expect.objectContaining({ caseId: id }));
      expect((await ok('GET', `/api/referrals/${id}`, caseManager)).victim.name).toBe(NAME);
      expect((await send('POST', '/api/admin/disposals', auditor, { dryRun: true })).statusCode).toBe(403);
      expect((await send('POST', '/api/admin/disposals', supervisor, {})).statusCode).toBe(403);
      const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
      expect((await send('POST', '/api/admin/disposals', admin, { asOf: tomorrow })).json()).toMatchObject({ status: 400, errors: [{ field: 'asOf' }] });
      expect((await ok('POST', '/api/admin/disposals', admin, { dryRun: true, asOf: today, caseIds: [id] })).items).toEqual([expect.objectContaining({ caseId: id })]);
      expect((await send('POST', '/api/admin/disposals', admin, { caseIds: ['not-an-id'] })).json()).toMatchObject({ status: 400, errors: [{ field: 'caseIds' }] });
    });

    it('erases a due case, keeps the same victim\'s other live case, and certifies the disposal with no personal data', async () => {
      const [due, live] = [await referralOf(true), await referralOf(false)];
      const disposed = await ok('POST', '/api/admin/disposals', admin, { caseIds: [due] });
      expect(disposed).toMatchObject({ disposed: [{ caseId: due, caseKind: 'referral' }], readModelsBehind: [] });

      const gone = await ok('GET', `/api/referrals/${due}`, caseManager);
      expect(gone.victim.name).toBe('[erased]');
      expect(JSON.stringify(gone)).not.toContain('Dorothea');
      const history = await ok('GET', `/api/audit/cases/${due}/events`, auditor);
      expect(JSON.stringify(history)).toContain('[erased]');
      expect(JSON.stringify(history)).not.toContain('Dorothea');
      const kept = await ok('GET', `/api/referrals/${live}`, caseManager);
      expect(kept.victim.name).toBe(NAME);
      expect(JSON.stringify(kept)).toContain(NOTE);
      expect(await ok('GET', '/api/audit/verify', auditor)).toMatchObject({ ok: true, firstBreak: null });

      const certificates = await ok('GET', '/api/admin/disposals?kind=referral', auditor);
      const certificate = certificates.items.find((item: { caseId: string }) => item.caseId === due);
      expect(certificate).toMatchObject({ caseKind: 'referral', closureReason: 'duplicate', rule: { caseKind: 'referral', closureReason: 'duplicate', months: 1 }, by: 'root', subjectIds: expect.arrayContaining([due, gone.victim.subjectId]) });
      expect(certificate.closedAt.slice(0, 10)).toBe(daysAgo(380).slice(0, 10));
      expect(JSON.stringify(certificates)).not.toContain('Dorothea');
      expect((await ok('GET', '/api/admin/disposals?kind=complaint', auditor)).items).toEqual([]);
      expect((await ok('GET', `/api/admin/disposals?to=${daysAgo(1).slice(0, 10)}`, auditor)).items).toEqual([]);
      expect((await send('GET', '/api/admin/disposals', caseManager)).statusCode).toBe(403);
      // The certificate outlives the data: it is stored in clear, on a stream of its own.
      const stored = await harness.sql("SELECT data->>'caseId' AS case_id FROM events WHERE stream = $1 AND type = 'CaseDisposed'", [`disposal-${due}`]);
      expect(stored).toEqual([{ case_id: due }]);
      // The case's and its victim's erasures: no longer necessary (Art. 17(1)(a)), the disposed case's id the reference.
      const erasures = await harness.sql("SELECT data->>'ground' AS ground, data->>'requestReference' AS reference FROM events WHERE type = 'PersonalDataErased' AND stream = ANY($1)", [
        [`data-subject-${due}`, `data-subject-${gone.victim.subjectId}`],
      ]);
      expect(erasures).toEqual([
        { ground: 'art17-no-longer-necessary', reference: due },
        { ground: 'art17-no-longer-necessary', reference: due },
      ]);
      expect(await dueIds()).not.toContain(due);
    });

    it('refuses a disposed case any command, another disposal, and a case held or not due, erasing nothing', async () => {
      const [disposed, held, open] = [await referralOf(true), await referralOf(true), await referralOf(false)];
      await ok('POST', `/api/cases/${held}/legal-hold`, supervisor, { reason: 'litigation' });
      await ok('POST', '/api/admin/disposals', admin, { caseIds: [disposed] });

      expect((await send('POST', `/api/referrals/${disposed}/notes`, caseManager, { text: 'Late note' })).json()).toMatchObject({ status: 409, rule: 'case-disposed' });
      expect((await send('POST', `/api/cases/${disposed}/legal-hold`, supervisor, { reason: 'litigation' })).json()).toMatchObject({ status: 409, rule: 'case-disposed' });
      expect((await send('POST', '/api/admin/disposals', admin, { caseIds: [disposed] })).json()).toMatchObject({ status: 409, rule: 'already-disposed' });
      expect((await send('POST', '/api/admin/disposals', admin, { caseIds: [open, held] })).json()).toMatchObject({ status: 409, rule: 'not-due' });
      expect((await send('POST', '/api/admin/disposals', admin, { caseIds: [held] })).json()).toMatchObject({ status: 409, rule: 'legal-hold' });
      expect((await send('POST', '/api/admin/disposals', admin, { caseIds: [randomUUID()] })).statusCode).toBe(404);
      for (const id of [held, open]) expect((await ok('GET', `/api/referrals/${id}`, caseManager)).victim.name).toBe(NAME);
    });

    it('keeps a case whose legal hold is placed while the disposal runs, after its review found it not held', async () => {
      const [held, going] = [await referralOf(true), await referralOf(true)];
      // The hold arrives through HTTP once the disposal has read the holds and before it erases anything.
      const disposal = await disposeMeanwhile([held, going], async (due) => {
        expect(due.items.map((entry) => entry.caseId)).toEqual(expect.arrayContaining([held, going]));
        await ok('POST', `/api/cases/${held}/legal-hold`, supervisor, { reason: 'litigation' });
      });
      expect(disposal).toMatchObject({ disposed: [{ caseId: going }], kept: [{ caseId: held, caseKind: 'referral', rule: 'legal-hold' }] });
      const kept = await ok('GET', `/api/referrals/${held}`, caseManager);
      expect(kept.victim.name).toBe(NAME);
      expect(JSON.stringify(kept)).toContain(NOTE);
      expect((await ok('GET', `/api/referrals/${going}`, caseManager)).victim.name).toBe('[erased]');
      expect((await ok('GET', '/api/admin/legal-holds', admin)).items).toContainEqual(expect.objectContaining({ caseId: held, status: 'held' }));
      expect((await ok('GET', '/api/admin/disposals', auditor)).items.map((item: { caseId: string }) => item.caseId)).not.toContain(held);
    });

    it('keeps a case opened again after the review read it closed, from its own history rather than a read model behind', async () => {
      const [reopened, going] = [await referralOf(true), await referralOf(true)];
      // The review's read model still says closed: the reopening lands after it was read and before anything is erased.
      const disposal = await disposeMeanwhile([reopened, going], async () => {
        await ok('POST', `/api/referrals/${reopened}/reopen`, supervisor, { reason: 'Victim asked for further support' });
      });
      expect(disposal).toMatchObject({ disposed: [{ caseId: going }], kept: [{ caseId: reopened, caseKind: 'referral', rule: 'reopened' }] });
      const kept = await ok('GET', `/api/referrals/${reopened}`, caseManager);
      expect(kept).toMatchObject({ status: expect.not.stringMatching(/^closed$/), victim: { name: NAME } });
      expect(JSON.stringify(kept)).toContain(NOTE);
      expect((await ok('GET', `/api/referrals/${going}`, caseManager)).victim.name).toBe('[erased]');
      expect((await ok('GET', '/api/admin/disposals', auditor)).items.map((item: { caseId: string }) => item.caseId)).not.toContain(reopened);
    });

    it('documents the routes with examples', async () => {
      const doc = (await harness.request({ method: 'GET', url: '/api/docs-json' })).json();
      expect(Object.keys(doc.paths['/api/admin/disposals'].post.responses['200'].content['application/json'].examples)).toEqual(['dryRun', 'disposal']);
      expect(doc.paths['/api/admin/disposals'].get.responses['200'].content['application/json'].schema.example.items[0]).toMatchObject({ caseKind: 'referral', rule: { months: 72 } });
    });

    it('reviews and disposes of the cases due a page at a time, oldest closure first', async () => {
      // Closed before every case the tests before this one left due.
      const [oldest, next] = [await referralOf(true, 396), await referralOf(true, 393)];
      const today = new Date().toISOString().slice(0, 10);
      const ids = (page: { items: { caseId: string }[] }) => page.items.map((item) => item.caseId);
      const first = await ok('GET', `/api/admin/disposals/due?asOf=${today}&limit=1`, auditor);
      expect(first).toMatchObject({ items: [{ caseId: oldest }], nextCursor: expect.any(String) });
      const second = await ok('GET', `/api/admin/disposals/due?asOf=${today}&limit=1&cursor=${first.nextCursor}`, auditor);
      expect(ids(second)).toEqual([next]);
      const all = await ok('GET', `/api/admin/disposals/due?asOf=${today}&limit=200`, auditor);
      expect(all.nextCursor).toBeNull();
      expect(ids(all).slice(0, 2)).toEqual([oldest, next]);
      expect((await send('GET', `/api/admin/disposals/due?asOf=${today}&cursor=not-ours`, auditor)).json()).toMatchObject({ status: 400, errors: [{ field: 'cursor' }] });
      expect((await send('POST', '/api/admin/disposals', admin, { limit: 0 })).json()).toMatchObject({ status: 400, errors: [{ field: 'limit' }] });

      expect(await ok('POST', '/api/admin/disposals', admin, { dryRun: true, limit: 1 })).toMatchObject({ items: [{ caseId: oldest }], more: true });
      expect(await ok('POST', '/api/admin/disposals', admin, { limit: 1 })).toMatchObject({ disposed: [{ caseId: oldest }], more: true });
      expect(ids(await ok('GET', `/api/admin/disposals/due?asOf=${today}&limit=1`, auditor))).toEqual([next]);
    });

    it('disposes of every case due at once, and only those', async () => {
      const [first, second, open] = [await referralOf(true), await referralOf(true), await referralOf(false)];
      const due = await dueIds();
      expect(due).toEqual(expect.arrayContaining([first, second]));
      const disposed = await ok('POST', '/api/admin/disposals', admin, {});
      expect(disposed.disposed.map((item: { caseId: string }) => item.caseId).sort()).toEqual([...due].sort());
      for (const id of [first, second]) expect((await ok('GET', `/api/referrals/${id}`, caseManager)).victim.name).toBe('[erased]');
      expect((await ok('GET', `/api/referrals/${open}`, caseManager)).victim.name).toBe(NAME);
      expect(await dueIds()).toEqual([]);
      expect(await ok('POST', '/api/admin/disposals', admin, {})).toMatchObject({ disposed: [], position: null, more: false });
    });
  });
});
