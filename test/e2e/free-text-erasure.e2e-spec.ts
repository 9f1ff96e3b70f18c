import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { EventDefinition } from '../../src/personal-data/event-definition.ts';
import { createEventCatalog } from '../../src/event-store/known-events.ts';
import type { JsonValue } from '../../src/event-store/event-store.port.ts';
import { bearer, startTestApp, type TestApp, type TestResponse } from '../support/test-app.ts';

/**
 * Issue 16.1 / 22.4: free text may name any person of a case, so the erasure of any one of them makes all of
 * it unreadable. The fields come from the event catalog, not from this file: every string of every stored
 * event is declared either plain (ids, codes, dates) or personal data, and every free-text field (`caseText`)
 * is filled here with a value ending in the marker below, which nothing may show once a subject of each
 * case is erased.
 */
const MARKER = 'Quillfeather';
let filled = 0;
const text = (what: string) => `${what} #${++filled} ${MARKER}`;

const catalog = createEventCatalog();
const definitions = catalog.types.map((type) => catalog.definitionOf(type));
const caseTextFields = (definition: EventDefinition) => definition.personalData.filter((spec) => spec.ofCase).flatMap((spec) => spec.fields);

const DAY = 86_400_000;
const CALLBACK_TOKEN = 'free-text-notify-callback-token-0123456789';
const TEMPLATE = '5b8c2f5e-8f4a-4a43-9a3e-0c6f2b1d9e01';
const now = () => new Date().toISOString();
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();
const dateIn = (days: number) => daysAgo(-days).slice(0, 10);

/** Each string in a payload with its path (`[]` for every element of an array); a sealed envelope counts as one value. */
function stringsIn(value: JsonValue, path = ''): { path: string; value: JsonValue }[] {
  if (typeof value === 'string') return [{ path, value }];
  if (Array.isArray(value)) return value.flatMap((element) => stringsIn(element, `${path}[]`));
  if (value === null || typeof value !== 'object') return [];
  if ('$sealed' in value) return [{ path, value }];
  return Object.entries(value).flatMap(([key, child]) => stringsIn(child, path ? `${path}.${key}` : key));
}

describe('free text is erased with any data subject of its case', () => {
  let harness: TestApp;
  let caseManager: string;
  let supervisor: string;
  let crtOfficer: string;
  let officer: string;
  let auditor: string;
  let admin: string;
  let lastPosition = '0';
  /** Each case with the data subject this test erases from it, found in the case's first event. */
  const cases: { kind: string; id: string; erase: (first: any) => string }[] = [];

  beforeAll(async () => {
    harness = await startTestApp({ MIN_POSITION_WAIT_MS: '30000', NOTIFY_CALLBACK_TOKEN: CALLBACK_TOKEN });
    caseManager = await bearer(['case_manager'], 'cm-ft');
    supervisor = await bearer(['supervisor'], 'sup-ft');
    crtOfficer = await bearer(['crt_officer'], 'crt-ft');
    officer = await bearer(['resolution_officer'], 'ro-ft');
    auditor = await bearer(['auditor', 'supervisor'], 'aud-ft');
    admin = await bearer(['admin'], 'admin-ft');
  });
  afterAll(() => harness.close());

  const get = async (url: string, authorization = auditor) => {
    const response = await harness.request({ method: 'GET', url, headers: { authorization, 'x-min-position': lastPosition } });
    expect({ url, status: response.statusCode }).toEqual({ url, status: 200 });
    return response.json();
  };
  const post = async (url: string, body: object, authorization: string, status = 200) => {
    const response: TestResponse = await harness.request({ method: 'POST', url, payload: body, headers: { authorization } });
    expect({ url, status: response.statusCode, body: response.statusCode === status ? 'as expected' : response.body }).toEqual({ url, status, body: 'as expected' });
    lastPosition = response.json().position ?? lastPosition;
    return response.json();
  };

  /** A status link given, a message written back through its page (a note from the person), and the link revoked. */
  const writeBackThroughStatusLink = async (caseUrl: string, authorization: string, what: string) => {
    const { url } = await post(`${caseUrl}/status-link`, { validForDays: 7, contactFirstName: 'Fran', team: 'Case team' }, authorization);
    const csrf = /name="_csrf" value="([^"]+)"/.exec((await harness.request({ method: 'GET', url })).body)?.[1] ?? '';
    const form = new URLSearchParams({ _csrf: csrf, message: text(what) }).toString();
    const sent = await harness.request({ method: 'POST', url: `${url}/message`, payload: form, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(sent.body).toContain('Your message was sent');
    await post(`${caseUrl}/status-link/revoke`, {}, authorization);
  };

  async function driveReferral(): Promise<void> {
    const victim = { name: 'Odile Pemberton', phone: '07700 900321' };
    const referral = { source: 'police', crimeType: 'burglary', crimeReference: text('crime reference'), victim, consent: { contact: true, dataSharing: true, basis: 'explicit' } };
    const { id } = await post('/api/referrals', referral, caseManager, 201);
    const at = (action: string) => `/api/referrals/${id}/${action}`;
    await post(at('assess'), { needs: ['safety'], riskLevel: 'high', priorityGroups: ['most-serious-crime'], overrideReason: text('override') }, caseManager);
    await post(at('accept-support'), {}, caseManager);
    await post(at('assign'), { caseManager: 'cm-ft' }, supervisor);
    await post(at('contact-contract'), { frequency: 'weekly', channel: 'phone', safeTimes: text('safe times') }, caseManager);
    await post(at('contacts'), { outcome: 'failed', channel: 'phone', at: now(), note: text('failed contact') }, caseManager);
    await post(at('contacts'), { outcome: 'made', channel: 'phone', at: now(), note: text('contact') }, caseManager);
    const { serviceReferralId } = await post(at('service-referrals'), { service: 'idva' }, caseManager);
    await post(at(`service-referrals/${serviceReferralId}/outcome`), { outcome: 'accepted' }, caseManager);
    const { cjEventId } = await post(at('cj-events'), { kind: 'charge', learnedAt: now() }, caseManager);
    await post(at(`cj-events/${cjEventId}/communicated`), { at: now(), channel: 'phone' }, caseManager);
    await post(at('personal-statement'), { status: 'offered' }, caseManager);
    await post(at('restorative-justice'), { status: 'information-given' }, caseManager);
    await post(at('personal-statement/correction'), { status: 'declined', reason: text('statement correction') }, caseManager);
    await post(at('restorative-justice/correction'), { status: 'interested', reason: text('restorative justice correction') }, caseManager);
    await post(at('notes'), { text: text('referral note') }, caseManager);
    await writeBackThroughStatusLink(`/api/referrals/${id}`, caseManager, 'message from the victim');
    await post(at('victim/correction'), { phone: '07700 900322', reason: text('victim correction') }, caseManager);
    await post(at('crime/correction'), { crimeReference: text('corrected crime reference'), reason: text('crime correction') }, caseManager);
    await post(at('consent/withdraw'), { consent: 'dataSharing', reason: text('consent withdrawn') }, caseManager);
    await post(at('consent/give'), { consent: 'dataSharing', reason: text('consent given') }, caseManager);
    await post(at('demographics'), { gender: 'woman', ethnicity: 'asian-indian', disability: 'prefer-not-to-say' }, caseManager);
    await post(at('close'), { reason: 'support-completed' }, caseManager);
    await post(at('reopen'), { reason: text('reopen') }, supervisor);
    cases.push({ kind: 'referrals', id, erase: (first) => first.victim.subjectId });

    // A self-referral with no free text: declined, and not erased here.
    const declined = await post('/api/referrals', { source: 'self', crimeType: 'burglary', victim, consent: referral.consent }, caseManager, 201);
    await post(`/api/referrals/${declined.id}/decline-support`, { reason: 'wants-to-move-on' }, caseManager);
  }

  async function driveComplaints(): Promise<void> {
    const logged = (receivedDaysAgo = 1) => ({
      receivedAt: daysAgo(receivedDaysAgo),
      channel: 'email',
      complainant: { name: 'Casimir Oduya', email: 'casimir@example.net' },
      summary: text('complaint summary'),
      subjects: [{ kind: 'officer', identifier: 'PC 8812' }],
    });
    const allegation = () => ({ category: 'individual-behaviours', description: text('allegation'), subject: { kind: 'officer', identifier: 'PC 8812' } });
    // The officer complained about is erased here: the complainant's own account goes with them.
    const officerOf = (first: any) => first.subjects[0].subjectId;

    const { id } = await post('/api/complaints', logged(), crtOfficer, 201);
    const at = (action: string) => `/api/complaints/${id}/${action}`;
    await post(at('contact-complainant'), { at: now(), channel: 'phone', views: text('views') }, crtOfficer);
    await post(at('handle-outside-schedule-3'), { allegations: [allegation()] }, crtOfficer);
    await post(at('notes'), { text: text('complaint note') }, crtOfficer);
    await writeBackThroughStatusLink(`/api/complaints/${id}`, crtOfficer, 'message from the complainant');
    await post(at('complainant/correction'), { phone: '07700 900111', reason: text('complainant correction') }, crtOfficer);
    const allegationId = (await get(`/api/complaints/${id}`)).allegations[0].id;
    await post(at(`allegations/${allegationId}/correction`), { category: 'handling-of-property', reason: text('allegation correction') }, crtOfficer);
    await post(at(`allegations/${allegationId}/subject/correction`), { kind: 'staff', reason: text('allegation subject correction') }, crtOfficer);
    for (const status of ['delivered', 'permanent-failure']) {
      const { messageId } = await post(at('messages'), { channel: 'email', summary: text('message summary'), personalisation: { first_name: text('complainant personalisation') } }, crtOfficer);
      await receipt('ComplainantMessageQueued', messageId, status);
    }
    await post(at('resolve'), { summary: text('resolution'), complainantSatisfied: false }, crtOfficer);
    await post(at('record'), { reason: 'dissatisfied-with-initial-handling' }, crtOfficer);
    await post(at('refer'), { to: 'psd', reason: text('psd referral') }, crtOfficer);
    await post(at('progress-updates'), { at: now(), channel: 'email', summary: text('progress') }, crtOfficer);
    await post(at('outcome'), { result: 'service-not-acceptable', learning: text('learning'), decidedAt: now() }, crtOfficer);
    await post(at('outcome-notified'), { at: now() }, crtOfficer);
    await post(at('review-request'), { receivedAt: now() }, crtOfficer);
    await post(at('review-decision'), { upheld: true, recommendations: text('recommendations') }, crtOfficer);
    cases.push({ kind: 'complaints', id, erase: officerOf });

    const iopc = await post('/api/complaints', logged(), crtOfficer, 201);
    const atIopc = (action: string) => `/api/complaints/${iopc.id}/${action}`;
    await post(atIopc('record'), { reason: 'complainant-request', allegations: [allegation()] }, crtOfficer);
    await post(atIopc('refer'), { to: 'iopc', reason: text('iopc referral') }, crtOfficer);
    await post(atIopc('outcome'), { result: 'service-acceptable', decidedAt: now() }, crtOfficer);
    await post(atIopc('outcome-notified'), { at: now() }, crtOfficer);
    await post(atIopc('review-request'), { receivedAt: now() }, crtOfficer);
    await post(atIopc('iopc-review-decision'), { upheld: false, recommendations: text('iopc recommendations'), receivedAt: now() }, crtOfficer);
    cases.push({ kind: 'complaints', id: iopc.id, erase: officerOf });

    // Received over a year ago: a report to the PCC is due before it is withdrawn.
    const withdrawn = await post('/api/complaints', logged(375), crtOfficer, 201);
    await post(`/api/complaints/${withdrawn.id}/record`, { reason: 'complainant-request', allegations: [allegation()], at: daysAgo(373) }, crtOfficer);
    await post(`/api/complaints/${withdrawn.id}/long-running-reports`, { at: now() }, crtOfficer);
    await post(`/api/complaints/${withdrawn.id}/demographics`, { gender: 'man', ethnicity: 'white-roma', disability: 'yes', dateOfBirth: '1970-03-04' }, crtOfficer);
    await post(`/api/complaints/${withdrawn.id}/withdraw`, { reason: text('withdrawal') }, crtOfficer);
    cases.push({ kind: 'complaints', id: withdrawn.id, erase: (first) => first.complainant.subjectId });
    // Repeats the first complaint (received earlier), and is discontinued for it.
    const repeated = await post('/api/complaints', logged(), crtOfficer, 201);
    await post(`/api/complaints/${repeated.id}/discontinue-repetitive`, { earlierComplaintId: id, reason: text('repetitive') }, crtOfficer);
    cases.push({ kind: 'complaints', id: repeated.id, erase: (first) => first.complainant.subjectId });

    // Its outcome told forty days ago: the review request is late, and a supervisor takes it for a reason.
    const late = await post('/api/complaints', logged(60), crtOfficer, 201);
    const atLate = (action: string) => `/api/complaints/${late.id}/${action}`;
    await post(atLate('record'), { reason: 'complainant-request', allegations: [allegation()], at: daysAgo(59) }, crtOfficer);
    await post(atLate('refer'), { to: 'psd', reason: text('late psd referral'), at: daysAgo(58) }, crtOfficer);
    await post(atLate('outcome'), { result: 'service-acceptable', decidedAt: daysAgo(41) }, crtOfficer);
    await post(atLate('outcome-notified'), { at: daysAgo(40) }, crtOfficer);
    await post(atLate('late-review-request'), { receivedAt: daysAgo(1), reason: text('late review') }, supervisor);
    cases.push({ kind: 'complaints', id: late.id, erase: (first) => first.complainant.subjectId });
    await post('/api/complaints/dip-sample', { size: 1, seed: 'panel-ft', from: dateIn(-30), to: dateIn(0) }, auditor, 201);
  }

  async function driveResolution(): Promise<void> {
    const proposal = {
      crimeReference: text('crime reference'),
      offenceType: 'criminal-damage',
      offenceDate: dateIn(-10),
      offender: { name: 'Tobias Renwick', dateOfBirth: '1995-06-01' },
      evidenceSufficient: true,
      offenderAdmits: true,
      offenderAgrees: true,
      // Consulted but not consenting: a supervisor decides, and the victim's views are on record.
      victims: [{ name: 'Marguerite Oyelaran', contact: '07700 900777', consulted: true, views: text('victim views'), consents: false }],
      flags: { domesticAbuse: false, intimatePartner: false, hateCrime: false },
      rationale: text('rationale'),
    };
    const { id } = await post('/api/community-resolutions', proposal, officer, 201);
    const at = (action: string) => `/api/community-resolutions/${id}/${action}`;
    await post(at('supervisor-decision'), { proceed: true, reason: text('supervisor decision') }, supervisor);
    const repair = await post(at('remedies'), { type: 'reparation', chosenByVictim: false, victimChoice: 'written-apology', overrideReason: text('remedy override'), details: text('remedy details'), dueDate: dateIn(14) }, officer);
    const work = await post(at('remedies'), { type: 'unpaid-community-work', chosenByVictim: false, hours: 2, dueDate: dateIn(7) }, officer);
    const apology = await post(at('remedies'), { type: 'written-apology', chosenByVictim: true, dueDate: dateIn(7) }, officer);
    await post(at('victim-informed'), { about: 'agreement', channel: 'phone' }, officer);
    await post(at(`remedies/${repair.remedyId}/complete`), { evidence: text('evidence') }, officer);
    await post(at(`remedies/${work.remedyId}/complete`), { evidence: text('timesheet'), hoursDone: 3, excessHoursReason: text('extra hours') }, officer);
    await post(at(`remedies/${apology.remedyId}/fail`), { reason: text('failure') }, officer);
    await post(at('victim-informed'), { about: 'failure', channel: 'letter' }, officer);
    await post(at('notes'), { text: text('resolution note') }, officer);
    await post(at('demographics'), { gender: 'man', ethnicity: 'black-african', disability: 'no' }, officer);
    await post(at('offence/correction'), { offenceType: 'theft-low-value', reason: text('offence correction') }, officer);
    const offender = (await get(`/api/audit/cases/${id}/events?limit=1`)).items[0].data.offender.subjectId;
    await post(at(`people/${offender}/correction`), { name: 'Tobias Renwick-Hale', reason: text('person correction') }, officer);
    await post(at('close'), {}, officer);
    // The victim is erased: the offender's rationale and the remedies, which may name the victim, go with them.
    cases.push({ kind: 'community-resolutions', id, erase: (first) => first.victims[0].subjectId });
  }

  /** Notify's receipt for the message a case's event queued (Notify's reference is that event's id). */
  async function receipt(queuedType: string, messageId: string, status: string): Promise<void> {
    const [{ event_id: reference }] = await harness.sql<{ event_id: string }>('SELECT event_id FROM events WHERE type = $1 AND data->>$2 = $3', [queuedType, 'messageId', messageId]);
    // The outbox's row is the projection's: the receipt is taken once it is there.
    for (let tries = 0; (await harness.sql('SELECT 1 FROM notify_outbox WHERE id = $1', [reference])).length === 0; tries++) {
      if (tries > 300) throw new Error(`No outbox row for ${reference}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const body = { id: crypto.randomUUID(), reference, to: 'someone@example.org', status, created_at: now(), completed_at: now(), notification_type: 'email' };
    const response = await harness.request({ method: 'POST', url: '/api/notify/receipts', payload: body, headers: { authorization: `Bearer ${CALLBACK_TOKEN}` } });
    expect({ reference, status: response.statusCode }).toEqual({ reference, status: 204 });
  }

  async function driveMessagesToAVictim(): Promise<void> {
    const victim = { name: 'Ines Abara', email: 'ines@example.org' };
    const { id } = await post('/api/referrals', { source: 'self', crimeType: 'burglary', victim, consent: { contact: true, dataSharing: true, basis: 'explicit' } }, caseManager, 201);
    await post(`/api/referrals/${id}/contact-contract`, { frequency: 'weekly', channel: 'email' }, caseManager);
    for (const status of ['delivered', 'permanent-failure']) {
      const { messageId } = await post(`/api/referrals/${id}/messages`, { kind: 'contact', channel: 'email', personalisation: { first_name: text('victim personalisation') } }, caseManager);
      await receipt('VictimMessageQueued', messageId, status);
    }
    cases.push({ kind: 'referrals', id, erase: (first) => first.victim.subjectId });
  }

  /** A case's restricted access and legal hold, a person recognised and unlinked, a case disposed of: records that hold no free text. */
  async function driveOversight(): Promise<void> {
    const { id } = cases[0]!;
    await post(`/api/cases/${id}/restricted-access`, { reason: 'high-profile', users: ['sup-ft'], teams: [] }, supervisor);
    const refused = await harness.request({ method: 'GET', url: `/api/referrals/${id}`, headers: { authorization: caseManager } });
    expect(refused.statusCode).toBe(404);
    await post(`/api/cases/${id}/restricted-access/named`, { reason: 'staff-changed', users: ['sup-ft', 'cm-ft'], teams: [] }, supervisor);
    await post(`/api/cases/${id}/restricted-access/lift`, { reason: 'no-longer-needed' }, supervisor);
    await post(`/api/cases/${id}/legal-hold`, { reason: 'litigation' }, supervisor);
    await post(`/api/cases/${id}/legal-hold/lift`, { reason: 'obligation-ended' }, supervisor);
    await post('/api/admin/settings/retention-periods', { caseKind: 'referral', closureReason: null, months: 72 }, admin);
    // A case closed long ago and disposed of: its certificate.
    await post('/api/admin/settings/retention-periods', { caseKind: 'referral', closureReason: 'duplicate', months: 1 }, admin);
    const gone = await post('/api/referrals', { source: 'self', crimeType: 'burglary', victim: { name: 'Odile Pemberton' }, consent: { contact: true, dataSharing: true, basis: 'explicit' }, receivedAt: daysAgo(400) }, caseManager, 201);
    await post(`/api/referrals/${gone.id}/close`, { reason: 'duplicate', at: daysAgo(380) }, caseManager);
    const review = await harness.request({ method: 'POST', url: '/api/admin/disposals', payload: { caseIds: [gone.id] }, headers: { authorization: admin, 'x-min-position': lastPosition } });
    expect(review.json()).toMatchObject({ disposed: [{ caseId: gone.id }] });
    const subjectId = (await get(`/api/referrals/${id}`)).victim.subjectId as string;
    const { personId } = await post('/api/people', { subjectId, reason: 'Confirmed on intake' }, caseManager, 201);
    await post(`/api/people/${personId}/subjects/${subjectId}/unlink`, { reason: 'Recorded against the wrong person' }, caseManager);
  }

  async function driveEverythingElse(): Promise<void> {
    await post('/api/admin/settings/lists/notifyTemplates/entries', { id: 'contact-email', label: 'Contact by email', templateId: TEMPLATE }, admin);
    await post('/api/admin/settings/lists/notifyTemplates/entries', { id: 'progress-update-email', label: 'Progress update by email', templateId: TEMPLATE }, admin);
    await post('/api/admin/settings/lists/supportServices/entries', { id: 'ft-service', label: 'Free-text test service' }, admin);
    await post('/api/admin/settings/lists/supportServices/entries/ft-service/retire', {}, admin);
    await post('/api/admin/settings/contact-failure-threshold', { value: 3 }, admin);
  }

  /** What a case shows to each kind of reader: its page, the list, history, time travel, the complainant's status. */
  async function everythingShownAbout(kind: string, id: string): Promise<string> {
    const history = await get(`/api/audit/cases/${id}/events?limit=500`);
    const last = history.items.at(-1).revision;
    const shown = [await get(`/api/${kind}/${id}`), await get(`/api/${kind}`), history, await get(`/api/audit/cases/${id}/state?revision=${last}`)];
    if (kind === 'complaints') shown.push(await get(`/api/complaints/${id}/status`));
    return JSON.stringify(shown);
  }

  /** Every table of the database, as text. */
  async function everythingStored(): Promise<Record<string, string>> {
    const tables = await harness.sql<{ name: string }>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'");
    const dumps = await Promise.all(tables.map(async ({ name }) => [name, (await harness.sql(`SELECT coalesce(string_agg(t::text, E'\\n'), '') AS dump FROM "${name}" t`))[0].dump as string]));
    return Object.fromEntries(dumps);
  }

  const storedEvents = () => harness.sql<{ type: string; schema_version: number; data: JsonValue }>('SELECT type, schema_version, data FROM events');

  const reports = async () => {
    const range = `from=${dateIn(-40)}&to=${dateIn(1)}`;
    return JSON.stringify([await get(`/api/reports/beacon?${range}`), await get(`/api/reports/complaints?${range}`), await get(`/api/reports/community-resolutions?${range}`)]);
  };

  it('declares every string of every stored event, and the test fills every free-text field the catalog declares', async () => {
    await driveEverythingElse();
    await driveReferral();
    await driveComplaints();
    await driveResolution();
    await driveMessagesToAVictim();
    await driveOversight();
    // Restricting the victim withholds the case's free text from case workers too, until it is lifted.
    const referral = `/api/referrals/${cases[0]!.id}`;
    const victim = (await get(referral)).victim.subjectId as string;
    await post(`/api/admin/data-subjects/${victim}/restrict`, { ground: 'art18-accuracy-contested', requestReference: 'FT-restrict' }, admin);
    const restricted = JSON.stringify(await get(referral, caseManager));
    expect({ restricted: restricted.includes('[restricted]'), shown: restricted.includes(MARKER) }).toEqual({ restricted: true, shown: false });
    await post(`/api/admin/data-subjects/${victim}/lift-restriction`, { ground: 'accuracy-verified', requestReference: 'FT-lift' }, admin);
    expect(JSON.stringify(await get(referral, caseManager))).toContain(MARKER);

    const stored = await storedEvents();
    const undeclared = stored.flatMap(({ type, schema_version, data }) => {
      const definition = catalog.definitionOf(type);
      expect({ type, schema_version }).toEqual({ type, schema_version: definition.schemaVersion });
      const declared = new Set([...definition.plain, ...definition.personalData.flatMap((spec) => spec.fields)]);
      return stringsIn(data).filter(({ path }) => !declared.has(path)).map(({ path }) => `${type}.${path}`);
    });
    expect([...new Set(undeclared)]).toEqual([]);
    // Free text is never stored in clear.
    expect(stored.map((row) => JSON.stringify(row.data)).join('\n')).not.toContain(MARKER);

    // As read, before any erasure: every free-text field of every type holds this test's value.
    const read = await Promise.all(cases.map(({ id }) => get(`/api/audit/cases/${id}/events?limit=500`)));
    const unfilled = definitions.flatMap((definition) => {
      const values = read.flatMap((history) => history.items.filter((event: { type: string }) => event.type === definition.type).flatMap((event: { data: JsonValue }) => stringsIn(event.data)));
      // A field holding an object (a message's personalisation) is filled through its strings.
      const filledAt = (field: string, path: string) => path === field || path.startsWith(`${field}.`);
      return caseTextFields(definition).filter((field) => !values.some(({ path, value }) => filledAt(field, path) && String(value).endsWith(MARKER))).map((field) => `${definition.type}.${field}`);
    });
    expect(unfilled).toEqual([]);
    expect((await Promise.all(cases.map(({ kind, id }) => everythingShownAbout(kind, id)))).join()).toContain(MARKER);
  });

  it('shows none of it anywhere once one data subject of each case is erased', async () => {
    for (const { kind, id, erase } of cases) {
      const subjectId = erase((await get(`/api/audit/cases/${id}/events?limit=1`)).items[0].data);
      const erased = await post(`/api/admin/data-subjects/${subjectId}/erase`, { ground: 'art17-withdrawn-consent', requestReference: `FT-erase-${kind}` }, admin);
      expect(erased.readModelsBehind).toEqual([]);
    }
    for (const { kind, id } of cases) expect(await everythingShownAbout(kind, id)).not.toContain(MARKER);
    expect(await reports()).not.toContain(MARKER);
    for (const { id } of cases) expect(JSON.stringify(await get(`/api/audit/access-log?case=${id}`))).not.toContain(MARKER);
    const tablesShowing = Object.entries(await everythingStored()).filter(([, dump]) => dump.includes(MARKER)).map(([table]) => table);
    expect(tablesShowing).toEqual([]);
    // The case's own erasure is recorded like any other subject's, and history still verifies.
    const history = await get(`/api/audit/cases/${cases[0]!.id}/events?limit=500`);
    expect(history.items[0].data.crimeReference).toBe('[erased]');
    const records = await harness.sql('SELECT stream FROM events WHERE type = $1 AND stream = ANY($2)', ['PersonalDataErased', cases.map(({ id }) => `data-subject-${id}`)]);
    expect(records).toHaveLength(cases.length);
    expect(await get('/api/audit/verify')).toMatchObject({ ok: true });
    // Every read model folded every event it was given, the decisions' refolds of whole cases included.
    const parked = await harness.sql('SELECT projection, event_type, error FROM projection_parked_events');
    expect(parked).toEqual([]);
    // Every type of the catalog was stored by this test, so every one's strings were checked above.
    expect([...new Set((await storedEvents()).map((row) => row.type))].sort()).toEqual([...catalog.types].sort());
  });
});
