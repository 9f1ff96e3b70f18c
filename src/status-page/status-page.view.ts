import { onCalendar } from '../complaints/domain/deadlines.ts';
import type { LoggedComplaint } from '../complaints/domain/complaint.state.ts';
import { toComplainantStatus, type ComplainantStatusView } from '../complaints/queries/complaint-status/complainant-status.view.ts';
import type { ReceivedReferral } from '../referrals/domain/referral.state.ts';
import type { Settings } from '../settings/settings.ts';
import type { StatusLink } from '../shared/domain/status-link.ts';

interface Contact {
  firstName: string;
  team: string;
}

/**
 * What a victim may see of their journey: who they deal with, when they hear from us next, what they have been
 * told and where they were referred. No personal data (theirs or anyone's) and nothing about the offender.
 */
export interface VictimStatusPage {
  kind: 'referral';
  contact: Contact;
  closed: boolean;
  nextContactDue: string | null;
  updatesPassedOn: { kind: string; toldAt: string }[];
  services: { label: string; outcome: string | null }[];
}

/** What a complainant may see: exactly what `GET /api/complaints/{id}/status` shows, and who they deal with. */
export interface ComplainantStatusPage {
  kind: 'complaint';
  contact: Contact;
  status: ComplainantStatusView;
}

export type StatusPage = VictimStatusPage | ComplainantStatusPage;

const contactOf = (link: StatusLink): Contact => ({ firstName: link.contactFirstName, team: link.team });

export function victimStatusPage(referral: ReceivedReferral, link: StatusLink, settings: Settings): VictimStatusPage {
  return {
    kind: 'referral',
    contact: contactOf(link),
    closed: referral.closure !== null,
    nextContactDue: referral.closure || !referral.consent.contact ? null : referral.contact.nextDue,
    updatesPassedOn: referral.cjEvents.flatMap((update) => (update.communicated ? [{ kind: update.kind, toldAt: update.communicated.at }] : [])),
    services: referral.serviceReferrals.map((service) => ({ label: settings.labelOf('supportServices', service.service), outcome: service.outcome })),
  };
}

export function complainantStatusPage(complaint: LoggedComplaint, link: StatusLink, settings: Settings, now: Date): ComplainantStatusPage {
  return { kind: 'complaint', contact: contactOf(link), status: toComplainantStatus(onCalendar(complaint, settings.calendar), now) };
}
