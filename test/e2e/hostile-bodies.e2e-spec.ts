import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bearer, startTestApp, type TestApp, type TestResponse } from '../support/test-app.ts';

/**
 * Every command route the OpenAPI document lists, sent bodies of the wrong shape, field by field as the
 * document describes them: an array for an object, an object for an array, a number, boolean or null for
 * a string (and the like for other types), each field left out, and bodies that are not objects at all.
 * Each must be a 400 naming that field (and no other: the rest of the body is valid), or a 2xx whose events
 * every projection then applies. And text no store can hold, in every text field of every body: a 400 naming it.
 */

interface Schema {
  type?: string;
  $ref?: string;
  allOf?: Schema[];
  items?: Schema;
  properties?: Record<string, Schema>;
  nullable?: boolean;
}
interface OpenApi {
  paths: Record<string, { post?: { requestBody?: { content: { 'application/json': { schema: Schema } } } } }>;
  components: { schemas: Record<string, Schema> };
}
type Body = Record<string, unknown>;
interface Variant {
  path: string[];
  /** undefined: the field is left out. */
  replacement: unknown;
}

const DAY = 86_400_000;
const now = () => new Date().toISOString();
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();
const dateIn = (days: number) => daysAgo(-days).slice(0, 10);

/** A valid body for each command route, every optional field filled in where the route allows it. */
const BODIES: Record<string, Body> = {
  '/api/admin/settings/lists/{list}/entries': { id: 'sweep-entry', label: 'Sweep', explicitConsentRequired: false, priorityGroup: null },
  '/api/admin/settings/lists/{list}/entries/{entryId}/retire': {},
  '/api/admin/settings/contact-failure-threshold': { value: 4 },
  '/api/admin/settings/retention-periods': { caseKind: 'referral', closureReason: null, months: 72 },
  '/api/admin/projections/{name}/rebuild': {},
  '/api/admin/projections/{name}/parked/replay': {},
  '/api/admin/projections/{name}/parked/{position}/replay': {},
  '/api/admin/data-subjects/{subjectId}/{decision}': { ground: 'art18-accuracy-contested', requestReference: 'DSAR-2026-17' },
  '/api/admin/people/{personId}/{decision}': { ground: 'art18-accuracy-contested', requestReference: 'DSAR-2026-18' },
  '/api/people': { subjectId: '6f1c1d2e-0000-4000-8000-000000000001', reason: 'Same name and date of birth' },
  '/api/people/{personId}/subjects': { subjectId: '6f1c1d2e-0000-4000-8000-000000000001', reason: 'Same phone' },
  '/api/people/{personId}/subjects/{subjectId}/unlink': { reason: 'A different person' },
  '/api/referrals': {
    source: 'police',
    crimeReference: '41/1234/26',
    crimeType: 'burglary',
    offenceDate: dateIn(-20),
    crimeReportedOn: dateIn(-19),
    victim: { name: 'Ann Example', dateOfBirth: '1980-05-17', phone: '07700 900123', email: 'ann@example.org', address: '1 High St' },
    consent: { contact: true, dataSharing: true, basis: 'explicit' },
    demographics: { gender: 'woman', ethnicity: 'white-roma', disability: 'no' },
    // Received a day ago and typed in now: the contacts and events the sweep enters minutes ago follow it.
    receivedAt: daysAgo(1),
  },
  '/api/referrals/{id}/assign': { caseManager: 'sweeper' },
  '/api/referrals/{id}/assess': { needs: ['safety'], riskLevel: 'standard', priorityGroups: [], overrideReason: 'Not needed' },
  '/api/referrals/{id}/accept-support': {},
  '/api/referrals/{id}/decline-support': { reason: 'wants-to-move-on' },
  '/api/referrals/{id}/close': { reason: 'support-completed' },
  '/api/referrals/{id}/notes': { text: 'Victim prefers calls after 5pm' },
  '/api/referrals/{id}/status-link': { validForDays: 28, contactFirstName: 'Priya', team: 'Beacon north' },
  '/api/referrals/{id}/status-link/revoke': {},
  '/api/referrals/{id}/reopen': { reason: 'New information' },
  '/api/referrals/{id}/contact-contract': { frequency: 'weekly', channel: 'phone', safeTimes: 'Evenings' },
  '/api/referrals/{id}/contacts': { outcome: 'made', channel: 'phone', at: daysAgo(0.01), note: 'Spoke at length' },
  '/api/referrals/{id}/cj-events': { kind: 'charge', learnedAt: daysAgo(0.01) },
  '/api/referrals/{id}/cj-events/{cjEventId}/communicated': { at: now(), channel: 'phone' },
  '/api/referrals/{id}/service-referrals': { service: 'idva' },
  '/api/referrals/{id}/service-referrals/{serviceReferralId}/outcome': { outcome: 'accepted' },
  '/api/referrals/{id}/personal-statement': { status: 'offered' },
  '/api/referrals/{id}/restorative-justice': { status: 'information-given' },
  '/api/referrals/{id}/personal-statement/correction': { status: 'declined', reason: 'Entered on the wrong case' },
  '/api/referrals/{id}/restorative-justice/correction': { status: 'interested', reason: 'Misheard on the phone' },
  '/api/referrals/{id}/messages': { kind: 'contact', channel: 'email', personalisation: { first_name: 'Ann' } },
  '/api/notify/receipts': {
    id: '3d6f1c52-9a4e-4f0b-8c1d-2e7a5b9c0f11',
    reference: '8a2e4c6d-1f3b-4a5c-9d7e-0b1c2d3e4f50',
    to: 'ann@example.org',
    status: 'sending',
    created_at: now(),
    completed_at: now(),
    sent_at: now(),
    notification_type: 'email',
    template_id: '5b8c2f5e-8f4a-4a43-9a3e-0c6f2b1d9e01',
    template_version: 1,
  },
  '/api/referrals/{id}/victim/correction': { name: 'Ann Example-Smith', dateOfBirth: '1980-05-18', phone: '07700 900999', email: 'ann.smith@example.org', address: '2 New Rd', reason: 'Married since' },
  '/api/referrals/{id}/consent/{change}': { consent: 'contact', reason: 'Asked not to be called for now', at: daysAgo(0.01) },
  '/api/referrals/{id}/demographics': { gender: 'non-binary', ethnicity: 'mixed-other', disability: 'yes' },
  '/api/referrals/{id}/crime/correction': { crimeType: 'robbery', crimeReference: '41/9999/26', reason: 'Typed from the wrong report' },
  '/api/complaints': {
    receivedAt: daysAgo(1),
    channel: 'email',
    complainant: { name: 'Carl Complainant', email: 'carl@example.org', phone: '07700 900456', address: '2 Low St' },
    summary: 'The officer was rude',
    incidentDate: dateIn(-10),
    subjects: [{ kind: 'officer', identifier: 'PC 4321' }],
    wantsRecording: false,
    demographics: { gender: 'man', ethnicity: 'asian-other', disability: 'no', dateOfBirth: '1975-02-14' },
  },
  '/api/complaints/{id}/demographics': { gender: 'other', ethnicity: 'black-other', disability: 'yes', dateOfBirth: '1988-12-01' },
  '/api/complaints/dip-sample': { size: 1, seed: 'sweep-panel', from: dateIn(-30), to: dateIn(0) },
  '/api/complaints/{id}/contact-complainant': { at: daysAgo(0.01), channel: 'phone', views: 'Wants an apology' },
  // Handled, recorded and referred in that order, before the outcome the sweep dates minutes ago.
  '/api/complaints/{id}/handle-outside-schedule-3': {
    allegations: [{ category: 'individual-behaviours', description: 'Rude at the desk', subject: { kind: 'officer', identifier: 'PC 4321' }, criteria: { seriousAssault: false } }],
    at: daysAgo(0.04),
  },
  '/api/complaints/{id}/resolve': { summary: 'Apology given', complainantSatisfied: true },
  '/api/complaints/{id}/record': {
    reason: 'complainant-request',
    allegations: [{ category: 'individual-behaviours', description: 'Rude at the desk', subject: { kind: 'officer', identifier: 'PC 4321' }, criteria: { seriousAssault: false } }],
    at: daysAgo(0.03),
  },
  '/api/complaints/{id}/refer': { to: 'psd', reason: 'For investigation', at: daysAgo(0.02) },
  '/api/complaints/{id}/progress-updates': { at: daysAgo(0.01), channel: 'email', summary: 'Still investigating' },
  '/api/complaints/{id}/long-running-reports': { at: now() },
  '/api/complaints/{id}/outcome': { result: 'service-not-acceptable', learning: 'Refresher training', decidedAt: daysAgo(0.01) },
  '/api/complaints/{id}/outcome-notified': { at: now() },
  '/api/complaints/{id}/review-request': { receivedAt: now() },
  '/api/complaints/{id}/review-decision': { upheld: true, recommendations: 'Reconsider' },
  '/api/complaints/{id}/iopc-review-decision': { upheld: true, recommendations: 'Explain the decision again', receivedAt: now() },
  '/api/complaints/{id}/withdraw': { reason: 'Withdrawn by the complainant' },
  '/api/complaints/{id}/notes': { text: 'Complainant rang to ask for news' },
  '/api/complaints/{id}/status-link': { validForDays: 28, contactFirstName: 'Cath', team: 'Customer Response Team' },
  '/api/complaints/{id}/status-link/revoke': {},
  '/api/complaints/{id}/discontinue-repetitive': { earlierComplaintId: '00000000-0000-4000-8000-000000000000', reason: 'No fresh evidence', at: daysAgo(0.01) },
  '/api/complaints/{id}/late-review-request': { receivedAt: now(), reason: 'In hospital throughout' },
  '/api/complaints/{id}/messages': { channel: 'email', summary: 'Still investigating', personalisation: { first_name: 'Carl' } },
  '/api/complaints/{id}/allegations/{allegationId}/correction': { category: 'handling-of-property', reason: 'Filed under the wrong category' },
  '/api/complaints/{id}/allegations/{allegationId}/subject/correction': { kind: 'staff', identifier: 'S 2231', reason: 'A member of staff, not an officer' },
  '/api/complaints/{id}/complainant/correction': { name: 'Carl Complainant-Lee', phone: '07700 900999', email: 'carl.lee@example.org', address: '3 New St', reason: 'Moved house' },
  '/api/community-resolutions': {
    crimeReference: '41/7777/26',
    offenceType: 'criminal-damage',
    offenceDate: dateIn(-10),
    offender: { name: 'Owen Fender', dateOfBirth: '1996-11-02' },
    appropriateAdult: { name: 'Ada Adult', relationship: 'parent' },
    evidenceSufficient: true,
    offenderAdmits: true,
    offenderAgrees: true,
    victims: [{ name: 'Vic Tim', contact: '07700 900001', consulted: true, views: 'Wants the fence repaired', consents: true }],
    flags: { domesticAbuse: false, intimatePartner: false, hateCrime: false },
    rationale: 'First offence, admitted',
    demographics: { gender: 'woman', ethnicity: 'other-arab', disability: 'prefer-not-to-say' },
    // Proposed two days ago and its remedies agreed a day ago: the completions the sweep enters minutes ago follow
    // them on any London day, the sweep's first minutes after midnight included.
    at: daysAgo(2),
  },
  '/api/community-resolutions/{id}/demographics': { gender: 'prefer-not-to-say', ethnicity: 'white-irish', disability: 'no' },
  '/api/community-resolutions/{id}/remedies': {
    // Fields the domain requires together (victimChoice and overrideReason) or by the remedy's measure (amount,
    // hours) are left out here: they are swept as absent fields, each put there of every wrong type.
    type: 'written-apology',
    chosenByVictim: true,
    details: 'By letter',
    dueDate: dateIn(14),
    at: daysAgo(1),
  },
  '/api/community-resolutions/{id}/remedies/{remedyId}/complete': { completedAt: daysAgo(0.01), evidence: 'Letter seen' },
  '/api/community-resolutions/{id}/remedies/{remedyId}/fail': { reason: 'Did not write' },
  '/api/community-resolutions/{id}/victim-informed': { about: 'agreement', channel: 'phone', at: daysAgo(0.01) },
  '/api/community-resolutions/{id}/close': {},
  '/api/community-resolutions/{id}/notes': { text: 'Offender asked to pay in two instalments' },
  '/api/community-resolutions/{id}/people/{subjectId}/correction': { name: 'Vic Timms', contact: 'vic@example.org', reason: 'Spelt wrongly' },
  '/api/community-resolutions/{id}/offence/correction': { offenceType: 'theft-low-value', reason: 'Recorded as damage by mistake' },
  '/api/community-resolutions/{id}/supervisor-decision': { proceed: true, reason: 'Proportionate: the victim is abroad' },
  '/api/cases/{id}/restricted-access': { reason: 'high-profile', users: ['sweeper'], teams: ['psd'] },
  '/api/cases/{id}/restricted-access/named': { reason: 'staff-changed', users: ['sweeper'], teams: ['psd', 'vcc-north'] },
  '/api/cases/{id}/restricted-access/lift': { reason: 'no-longer-needed' },
  '/api/cases/{id}/legal-hold': { reason: 'litigation' },
  '/api/cases/{id}/legal-hold/lift': { reason: 'obligation-ended' },
  // A dry run: left out, the rest of the body disposes of what is due by today (nothing, here).
  '/api/admin/disposals': { dryRun: true, asOf: dateIn(0) },
};

/** A value of every JSON type, to put in place of a field's own. */
const WRONG_VALUES: Record<string, unknown[]> = {
  object: [[], 'text', null],
  array: [{}, 'text', null],
  string: [7, true, null, {}],
  number: ['7', true, null],
  integer: ['7', true, null],
  boolean: ['true', 1, null],
};
const NOT_OBJECTS = [[], [{}], null, 'text', 7];
/** Notify's receipts carry the token Notify was given, not a user's. */
const RECEIPTS = { route: '/api/notify/receipts', token: 'hostile-bodies-notify-callback-token-0123456789' };

describe('hostile bodies on every command route', () => {
  let harness: TestApp;
  let everyone: string;
  let doc: OpenApi;

  beforeAll(async () => {
    harness = await startTestApp({ NOTIFY_CALLBACK_TOKEN: RECEIPTS.token });
    everyone = await bearer(['case_manager', 'supervisor', 'crt_officer', 'resolution_officer', 'auditor', 'admin'], 'sweeper');
    doc = (await harness.request({ method: 'GET', url: '/api/docs-json' })).json<OpenApi>();
  });
  afterAll(() => harness.close());

  const post = (url: string, payload: unknown): Promise<TestResponse> =>
    harness.request({ method: 'POST', url, payload: JSON.stringify(payload), headers: { authorization: url === RECEIPTS.route ? `Bearer ${RECEIPTS.token}` : everyone, 'content-type': 'application/json' } });

  async function run(url: string, body: Body): Promise<Record<string, string>> {
    const response = await post(url, body);
    expect({ url, status: response.statusCode < 300 ? 'ok' : response.body }).toEqual({ url, status: 'ok' });
    return response.json();
  }

  const referral = async () => `/api/referrals/${(await run('/api/referrals', BODIES['/api/referrals']!)).id}`;
  const complaint = async () => `/api/complaints/${(await run('/api/complaints', BODIES['/api/complaints']!)).id}`;
  const resolution = async () => `/api/community-resolutions/${(await run('/api/community-resolutions', BODIES['/api/community-resolutions']!)).id}`;
  /** A case after these commands (templates of BODIES, relative to the case). */
  async function after(start: () => Promise<string>, ...actions: string[]): Promise<string> {
    const url = await start();
    for (const action of actions) await run(`${url}/${action}`, BODIES[`${url.replace(/[0-9a-f-]{36}$/, '{id}')}/${action}`]!);
    return url;
  }
  const referredComplaint = () => after(complaint, 'record', 'refer');
  /** The URL of the first allegation of a complaint handled outside Schedule 3. */
  const firstAllegation = async () => {
    const url = await complaint();
    const { position } = await run(`${url}/handle-outside-schedule-3`, BODIES['/api/complaints/{id}/handle-outside-schedule-3']!);
    const view = (await harness.request({ method: 'GET', url, headers: { authorization: everyone, 'x-min-position': position! } })).json();
    return `${url}/allegations/${view.allegations[0].id}`;
  };
  const restrictedCase = async () => {
    const url = (await referral()).replace('/api/referrals/', '/api/cases/');
    await run(`${url}/restricted-access`, BODIES['/api/cases/{id}/restricted-access']!);
    return `${url}/restricted-access`;
  };

  /** Where each route can be sent its body, on a case in the state it needs. */
  const TARGETS: Record<string, () => Promise<string>> = {
    '/api/admin/settings/lists/{list}/entries': async () => '/api/admin/settings/lists/crimeTypes/entries',
    '/api/admin/settings/lists/{list}/entries/{entryId}/retire': async () => '/api/admin/settings/lists/declineReasons/entries/moved-away/retire',
    '/api/admin/settings/contact-failure-threshold': async () => '/api/admin/settings/contact-failure-threshold',
    '/api/admin/settings/retention-periods': async () => '/api/admin/settings/retention-periods',
    '/api/admin/projections/{name}/rebuild': async () => '/api/admin/projections/referral-list/rebuild',
    '/api/admin/projections/{name}/parked/replay': async () => '/api/admin/projections/referral-list/parked/replay',
    '/api/admin/projections/{name}/parked/{position}/replay': async () => '/api/admin/projections/referral-list/parked/1/replay',
    '/api/admin/data-subjects/{subjectId}/{decision}': async () => '/api/admin/data-subjects/6f1c1d2e-0000-4000-8000-000000000001/restrict',
    '/api/admin/people/{personId}/{decision}': async () => '/api/admin/people/6f1c1d2e-0000-4000-8000-000000000002/restrict',
    '/api/people': async () => '/api/people',
    '/api/people/{personId}/subjects': async () => '/api/people/6f1c1d2e-0000-4000-8000-000000000002/subjects',
    '/api/people/{personId}/subjects/{subjectId}/unlink': async () => '/api/people/6f1c1d2e-0000-4000-8000-000000000002/subjects/6f1c1d2e-0000-4000-8000-000000000001/unlink',
    '/api/referrals': async () => '/api/referrals',
    '/api/referrals/{id}/assign': async () => `${await referral()}/assign`,
    '/api/referrals/{id}/assess': async () => `${await referral()}/assess`,
    '/api/referrals/{id}/accept-support': async () => `${await referral()}/accept-support`,
    '/api/referrals/{id}/decline-support': async () => `${await referral()}/decline-support`,
    '/api/referrals/{id}/close': async () => `${await referral()}/close`,
    '/api/referrals/{id}/notes': async () => `${await referral()}/notes`,
    '/api/referrals/{id}/status-link': async () => `${await referral()}/status-link`,
    '/api/referrals/{id}/status-link/revoke': async () => `${await after(referral, 'status-link')}/status-link/revoke`,
    '/api/referrals/{id}/reopen': async () => `${await after(referral, 'close')}/reopen`,
    '/api/referrals/{id}/contact-contract': async () => `${await referral()}/contact-contract`,
    '/api/referrals/{id}/contacts': async () => `${await after(referral, 'accept-support', 'contact-contract')}/contacts`,
    '/api/referrals/{id}/cj-events': async () => `${await referral()}/cj-events`,
    '/api/referrals/{id}/cj-events/{cjEventId}/communicated': async () => {
      const url = await referral();
      return `${url}/cj-events/${(await run(`${url}/cj-events`, BODIES['/api/referrals/{id}/cj-events']!)).cjEventId}/communicated`;
    },
    '/api/referrals/{id}/service-referrals': async () => `${await referral()}/service-referrals`,
    '/api/referrals/{id}/service-referrals/{serviceReferralId}/outcome': async () => {
      const url = await referral();
      return `${url}/service-referrals/${(await run(`${url}/service-referrals`, BODIES['/api/referrals/{id}/service-referrals']!)).serviceReferralId}/outcome`;
    },
    '/api/referrals/{id}/personal-statement': async () => `${await referral()}/personal-statement`,
    '/api/referrals/{id}/restorative-justice': async () => `${await referral()}/restorative-justice`,
    '/api/referrals/{id}/personal-statement/correction': async () => `${await after(referral, 'personal-statement')}/personal-statement/correction`,
    '/api/referrals/{id}/restorative-justice/correction': async () => `${await after(referral, 'restorative-justice')}/restorative-justice/correction`,
    '/api/referrals/{id}/messages': async () => {
      const url = await referral();
      await run(`${url}/contact-contract`, { frequency: 'weekly', channel: 'email' });
      return `${url}/messages`;
    },
    '/api/notify/receipts': async () => RECEIPTS.route,
    '/api/referrals/{id}/victim/correction': async () => `${await referral()}/victim/correction`,
    '/api/referrals/{id}/consent/{change}': async () => `${await referral()}/consent/withdraw`,
    '/api/referrals/{id}/demographics': async () => `${await referral()}/demographics`,
    '/api/referrals/{id}/crime/correction': async () => `${await referral()}/crime/correction`,
    '/api/complaints': async () => '/api/complaints',
    '/api/complaints/dip-sample': async () => '/api/complaints/dip-sample',
    '/api/complaints/{id}/contact-complainant': async () => `${await complaint()}/contact-complainant`,
    '/api/complaints/{id}/handle-outside-schedule-3': async () => `${await complaint()}/handle-outside-schedule-3`,
    '/api/complaints/{id}/resolve': async () => `${await after(complaint, 'handle-outside-schedule-3')}/resolve`,
    // Allegations stated at triage, so those of the body may be left out.
    '/api/complaints/{id}/record': async () => `${await after(complaint, 'handle-outside-schedule-3')}/record`,
    '/api/complaints/{id}/refer': async () => `${await after(complaint, 'record')}/refer`,
    '/api/complaints/{id}/progress-updates': async () => `${await referredComplaint()}/progress-updates`,
    // Never due on a complaint received yesterday: every variant here must be refused before the rule is.
    '/api/complaints/{id}/long-running-reports': async () => `${await complaint()}/long-running-reports`,
    '/api/complaints/{id}/outcome': async () => `${await referredComplaint()}/outcome`,
    '/api/complaints/{id}/outcome-notified': async () => `${await after(referredComplaint, 'outcome')}/outcome-notified`,
    '/api/complaints/{id}/review-request': async () => `${await after(referredComplaint, 'outcome', 'outcome-notified')}/review-request`,
    '/api/complaints/{id}/review-decision': async () => `${await after(referredComplaint, 'outcome', 'outcome-notified', 'review-request')}/review-decision`,
    '/api/complaints/{id}/withdraw': async () => `${await complaint()}/withdraw`,
    '/api/complaints/{id}/notes': async () => `${await complaint()}/notes`,
    '/api/complaints/{id}/demographics': async () => `${await complaint()}/demographics`,
    '/api/complaints/{id}/status-link': async () => `${await complaint()}/status-link`,
    '/api/complaints/{id}/status-link/revoke': async () => `${await after(complaint, 'status-link')}/status-link/revoke`,
    '/api/complaints/{id}/discontinue-repetitive': async () => `${await complaint()}/discontinue-repetitive`,
    // Notified over 28 days ago, so only a late acceptance takes the request.
    '/api/complaints/{id}/late-review-request': async () => `${await after(referredComplaint, 'outcome', 'outcome-notified')}/late-review-request`,
    '/api/complaints/{id}/messages': async () => `${await after(complaint, 'handle-outside-schedule-3')}/messages`,
    '/api/complaints/{id}/allegations/{allegationId}/correction': async () => `${await firstAllegation()}/correction`,
    '/api/complaints/{id}/allegations/{allegationId}/subject/correction': async () => `${await firstAllegation()}/subject/correction`,
    '/api/complaints/{id}/complainant/correction': async () => `${await complaint()}/complainant/correction`,
    '/api/complaints/{id}/iopc-review-decision': async () => {
      const url = await after(complaint, 'record');
      await run(`${url}/refer`, { ...BODIES['/api/complaints/{id}/refer'], to: 'iopc' });
      for (const action of ['outcome', 'outcome-notified', 'review-request']) await run(`${url}/${action}`, BODIES[`/api/complaints/{id}/${action}`]!);
      return `${url}/iopc-review-decision`;
    },
    '/api/community-resolutions': async () => '/api/community-resolutions',
    '/api/community-resolutions/{id}/remedies': async () => `${await resolution()}/remedies`,
    '/api/community-resolutions/{id}/remedies/{remedyId}/complete': async () => `${await remedy()}/complete`,
    '/api/community-resolutions/{id}/remedies/{remedyId}/fail': async () => `${await remedy()}/fail`,
    '/api/community-resolutions/{id}/notes': async () => `${await resolution()}/notes`,
    '/api/community-resolutions/{id}/demographics': async () => `${await resolution()}/demographics`,
    '/api/community-resolutions/{id}/victim-informed': async () => `${await after(resolution, 'remedies')}/victim-informed`,
    // Ready to close: its remedy failed and the victim told, so a body the validation takes closes it.
    '/api/community-resolutions/{id}/close': async () => {
      const failed = await remedy();
      await run(`${failed}/fail`, BODIES['/api/community-resolutions/{id}/remedies/{remedyId}/fail']!);
      const url = failed.replace(/\/remedies\/[^/]+$/, '');
      await run(`${url}/victim-informed`, { about: 'failure', channel: 'phone' });
      return `${url}/close`;
    },
    '/api/community-resolutions/{id}/people/{subjectId}/correction': async () => {
      const { id, position } = await run('/api/community-resolutions', BODIES['/api/community-resolutions']!);
      const view = (await harness.request({ method: 'GET', url: `/api/community-resolutions/${id}`, headers: { authorization: everyone, 'x-min-position': position! } })).json();
      return `/api/community-resolutions/${id}/people/${view.victims[0].id}/correction`;
    },
    '/api/community-resolutions/{id}/offence/correction': async () => `${await resolution()}/offence/correction`,
    '/api/community-resolutions/{id}/supervisor-decision': async () => {
      const unconsulted = { ...BODIES['/api/community-resolutions'], victims: [{ name: 'Away Victim', consulted: false, consents: false }] };
      return `/api/community-resolutions/${(await run('/api/community-resolutions', unconsulted)).id}/supervisor-decision`;
    },
    '/api/cases/{id}/restricted-access': async () => `${(await referral()).replace('/api/referrals/', '/api/cases/')}/restricted-access`,
    '/api/cases/{id}/restricted-access/named': async () => `${await restrictedCase()}/named`,
    '/api/cases/{id}/restricted-access/lift': async () => `${await restrictedCase()}/lift`,
    '/api/cases/{id}/legal-hold': async () => `${(await referral()).replace('/api/referrals/', '/api/cases/')}/legal-hold`,
    '/api/cases/{id}/legal-hold/lift': async () => {
      const url = `${(await referral()).replace('/api/referrals/', '/api/cases/')}/legal-hold`;
      await run(url, BODIES['/api/cases/{id}/legal-hold']!);
      return `${url}/lift`;
    },
    '/api/admin/disposals': async () => '/api/admin/disposals',
  };
  // The complaint a repetitive one repeats must exist before the body's variants are made from it.
  beforeAll(async () => {
    BODIES['/api/complaints/{id}/discontinue-repetitive']!.earlierComplaintId = (await run('/api/complaints', { ...BODIES['/api/complaints'], receivedAt: daysAgo(2) })).id;
  });
  async function remedy(): Promise<string> {
    const url = await resolution();
    return `${url}/remedies/${(await run(`${url}/remedies`, BODIES['/api/community-resolutions/{id}/remedies']!)).remedyId}`;
  }

  const resolve = (schema: Schema): Schema => {
    const ref = schema.$ref ?? schema.allOf?.[0]?.$ref;
    return ref ? doc.components.schemas[ref.replace('#/components/schemas/', '')]! : schema;
  };
  const kindOf = (schema: Schema): string | undefined => (schema.$ref || schema.allOf ? 'object' : schema.type);

  /** Each field the schema declares, at any depth (array members through their first item), put wrong or left out. */
  function variantsOf(schema: Schema, body: Body, path: string[] = []): Variant[] {
    return Object.entries(resolve(schema).properties ?? {}).flatMap(([name, property]) => {
      const at = [...path, name];
      const value = body[name];
      const kind = kindOf(property);
      const wrong = (WRONG_VALUES[kind ?? ''] ?? []).filter((candidate) => !(candidate === null && property.nullable));
      const own = [...(value === undefined ? [] : [undefined]), ...wrong].map((replacement) => ({ path: at, replacement }));
      if (kind === 'object' && isBody(value)) return [...own, ...variantsOf(property, value, at)];
      if (kind === 'array' && property.items && Array.isArray(value) && isBody(value[0])) {
        const item = [...at, '0'];
        return [...own, ...WRONG_VALUES.object!.map((replacement) => ({ path: item, replacement })), ...variantsOf(property.items, value[0], item)];
      }
      return own;
    });
  }

  /** A sweep sends hundreds of requests, more with every command route added: longer than one test's usual minute. */
  const SWEEP_TIMEOUT_MS = 300_000;

  it('lists a body and a target for every command route in the OpenAPI document', () => {
    const documented = Object.entries(doc.paths).filter(([, methods]) => methods.post).map(([path]) => path);
    expect(documented.length).toBeGreaterThan(35);
    expect(Object.keys(BODIES).sort()).toEqual(documented.sort());
    expect(Object.keys(TARGETS).sort()).toEqual(documented.sort());
  });

  // Over a thousand requests, one at a time: on a loaded 2-core machine, past the default minute.
  it('answers each wrong body with a 400 naming the field, or takes it and projects its events', async () => {
    const outcomes: { route: string; field: string; status: number }[] = [];
    let sent = 0;
    for (const [route, methods] of Object.entries(doc.paths)) {
      const schema = methods.post?.requestBody?.content['application/json'].schema;
      if (!schema) continue;
      const base = BODIES[route]!;
      const variants = [
        ...NOT_OBJECTS.map((body) => ({ field: 'body', body })),
        ...variantsOf(schema, base).map(({ path, replacement }) => ({ field: path.join('.'), body: replaced(base, path, replacement) })),
      ];
      let target: string | undefined;
      for (const { field, body } of variants) {
        target ??= await TARGETS[route]!();
        const response = await post(target, body);
        sent++;
        if (response.statusCode < 300) {
          target = undefined;
          outcomes.push({ route, field, status: response.statusCode });
          continue;
        }
        const named = response.statusCode === 400 ? response.json<{ errors?: { field: string }[] }>().errors?.map((error) => error.field) : undefined;
        // An array's member is named by its index, or by the array ("each value in subjects must be an object").
        const names = new Set([field, field.replace(/\.\d+$/, '')]);
        const namesTheField = !!named?.length && named.every((name) => names.has(name) || name.startsWith(`${field}.`));
        expect({ route, field, body, status: response.statusCode, named: namesTheField ? 'the field' : response.body }).toEqual({ route, field, body, status: 400, named: 'the field' });
      }
    }
    expect(sent).toBeGreaterThan(500);
    // Optional fields left out or null are taken: the sweep reached the deciders, not only the validation.
    expect(outcomes.length).toBeGreaterThan(20);

    const statuses = await caughtUp();
    expect(statuses.map(({ name, state, lastError }) => ({ name, state, lastError }))).toEqual(statuses.map(({ name }) => ({ name, state: 'live', lastError: null })));
  }, SWEEP_TIMEOUT_MS);

  it('refuses a NUL or an unpaired surrogate in any text of any body, naming the field', async () => {
    let sent = 0;
    for (const [route, base] of Object.entries(BODIES)) {
      const target = await TARGETS[route]!();
      for (const path of textPaths(base)) {
        for (const unstorable of ['\u0000', '\ud800', '\udfff']) {
          const original = path.reduce<unknown>((value, key) => (value as Body)[key], base) as string;
          const response = await post(target, replaced(base, path, `${original.slice(0, 1)}${unstorable}${original.slice(1)}`));
          sent++;
          const field = path.join('.');
          expect({ route, field, status: response.statusCode, errors: response.json().errors }).toEqual({ route, field, status: 400, errors: [{ field, message: expect.stringContaining('NUL') }] });
        }
      }
    }
    expect(sent).toBeGreaterThan(150);
  }, SWEEP_TIMEOUT_MS);

  /** The projections once they have applied every event, or as they stand when one has failed. */
  async function caughtUp(): Promise<{ name: string; state: string; lastError: string | null; lag: { events: number } }[]> {
    for (;;) {
      const statuses = (await harness.request({ method: 'GET', url: '/api/admin/projections', headers: { authorization: everyone } })).json();
      if (statuses.every((status: { state: string; lag: { events: number } }) => status.state === 'failed' || (status.state === 'live' && status.lag.events === 0))) return statuses;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
});

/** The path of every string in a body. */
function textPaths(value: unknown, path: string[] = []): string[][] {
  if (typeof value === 'string') return [path];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, member]) => textPaths(member, [...path, key]));
}

const isBody = (value: unknown): value is Body => value !== null && typeof value === 'object' && !Array.isArray(value);

/** A copy of the body with the value at `path` replaced, or left out when `replacement` is undefined. */
function replaced(body: unknown, [head, ...rest]: readonly string[], replacement: unknown): unknown {
  const next = rest.length === 0 ? replacement : replaced((body as Body)[head!], rest, replacement);
  if (Array.isArray(body)) return body.map((member, index) => (String(index) === head ? next : member));
  const { [head!]: _old, ...others } = body as Body;
  return next === undefined ? others : { ...(body as Body), [head!]: next };
}
