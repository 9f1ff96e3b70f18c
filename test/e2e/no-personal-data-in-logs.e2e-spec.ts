import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bearer, startTestApp, type TestApp, type TestResponse } from '../support/test-app.ts';

/**
 * Every command route of every context, driven with recognisable personal values in every field that takes
 * them, on the most verbose log level: no log line may quote any of them, and request lines carry the
 * correlation id, the user and the command type.
 */
const PERSONAL = {
  victimName: 'Philippa Quartermaine-Zebedee',
  complainantName: 'Ignatius Thistlewood-Varga',
  offenderName: 'Barnaby Fenwick-Oyelaran',
  phone: '07700 900987',
  otherPhone: '07700 900654',
  email: 'philippa.qz@example.org',
  otherEmail: 'ignatius.tv@example.net',
  address: '17 Quince Lane, Wexbridge WX9 4QZ',
  dateOfBirth: '1979-03-14',
  offenderDateOfBirth: '1996-11-02',
  note: 'Confided that her brother Osgood sleeps at the allotment shed',
  otherNote: 'Said the sergeant shouted about his divorce from Marisol',
  ethnicity: 'white-gypsy-or-irish-traveller',
};
const note = (where: string) => `${PERSONAL.note} (${where})`;

const DAY = 86_400_000;
const now = () => new Date().toISOString();
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();
const dateIn = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

interface LogLine {
  level: number;
  msg?: string;
  correlationId?: string;
  userId?: string;
  commandType?: string;
  req?: { method: string; path: string };
  res?: { statusCode: number };
}

describe('no personal data in any log line', () => {
  const output: string[] = [];
  const logDestination = { write: (chunk: string) => void output.push(chunk) };
  let harness: TestApp;
  let caseManager: string;
  let supervisor: string;
  let crtOfficer: string;
  let resolutionOfficer: string;
  let auditor: string;
  /** Route templates (as the OpenAPI document names them) this test has driven. */
  const driven = new Set<string>();
  const correlationIds: string[] = [];

  beforeAll(async () => {
    harness = await startTestApp({ LOG_LEVEL: 'trace' }, { logDestination });
    caseManager = await bearer(['case_manager'], 'cm-logs');
    supervisor = await bearer(['supervisor'], 'sup-logs');
    crtOfficer = await bearer(['crt_officer'], 'crt-logs');
    resolutionOfficer = await bearer(['resolution_officer'], 'ro-logs');
    auditor = await bearer(['auditor', 'supervisor'], 'aud-logs');
  });
  afterAll(() => harness.close());

  /** A status link given, a message written back through its page (personal data, never logged), and the link revoked. */
  async function statusLink(collection: 'referrals' | 'complaints', id: string, authorization: string): Promise<void> {
    const { url } = await command(`/api/${collection}/{id}/status-link`, `/api/${collection}/${id}/status-link`, { validForDays: 7, contactFirstName: 'Fran', team: 'Case team' }, authorization);
    const csrf = /name="_csrf" value="([^"]+)"/.exec((await harness.request({ method: 'GET', url })).body)?.[1] ?? '';
    const form = new URLSearchParams({ _csrf: csrf, message: note('status page message') }).toString();
    const sent = await harness.request({ method: 'POST', url: `${url}/message`, payload: form, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(sent.body).toContain('Your message was sent');
    await command(`/api/${collection}/{id}/status-link/revoke`, `/api/${collection}/${id}/status-link/revoke`, {}, authorization);
  }

  /** Sends a command with its own correlation id and checks the status it must get. */
  async function command(template: string, url: string, body: object, authorization: string, status = 200): Promise<Record<string, string>> {
    const correlationId = `logs-${correlationIds.length + 1}`;
    correlationIds.push(correlationId);
    driven.add(template);
    const response: TestResponse = await harness.request({ method: 'POST', url, payload: body, headers: { authorization, 'x-correlation-id': correlationId } });
    // On a wrong status the body shows up in the failure, to say why.
    expect({ template, status: response.statusCode, body: response.statusCode === status ? 'as expected' : response.body }).toEqual({ template, status, body: 'as expected' });
    return response.json();
  }

  async function driveReferrals(): Promise<string> {
    const victim = { name: PERSONAL.victimName, dateOfBirth: PERSONAL.dateOfBirth, phone: PERSONAL.phone, email: PERSONAL.email, address: PERSONAL.address };
    const referral = { source: 'self', crimeType: 'burglary', victim, consent: { contact: true, dataSharing: true, basis: 'explicit' } };
    const { id } = await command('/api/referrals', '/api/referrals', referral, caseManager, 201);
    const at = (action: string) => `/api/referrals/${id}/${action}`;
    await command('/api/referrals/{id}/assess', at('assess'), { needs: ['safety'], riskLevel: 'high', priorityGroups: ['most-serious-crime'], overrideReason: note('override') }, caseManager);
    await command('/api/referrals/{id}/accept-support', at('accept-support'), {}, caseManager);
    await command('/api/referrals/{id}/assign', at('assign'), { caseManager: 'cm-logs' }, caseManager);
    await command('/api/referrals/{id}/contact-contract', at('contact-contract'), { frequency: 'weekly', channel: 'phone', safeTimes: note('safe times') }, caseManager);
    await command('/api/referrals/{id}/contacts', at('contacts'), { outcome: 'made', channel: 'phone', at: now(), note: note('contact') }, caseManager);
    const { serviceReferralId } = await command('/api/referrals/{id}/service-referrals', at('service-referrals'), { service: 'idva' }, caseManager);
    await command('/api/referrals/{id}/service-referrals/{serviceReferralId}/outcome', at(`service-referrals/${serviceReferralId}/outcome`), { outcome: 'accepted' }, caseManager);
    const { cjEventId } = await command('/api/referrals/{id}/cj-events', at('cj-events'), { kind: 'charge', learnedAt: now() }, caseManager);
    await command('/api/referrals/{id}/cj-events/{cjEventId}/communicated', at(`cj-events/${cjEventId}/communicated`), { at: now(), channel: 'phone' }, caseManager);
    // Agreed by phone: a text message is refused, quoting neither the victim nor what it would have said.
    await command('/api/referrals/{id}/messages', at('messages'), { kind: 'contact', channel: 'sms', personalisation: { name: PERSONAL.victimName, update: note('message') } }, caseManager, 409);
    await command('/api/referrals/{id}/personal-statement', at('personal-statement'), { status: 'offered' }, caseManager);
    await command('/api/referrals/{id}/restorative-justice', at('restorative-justice'), { status: 'information-given' }, caseManager);
    await command('/api/referrals/{id}/personal-statement/correction', at('personal-statement/correction'), { status: 'declined', reason: note('statement correction') }, caseManager);
    await command('/api/referrals/{id}/restorative-justice/correction', at('restorative-justice/correction'), { status: 'interested', reason: note('restorative justice correction') }, caseManager);
    await command('/api/referrals/{id}/victim/correction', at('victim/correction'), { email: PERSONAL.otherEmail, reason: note('victim correction') }, caseManager);
    await command('/api/referrals/{id}/crime/correction', at('crime/correction'), { crimeType: 'robbery', crimeReference: '41/4242/26', reason: note('crime correction') }, caseManager);
    await command('/api/referrals/{id}/consent/{change}', at('consent/withdraw'), { consent: 'dataSharing', reason: note('consent withdrawn') }, caseManager);
    await command('/api/referrals/{id}/consent/{change}', at('consent/give'), { consent: 'dataSharing', reason: note('consent given') }, caseManager);
    await statusLink('referrals', id, caseManager);
    await command('/api/referrals/{id}/demographics', at('demographics'), { gender: 'non-binary', ethnicity: PERSONAL.ethnicity, disability: 'yes' }, caseManager);
    await command('/api/referrals/{id}/close', at('close'), { reason: 'support-completed' }, caseManager);
    await command('/api/referrals/{id}/notes', at('notes'), { text: note('referral note') }, caseManager);
    // A rule violation, a validation failure and an unknown assignee quote nothing either.
    await command('/api/referrals/{id}/assign', at('assign'), { caseManager: 'cm-logs' }, caseManager, 409);
    await command('/api/referrals/{id}/assign', at('assign'), { caseManager: PERSONAL.victimName }, caseManager, 400);
    await command('/api/referrals/{id}/contacts', at('contacts'), { outcome: 'made', channel: PERSONAL.phone, at: PERSONAL.dateOfBirth, note: note('invalid contact') }, caseManager, 400);
    await command('/api/referrals/{id}/reopen', at('reopen'), { reason: note('reopen') }, supervisor);

    const declined = await command('/api/referrals', '/api/referrals', { ...referral, victim: { ...victim, name: `${PERSONAL.victimName} Jr` } }, caseManager, 201);
    const { position } = await command('/api/referrals/{id}/decline-support', `/api/referrals/${declined.id}/decline-support`, { reason: 'wants-to-move-on' }, caseManager);
    return position!;
  }

  async function driveComplaints(): Promise<string> {
    const complainant = { name: PERSONAL.complainantName, email: PERSONAL.otherEmail, phone: PERSONAL.otherPhone, address: PERSONAL.address };
    const complaint = {
      receivedAt: daysAgo(1),
      channel: 'email',
      complainant,
      summary: note('complaint summary'),
      incidentDate: daysAgo(100).slice(0, 10),
      subjects: [{ kind: 'officer', identifier: 'PC 4321' }],
    };
    const allegation = { category: 'individual-behaviours', description: PERSONAL.otherNote, subject: { kind: 'officer', identifier: 'PC 4321' } };
    const { id } = await command('/api/complaints', '/api/complaints', complaint, crtOfficer, 201);
    const at = (action: string) => `/api/complaints/${id}/${action}`;
    await command('/api/complaints/{id}/contact-complainant', at('contact-complainant'), { at: now(), channel: 'phone', views: note('views') }, crtOfficer);
    await command('/api/complaints/{id}/handle-outside-schedule-3', at('handle-outside-schedule-3'), { allegations: [allegation] }, crtOfficer);
    // No Notify template configured: refused, quoting neither the complainant nor the update.
    await command('/api/complaints/{id}/messages', at('messages'), { channel: 'email', summary: note('message summary'), personalisation: { name: PERSONAL.complainantName } }, crtOfficer, 409);
    await command('/api/complaints/{id}/allegations/{allegationId}/correction', at('allegations/1/correction'), { category: 'handling-of-property', reason: note('allegation correction') }, crtOfficer);
    await command('/api/complaints/{id}/allegations/{allegationId}/subject/correction', at('allegations/1/subject/correction'), { identifier: PERSONAL.offenderName, reason: note('allegation subject correction') }, crtOfficer);
    await command('/api/complaints/{id}/complainant/correction', at('complainant/correction'), { phone: PERSONAL.phone, reason: note('complainant correction') }, crtOfficer);
    await command('/api/complaints/{id}/resolve', at('resolve'), { summary: note('resolution'), complainantSatisfied: false }, crtOfficer);
    await command('/api/complaints/{id}/record', at('record'), { reason: 'dissatisfied-with-initial-handling' }, crtOfficer);
    await command('/api/complaints/{id}/refer', at('refer'), { to: 'psd', reason: note('referral') }, crtOfficer);
    await command('/api/complaints/{id}/progress-updates', at('progress-updates'), { at: now(), channel: 'email', summary: note('progress') }, crtOfficer);
    // Received yesterday, the first report to the PCC is months away: refused, which must log nothing personal either.
    await command('/api/complaints/{id}/long-running-reports', at('long-running-reports'), { at: now() }, crtOfficer, 409);
    await command('/api/complaints/{id}/outcome', at('outcome'), { result: 'service-not-acceptable', learning: note('learning'), decidedAt: now() }, crtOfficer);
    await command('/api/complaints/{id}/outcome-notified', at('outcome-notified'), { at: now() }, crtOfficer);
    await command('/api/complaints/{id}/review-request', at('review-request'), { receivedAt: now() }, crtOfficer);
    await command('/api/complaints/{id}/review-decision', at('review-decision'), { upheld: true, recommendations: note('recommendations') }, crtOfficer);

    const reviewedByIopc = await command('/api/complaints', '/api/complaints', { ...complaint, complainant: { ...complainant, name: `${PERSONAL.complainantName} Jr` } }, crtOfficer, 201);
    const iopc = (action: string) => `/api/complaints/${reviewedByIopc.id}/${action}`;
    await command('/api/complaints/{id}/record', iopc('record'), { reason: 'complainant-request', allegations: [allegation] }, crtOfficer);
    await command('/api/complaints/{id}/refer', iopc('refer'), { to: 'iopc', reason: note('iopc referral') }, crtOfficer);
    await command('/api/complaints/{id}/outcome', iopc('outcome'), { result: 'service-acceptable', decidedAt: now() }, crtOfficer);
    await command('/api/complaints/{id}/outcome-notified', iopc('outcome-notified'), { at: now() }, crtOfficer);
    await command('/api/complaints/{id}/review-request', iopc('review-request'), { receivedAt: now() }, crtOfficer);
    await command('/api/complaints/{id}/iopc-review-decision', iopc('iopc-review-decision'), { upheld: true, recommendations: note('iopc recommendations'), receivedAt: now() }, crtOfficer);

    const withdrawn = await command('/api/complaints', '/api/complaints', { ...complaint, complainant: { ...complainant, name: `${PERSONAL.complainantName} Sr` } }, crtOfficer, 201);
    await statusLink('complaints', withdrawn.id, crtOfficer);
    const { position } = await command('/api/complaints/{id}/withdraw', `/api/complaints/${withdrawn.id}/withdraw`, { reason: note('withdrawal') }, crtOfficer);
    await command('/api/complaints/{id}/notes', `/api/complaints/${withdrawn.id}/notes`, { text: note('complaint note') }, crtOfficer);
    await command('/api/complaints/{id}/demographics', `/api/complaints/${withdrawn.id}/demographics`, { gender: 'woman', ethnicity: PERSONAL.ethnicity, disability: 'yes', dateOfBirth: '1961-07-19' }, crtOfficer);
    const repeated = await command('/api/complaints', '/api/complaints', { ...complaint, complainant: { ...complainant, name: `${PERSONAL.complainantName} III` } }, crtOfficer, 201);
    await command('/api/complaints/{id}/discontinue-repetitive', `/api/complaints/${repeated.id}/discontinue-repetitive`, { earlierComplaintId: withdrawn.id, reason: note('repetitive') }, crtOfficer);
    // In time, so refused: the reason must not reach a log line either way.
    await command('/api/complaints/{id}/late-review-request', at('late-review-request'), { receivedAt: now(), reason: note('late review') }, supervisor, 409);
    await command('/api/complaints/dip-sample', '/api/complaints/dip-sample', { size: 1, seed: 'log-panel', from: dateIn(-30), to: dateIn(0) }, auditor, 201);
    return position!;
  }

  async function driveResolutions(): Promise<string> {
    const proposal = {
      crimeReference: '41/7777/26',
      offenceType: 'criminal-damage',
      offenceDate: dateIn(-10),
      offender: { name: PERSONAL.offenderName, dateOfBirth: PERSONAL.offenderDateOfBirth },
      evidenceSufficient: true,
      offenderAdmits: true,
      offenderAgrees: true,
      victims: [{ name: PERSONAL.victimName, contact: PERSONAL.phone, consulted: true, views: note('victim views'), consents: true }],
      flags: { domesticAbuse: false, intimatePartner: false, hateCrime: false },
      rationale: note('rationale'),
    };
    const { id, position: proposed } = await command('/api/community-resolutions', '/api/community-resolutions', proposal, resolutionOfficer, 201);
    const at = (action: string) => `/api/community-resolutions/${id}/${action}`;
    await command('/api/community-resolutions/{id}/offence/correction', at('offence/correction'), { offenceType: 'theft-low-value', reason: note('offence correction') }, resolutionOfficer);
    const { victims } = (await harness.request({ method: 'GET', url: at('').slice(0, -1), headers: { authorization: resolutionOfficer, 'x-min-position': proposed! } })).json();
    await command('/api/community-resolutions/{id}/people/{subjectId}/correction', at(`people/${victims[0].id}/correction`), { contact: PERSONAL.otherPhone, reason: note('person correction') }, resolutionOfficer);
    const repair = { type: 'reparation', chosenByVictim: true, details: note('repair'), dueDate: dateIn(14) };
    const { remedyId: repairId } = await command('/api/community-resolutions/{id}/remedies', at('remedies'), repair, resolutionOfficer);
    const apology = { type: 'written-apology', chosenByVictim: true, dueDate: dateIn(7) };
    const { remedyId: apologyId } = await command('/api/community-resolutions/{id}/remedies', at('remedies'), apology, resolutionOfficer);
    await command('/api/community-resolutions/{id}/victim-informed', at('victim-informed'), { about: 'agreement', channel: 'phone' }, resolutionOfficer);
    await command('/api/community-resolutions/{id}/remedies/{remedyId}/complete', at(`remedies/${repairId}/complete`), { evidence: note('evidence') }, resolutionOfficer);
    const work = { type: 'unpaid-community-work', chosenByVictim: false, hours: 2, dueDate: dateIn(7) };
    const { remedyId: workId } = await command('/api/community-resolutions/{id}/remedies', at('remedies'), work, resolutionOfficer);
    const extraHours = { evidence: note('timesheet'), hoursDone: 3, excessHoursReason: note('extra hours') };
    await command('/api/community-resolutions/{id}/remedies/{remedyId}/complete', at(`remedies/${workId}/complete`), extraHours, resolutionOfficer);
    await command('/api/community-resolutions/{id}/remedies/{remedyId}/fail', at(`remedies/${apologyId}/fail`), { reason: note('failure') }, resolutionOfficer);
    await command('/api/community-resolutions/{id}/victim-informed', at('victim-informed'), { about: 'failure', channel: 'letter' }, resolutionOfficer);
    await command('/api/community-resolutions/{id}/close', at('close'), {}, resolutionOfficer);
    await command('/api/community-resolutions/{id}/notes', at('notes'), { text: note('resolution note') }, resolutionOfficer);
    await command('/api/community-resolutions/{id}/demographics', at('demographics'), { gender: 'man', ethnicity: PERSONAL.ethnicity, disability: 'no' }, resolutionOfficer);

    const unconsulted = { ...proposal, victims: [{ ...proposal.victims[0]!, consulted: false, views: null, consents: false }] };
    const awaiting = await command('/api/community-resolutions', '/api/community-resolutions', unconsulted, resolutionOfficer, 201);
    const decision = { proceed: true, reason: note('supervisor decision') };
    const { position } = await command('/api/community-resolutions/{id}/supervisor-decision', `/api/community-resolutions/${awaiting.id}/supervisor-decision`, decision, supervisor);
    return position!;
  }

  const lines = () => output.join('').split('\n').filter(Boolean);
  const parsed = () => lines().map((line) => JSON.parse(line) as LogLine);

  it('drives every command route of every context, then reads the lists back by name', async () => {
    const positions = { referrals: await driveReferrals(), complaints: await driveComplaints(), 'community-resolutions': await driveResolutions() };
    // Searching by name puts it in the query string; the lists also wait for the projectors, whose lines count too.
    const searches = { referrals: PERSONAL.victimName, complaints: PERSONAL.complainantName, 'community-resolutions': PERSONAL.offenderName };
    for (const [collection, position] of Object.entries(positions)) {
      const search = encodeURIComponent(searches[collection as keyof typeof searches]);
      const list = await harness.request({ method: 'GET', url: `/api/${collection}?q=${search}`, headers: { authorization: auditor, 'x-min-position': position } });
      expect(list.statusCode).toBe(200);
      expect(list.json().items.length).toBeGreaterThan(0);
    }

    const documented = (await harness.request({ method: 'GET', url: '/api/docs-json' })).json<{ paths: Record<string, { post?: unknown }> }>();
    const commandRoutes = Object.entries(documented.paths)
      .filter(([path, methods]) => methods.post && /^\/api\/(referrals|complaints|community-resolutions)(\/|$)/.test(path))
      .map(([path]) => path);
    expect(commandRoutes.length).toBeGreaterThan(25);
    expect([...driven].sort()).toEqual(commandRoutes.sort());
  });

  it('logs at the most verbose level: a debug line per command as well as its request line', () => {
    const handled = parsed().filter((line) => line.msg === 'command handled');
    expect(handled.length).toBeGreaterThan(correlationIds.length / 2);
    for (const line of handled) expect(line.level).toBeLessThan(30);
  });

  it('quotes no personal value in any log line', () => {
    const everything = lines().join('\n');
    for (const value of Object.values(PERSONAL)) expect(everything).not.toContain(value);
    // Nor the pieces a careless serialiser might split them into.
    for (const piece of ['Quartermaine', 'Thistlewood', 'Fenwick', '900987', '900654', 'Quince Lane', 'allotment', 'Marisol']) expect(everything).not.toContain(piece);
    expect(everything).not.toMatch(/authorization|bearer|eyJ[\w-]+\./i);
  });

  it('leaves health probes out of the request lines, not the requests people make', async () => {
    const before = parsed().length;
    for (const url of ['/api/health/live', '/api/health/ready']) expect((await harness.request({ method: 'GET', url })).statusCode).toBe(200);
    await harness.request({ method: 'GET', url: '/api/referrals', headers: { authorization: auditor } });
    await new Promise((resolve) => setImmediate(resolve));
    const paths = parsed().slice(before).flatMap((line) => (line.req ? [line.req.path] : []));
    expect(paths).toEqual(['/api/referrals']);
  });

  it('names the correlation id, the user and the command type on every command request', () => {
    const requestLines = parsed().filter((line) => line.req);
    expect(requestLines.length).toBeGreaterThan(0);
    for (const line of requestLines) expect(line.correlationId).toEqual(expect.any(String));
    for (const correlationId of correlationIds) {
      const completed = requestLines.find((line) => line.correlationId === correlationId && line.res);
      expect({ correlationId, completed }).toMatchObject({ correlationId, completed: { userId: expect.stringMatching(/-logs$/), req: { method: 'POST' } } });
      // A body that fails validation never becomes a command; everything else names its domain command.
      if (completed!.res!.statusCode !== 400) expect({ correlationId, commandType: completed!.commandType }).toEqual({ correlationId, commandType: expect.stringMatching(/^[A-Z]\w+$/) });
    }
  });
});
