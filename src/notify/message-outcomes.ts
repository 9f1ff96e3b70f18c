import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { idsDerivedFrom } from '../command-pipeline/id-source.ts';
import type { CommandContext } from '../command-pipeline/command-context.ts';
import { ChangeReferralCommand } from '../referrals/commands/change-referral/change-referral.command.ts';
import type { MessageFailure } from '../referrals/domain/victim-messages.events.ts';
import { SettingsService } from '../settings/settings.service.ts';

/** Who records what Notify reports: the service itself, not a user. */
const NOTIFY_ACTOR = { sub: 'gov-uk-notify', roles: [] };

/**
 * What became of a message, recorded on its case. The events' ids derive from the message and the outcome, and
 * the decider ignores an outcome already recorded, so a receipt or a failure recorded twice is stored once.
 */
@Injectable()
export class MessageOutcomes {
  constructor(
    private readonly commands: CommandBus,
    private readonly settings: SettingsService,
  ) {}

  async delivered(caseId: string, messageId: string, at: Date, correlationId: string): Promise<void> {
    const context = notifyContext(`${messageId}/delivered`, correlationId);
    const command = { type: 'RecordMessageDelivered' as const, messageId, at: notAfter(at, context.now), calendar: (await this.settings.current()).calendar, metadata: { now: context.now } };
    await this.commands.execute(new ChangeReferralCommand(caseId, command, context));
  }

  async failed(caseId: string, messageId: string, reason: MessageFailure, correlationId: string, at = new Date()): Promise<void> {
    const context = notifyContext(`${messageId}/failed`, correlationId);
    const failureThreshold = (await this.settings.current()).contactFailureThreshold;
    const command = { type: 'RecordMessageFailed' as const, messageId, reason, at: notAfter(at, context.now), failureThreshold, metadata: { now: context.now } };
    await this.commands.execute(new ChangeReferralCommand(caseId, command, context));
  }
}

function notifyContext(seed: string, correlationId: string): CommandContext {
  return { actor: NOTIFY_ACTOR, correlationId, causationId: correlationId, now: new Date(), ids: idsDerivedFrom(`notify/${seed}`) };
}

/** Notify's clock may run a little ahead of ours: an outcome is never recorded as in the future. */
function notAfter(at: Date, now: Date): string {
  return new Date(Math.min(at.getTime(), now.getTime())).toISOString();
}
