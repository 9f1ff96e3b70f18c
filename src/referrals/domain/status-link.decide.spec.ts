import { describe, expect, it } from '@jest/globals';
import { fold } from '../../shared/domain/decider.ts';
import { ruleOf } from '../../shared/domain/rule-violations.testing.ts';
import { statusLinkView, type GiveStatusLink } from '../../shared/domain/status-link.ts';
import type { ReferralCommand } from './referral.commands.ts';
import { referralDecider } from './referral.decide.ts';
import type { ReferralEvent } from './referral.events.ts';
import { referralReceived } from './referral.testing.ts';

const now = new Date('2026-03-02T10:00:00Z');
const inDays = (days: number, from = now) => new Date(from.getTime() + days * 24 * 60 * 60 * 1000).toISOString();
const give = (overrides: Partial<GiveStatusLink> = {}): GiveStatusLink => ({
  type: 'GiveStatusLink',
  linkId: 'link-1',
  expiresAt: inDays(28),
  contactFirstName: 'Priya',
  team: 'Beacon north',
  metadata: { now },
  ...overrides,
});
const message = (linkId: string, at = now): ReferralCommand => ({ type: 'SendMessageFromStatusPage', linkId, noteId: 'n-1', text: 'Please call after 6pm', metadata: { now: at } });

const decide = (history: ReferralEvent[], command: ReferralCommand) => referralDecider.decide(command, fold(referralDecider, history));
const after = (history: ReferralEvent[], ...commands: ReferralCommand[]) => commands.reduce((events, command) => [...events, ...decide(events, command)], history);

describe('a victim’s status link', () => {
  it('is given for the victim, with its expiry, and a new one replaces the old', () => {
    const history = after([referralReceived()], give(), give({ linkId: 'link-2' }));
    expect(history.at(-1)).toEqual({
      type: 'VictimStatusLinkGiven',
      data: { referralId: 'r-1', id: 'link-2', subjectId: 's-1', contactFirstName: 'Priya', team: 'Beacon north', givenAt: now.toISOString(), expiresAt: inDays(28) },
    });
    expect(ruleOf(() => decide(history, message('link-1')))).toBe('status-link-not-current');
    expect(decide(history, message('link-2'))).toEqual([
      { type: 'ReferralNoteFromVictimAdded', data: { referralId: 'r-1', linkId: 'link-2', noteId: 'n-1', subjectId: 's-1', text: 'Please call after 6pm', addedAt: now.toISOString(), onClosedCase: false } },
    ]);
  });

  it('must expire in the future and within 90 days', () => {
    expect(ruleOf(() => decide([referralReceived()], give({ expiresAt: inDays(-1) })))).toBe('status-link-expiry-past');
    expect(ruleOf(() => decide([referralReceived()], give({ expiresAt: inDays(91) })))).toBe('status-link-expiry-too-far');
  });

  it('no longer carries a message once revoked or expired, and cannot be revoked twice', () => {
    const revoked = after([referralReceived()], give(), { type: 'RevokeStatusLink', metadata: { now } });
    expect(revoked.at(-1)).toEqual({ type: 'VictimStatusLinkRevoked', data: { referralId: 'r-1', linkId: 'link-1', revokedAt: now.toISOString() } });
    expect(ruleOf(() => decide(revoked, message('link-1')))).toBe('status-link-not-current');
    expect(ruleOf(() => decide(revoked, { type: 'RevokeStatusLink', metadata: { now } }))).toBe('no-status-link');
    const given = after([referralReceived()], give());
    expect(ruleOf(() => decide(given, message('link-1', new Date(inDays(29)))))).toBe('status-link-not-current');
  });

  it('refuses a message longer than a short one', () => {
    const given = after([referralReceived()], give());
    expect(ruleOf(() => decide(given, { type: 'SendMessageFromStatusPage', linkId: 'link-1', noteId: 'n-1', text: 'x'.repeat(1001), metadata: { now } }))).toBe('status-page-message-too-long');
  });
});

describe('the status link as the case worker sees it', () => {
  const stateAfter = (...commands: ReferralCommand[]) => fold(referralDecider, after([referralReceived()], ...commands));
  const linkOf = (state: ReturnType<typeof stateAfter>) => ('statusLink' in state ? state.statusLink : undefined);

  it('is none before a link is given and once it is revoked', () => {
    expect(statusLinkView(linkOf(stateAfter()), now)).toBeNull();
    expect(statusLinkView(linkOf(stateAfter(give(), { type: 'RevokeStatusLink', metadata: { now } })), now)).toBeNull();
  });

  it('is live until it expires, then shown as expired, naming who it names and never the link itself', () => {
    const link = linkOf(stateAfter(give()));
    expect(statusLinkView(link, now)).toEqual({ linkId: 'link-1', contactFirstName: 'Priya', team: 'Beacon north', givenAt: now.toISOString(), expiresAt: inDays(28), live: true });
    expect(statusLinkView(link, new Date(inDays(28)))).toMatchObject({ live: false });
  });
});
