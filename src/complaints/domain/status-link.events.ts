import type { DomainEvent } from '../../shared/domain/decider.ts';
import { statusLinkEventDefinitions, type StatusLinkGivenData, type StatusLinkRevokedData, type StatusPageMessageData } from '../../shared/domain/status-link.ts';

/** The complainant is given a link to a page of their own (replacing any earlier one), or it is taken back. */
export type ComplainantStatusLinkGiven = DomainEvent<'ComplainantStatusLinkGiven', { complaintId: string } & StatusLinkGivenData>;
export type ComplainantStatusLinkRevoked = DomainEvent<'ComplainantStatusLinkRevoked', { complaintId: string } & StatusLinkRevokedData>;
/** A note on the case written by the complainant from their page. */
export type ComplaintNoteFromComplainantAdded = DomainEvent<'ComplaintNoteFromComplainantAdded', { complaintId: string } & StatusPageMessageData>;

export type ComplainantStatusLinkEvent = ComplainantStatusLinkGiven | ComplainantStatusLinkRevoked | ComplaintNoteFromComplainantAdded;

export const complainantStatusLinkEventDefinitions = statusLinkEventDefinitions(
  { given: 'ComplainantStatusLinkGiven', revoked: 'ComplainantStatusLinkRevoked', message: 'ComplaintNoteFromComplainantAdded' },
  'complaintId',
);
