import type { DomainEvent } from '../../shared/domain/decider.ts';
import { statusLinkEventDefinitions, type StatusLinkGivenData, type StatusLinkRevokedData, type StatusPageMessageData } from '../../shared/domain/status-link.ts';

/** The victim is given a link to a page of their own (replacing any earlier one), or it is taken back. */
export type VictimStatusLinkGiven = DomainEvent<'VictimStatusLinkGiven', { referralId: string } & StatusLinkGivenData>;
export type VictimStatusLinkRevoked = DomainEvent<'VictimStatusLinkRevoked', { referralId: string } & StatusLinkRevokedData>;
/** A note on the case written by the victim from their page. */
export type ReferralNoteFromVictimAdded = DomainEvent<'ReferralNoteFromVictimAdded', { referralId: string } & StatusPageMessageData>;

export type VictimStatusLinkEvent = VictimStatusLinkGiven | VictimStatusLinkRevoked | ReferralNoteFromVictimAdded;

export const victimStatusLinkEventDefinitions = statusLinkEventDefinitions(
  { given: 'VictimStatusLinkGiven', revoked: 'VictimStatusLinkRevoked', message: 'ReferralNoteFromVictimAdded' },
  'referralId',
);
