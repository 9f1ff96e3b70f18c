import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import type { CommandContext } from '../../../command-pipeline/command-context.ts';
import { commandResponse, type CommandResponse } from '../../../http/command-response.ts';
import { ChangeRestrictedAccessCommand, type RestrictedAccessChange } from './change-restricted-access.command.ts';

/** What every restriction route does once its body is turned into a domain command. */
@Injectable()
export class RestrictedAccessCommands {
  constructor(private readonly commands: CommandBus) {}

  async run(caseId: string, change: RestrictedAccessChange, context: CommandContext, reply: FastifyReply): Promise<CommandResponse> {
    return commandResponse(reply, await this.commands.execute(new ChangeRestrictedAccessCommand(caseId, change, context)));
  }
}
