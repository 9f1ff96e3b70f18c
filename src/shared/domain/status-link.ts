import { caseText, defineEvent } from '../../personal-data/event-definition.ts';
import type { CaseNote } from './case-note.ts';
import { caseNote } from './case-note.ts';
import type { CommandMetadata } from './decider.ts';
import { DomainRuleViolation } from './errors.ts';

/** A link lives at most this long: a victim's journey is long, but a link passed on stays a risk. */
export const STATUS_LINK_MAX_DAYS = 90;
/** What a victim or complainant may write back from their page: a short message, not a statement. */
export const STATUS_PAGE_MESSAGE_MAX = 1000;

/** A case worker gives the case's victim (or complainant) a link to a page of their own; a new one replaces the old. */
export interface GiveStatusLink {
  type: 'GiveStatusLink';
  linkId: string;
  expiresAt: string;
  /** Who the person deals with, as the page names them: a first name and a team (staff, not a data subject). */
  contactFirstName: string;
  team: string;
  metadata: CommandMetadata;
}

export interface RevokeStatusLink {
  type: 'RevokeStatusLink';
  metadata: CommandMetadata;
}

/** The person writes back from their page: a note on the case, from them. */
export interface SendMessageFromStatusPage {
  type: 'SendMessageFromStatusPage';
  linkId: string;
  noteId: string;
  text: string;
  metadata: CommandMetadata;
}

export type StatusLinkCommand = GiveStatusLink | RevokeStatusLink | SendMessageFromStatusPage;

/** The link the case's person holds now. */
export interface StatusLink {
  id: string;
  subjectId: string;
  contactFirstName: string;
  team: string;
  givenAt: string;
  expiresAt: string;
}

/** The link as a case's state keeps it, from the event that gave it. */
export const statusLinkOf = ({ id, subjectId, contactFirstName, team, givenAt, expiresAt }: StatusLink): StatusLink => ({ id, subjectId, contactFirstName, team, givenAt, expiresAt });

type HeldLink = StatusLink | null | undefined;

/** What a link's events hold beside the case id. */
export type StatusLinkGivenData = StatusLink;
export interface StatusLinkRevokedData {
  linkId: string;
  revokedAt: string;
}
export type StatusPageMessageData = CaseNote & { linkId: string };

export function givenLink(command: GiveStatusLink, subjectId: string): StatusLinkGivenData {
  const now = command.metadata.now;
  const expiresAt = new Date(command.expiresAt);
  if (!(expiresAt > now)) throw new DomainRuleViolation('status-link-expiry-past', 'A status link must expire in the future');
  if (expiresAt.getTime() - now.getTime() > STATUS_LINK_MAX_DAYS * 24 * 60 * 60 * 1000) {
    throw new DomainRuleViolation('status-link-expiry-too-far', `A status link may last at most ${STATUS_LINK_MAX_DAYS} days`);
  }
  const { linkId: id, contactFirstName, team } = command;
  return { id, subjectId, contactFirstName, team, givenAt: now.toISOString(), expiresAt: expiresAt.toISOString() };
}

export function revokedLink(command: RevokeStatusLink, current: HeldLink): StatusLinkRevokedData {
  if (!current) throw new DomainRuleViolation('no-status-link', 'This case has no status link to revoke');
  return { linkId: current.id, revokedAt: command.metadata.now.toISOString() };
}

/** Only through the link the person holds now, before it expires: a replaced or revoked link no longer speaks for them. */
export function messageFromPage(command: SendMessageFromStatusPage, current: HeldLink, closed: boolean): StatusPageMessageData {
  if (!isLive(current, command.linkId, command.metadata.now)) throw new DomainRuleViolation('status-link-not-current', 'This link no longer works');
  if (command.text.length > STATUS_PAGE_MESSAGE_MAX) throw new DomainRuleViolation('status-page-message-too-long', `A message is at most ${STATUS_PAGE_MESSAGE_MAX} characters`);
  const note = caseNote({ type: 'AddCaseNote', noteId: command.noteId, text: command.text, metadata: command.metadata }, current.subjectId, closed);
  return { ...note, linkId: command.linkId };
}

/** The link `linkId` is the one given last, not revoked and not expired at `now`. */
export function isLive(current: HeldLink, linkId: string, now: Date): current is StatusLink {
  return !!current && current.id === linkId && new Date(current.expiresAt) > now;
}

/** Each context's three link events: ids, dates and staff names only, but for the message, sealed under the case. */
export function statusLinkEventDefinitions<const Given extends string, const Revoked extends string, const Message extends string>(
  types: { given: Given; revoked: Revoked; message: Message },
  caseIdPath: string,
) {
  return [
    defineEvent({ type: types.given, schemaVersion: 1, personalData: [], plain: [caseIdPath, 'id', 'subjectId', 'contactFirstName', 'team', 'givenAt', 'expiresAt'] }),
    defineEvent({ type: types.revoked, schemaVersion: 1, personalData: [], plain: [caseIdPath, 'linkId', 'revokedAt'] }),
    defineEvent({ type: types.message, schemaVersion: 1, personalData: [caseText(caseIdPath, ['text'])], plain: [caseIdPath, 'linkId', 'noteId', 'subjectId', 'addedAt'] }),
  ];
}

/** The case's link as its case worker sees it: who it names, until when, and whether it works now. Never the link itself. */
export interface StatusLinkView {
  linkId: string;
  contactFirstName: string;
  team: string;
  givenAt: string;
  expiresAt: string;
  live: boolean;
}

/** Null when no link was given or the last one was revoked; an expired one stays, not live, until replaced. */
export function statusLinkView(current: HeldLink, now: Date): StatusLinkView | null {
  if (!current) return null;
  const { id: linkId, contactFirstName, team, givenAt, expiresAt } = current;
  return { linkId, contactFirstName, team, givenAt, expiresAt, live: isLive(current, linkId, now) };
}
