import { CommandBus } from '@nestjs/cqrs';
import { randomIds } from '../command-pipeline/id-source.ts';
import { ChangeComplaintCommand } from '../complaints/commands/change-complaint/change-complaint.command.ts';
import { complaintStream } from '../complaints/complaint-stream.ts';
import { complaintDecider } from '../complaints/domain/complaint.decide.ts';
import type { EventCatalog } from '../event-store/event-catalog.ts';
import type { Actor, EventStore } from '../event-store/event-store.port.ts';
import { ChangeReferralCommand } from '../referrals/commands/change-referral/change-referral.command.ts';
import { referralDecider } from '../referrals/domain/referral.decide.ts';
import { referralStream } from '../referrals/referral-stream.ts';
import type { SettingsService } from '../settings/settings.service.ts';
import { fold, type DomainEvent } from '../shared/domain/decider.ts';
import { isLive, type SendMessageFromStatusPage, type StatusLink } from '../shared/domain/status-link.ts';
import type { StatusLinkClaim } from './status-link-token.ts';
import { complainantStatusPage, victimStatusPage, type StatusPage } from './status-page.view.ts';

/** Who acts through a link: the link itself, on behalf of the person it was given to. */
export const linkActor = (linkId: string): Actor => ({ sub: `status-link:${linkId}`, roles: [] });

/**
 * The cases behind status links, read from the event store itself (not a read model), so a link revoked or
 * replaced stops working at once, and what the person writes back goes through the case's own decider.
 */
export class StatusPageCases {
  constructor(
    private readonly store: EventStore,
    private readonly catalog: EventCatalog,
    private readonly settings: SettingsService,
    private readonly commands: CommandBus,
  ) {}

  /** The page the claim's link shows, with the link; undefined when the link is no longer the case's live one. */
  async pageOf(claim: StatusLinkClaim, now: Date): Promise<{ page: StatusPage; link: StatusLink } | undefined> {
    const settings = await this.settings.current();
    if (claim.kind === 'referral') {
      const referral = fold(referralDecider, await this.history(referralStream(claim.caseId)));
      if (referral.status === 'none' || !isLive(referral.statusLink, claim.linkId, now)) return undefined;
      return { page: victimStatusPage(referral, referral.statusLink, settings), link: referral.statusLink };
    }
    const complaint = fold(complaintDecider, await this.history(complaintStream(claim.caseId)));
    if (complaint.status === 'none' || !isLive(complaint.statusLink, claim.linkId, now)) return undefined;
    return { page: complainantStatusPage(complaint, complaint.statusLink, settings, now), link: complaint.statusLink };
  }

  /** The person's message, as a note on the case from them. */
  async sendMessage(claim: StatusLinkClaim, link: StatusLink, text: string, correlationId: string): Promise<void> {
    const now = new Date();
    const context = { actor: linkActor(link.id), correlationId, causationId: correlationId, now, ids: randomIds };
    const command: SendMessageFromStatusPage = { type: 'SendMessageFromStatusPage', linkId: link.id, noteId: randomIds.partId(), text, metadata: { now } };
    await this.commands.execute(claim.kind === 'referral' ? new ChangeReferralCommand(claim.caseId, command, context) : new ChangeComplaintCommand(claim.caseId, command, context));
  }

  private async history<Event extends DomainEvent>(stream: string): Promise<Event[]> {
    return (await this.store.readStream(stream)).map((event) => this.catalog.toDomain<Event>(event));
  }
}
