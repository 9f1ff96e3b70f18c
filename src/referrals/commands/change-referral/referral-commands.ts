import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import type { CommandContext } from '../../../command-pipeline/command-context.ts';
import { commandResponse, type CommandResponse } from '../../../http/command-response.ts';
import type { ReferralCommand } from '../../domain/referral.commands.ts';
import { ChangeReferralCommand } from './change-referral.command.ts';

type StateChange = Exclude<ReferralCommand, { type: 'ReceiveReferral' }>;

/** What every state-change route of a journey does once its body is turned into a domain command. */
@Injectable()
export class ReferralCommands {
  constructor(private readonly commands: CommandBus) {}

  async run(referralId: string, command: StateChange, context: CommandContext, reply: FastifyReply): Promise<CommandResponse> {
    return commandResponse(reply, await this.commands.execute(new ChangeReferralCommand(referralId, command, context)));
  }
}
