import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { MessageCaseKind } from '../../projections/notify/notify-outbox.projection.ts';
import { idsDerivedFrom } from '../command-pipeline/id-source.ts';
import type { CommandContext } from '../command-pipeline/command-context.ts';
import { ChangeComplaintCommand } from '../complaints/commands/change-complaint/change-complaint.command.ts';
import { ChangeReferralCommand } from '../referrals/commands/change-referral/change-referral.command.ts';
import type { MessageFailure } from '../shared/domain/notify-message.ts';
import { SettingsService } from '../settings/settings.service.ts';

/** Who records what Notify reports: the service itself, not a user. */
const NOTIFY_ACTOR = { sub: 'gov-uk-notify', roles: [] };

/** A message on its case, as the outbox and Notify's receipts name it. */
export interface MessageOnCase {
  caseKind: MessageCaseKind;
  caseId: string;
  messageId: string;
}

/**
 * What became of a message, recorded on its case. The events' ids derive from the message and the outcome, and
 * the deciders ignore an outcome already recorded, so a receipt or a failure recorded twice is stored once.
 */
@Injectable()
export class MessageOutcomes {
  constructor(
    private readonly commands: CommandBus,
    private readonly settings: SettingsService,
  ) {}

  async delivered({ caseKind, caseId, messageId }: MessageOnCase, at: Date, correlationId: string): Promise<void> {
    const context = notifyContext(`${messageId}/delivered`, correlationId);
    const common = { messageId, at: notAfter(at, context.now), metadata: { now: context.now } };
    if (caseKind === 'complaint') {
      await this.commands.execute(new ChangeComplaintCommand(caseId, { type: 'RecordComplainantMessageDelivered', ...common }, context));
      return;
    }
    const calendar = (await this.settings.current()).calendar;
    await this.commands.execute(new ChangeReferralCommand(caseId, { type: 'RecordMessageDelivered', ...common, calendar }, context));
  }

  async failed({ caseKind, caseId, messageId }: MessageOnCase, reason: MessageFailure, correlationId: string, at = new Date()): Promise<void> {
    const context = notifyContext(`${messageId}/failed`, correlationId);
    const common = { messageId, reason, at: notAfter(at, context.now), metadata: { now: context.now } };
    if (caseKind === 'complaint') {
      await this.commands.execute(new ChangeComplaintCommand(caseId, { type: 'RecordComplainantMessageFailed', ...common }, context));
      return;
    }
    const failureThreshold = (await this.settings.current()).contactFailureThreshold;
    await this.commands.execute(new ChangeReferralCommand(caseId, { type: 'RecordMessageFailed', ...common, failureThreshold }, context));
  }
}

function notifyContext(seed: string, correlationId: string): CommandContext {
  return { actor: NOTIFY_ACTOR, correlationId, causationId: correlationId, now: new Date(), ids: idsDerivedFrom(`notify/${seed}`) };
}

/** Notify's clock may run a little ahead of ours: an outcome is never recorded as in the future. */
function notAfter(at: Date, now: Date): string {
  return new Date(Math.min(at.getTime(), now.getTime())).toISOString();
}
