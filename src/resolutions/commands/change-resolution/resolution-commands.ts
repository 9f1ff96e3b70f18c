import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import type { CommandContext } from '../../../command-pipeline/command-context.ts';
import { commandResponse, type CommandResponse } from '../../../http/command-response.ts';
import { ChangeResolutionCommand, type ResolutionChange } from './change-resolution.command.ts';

/** What every state-change route of a resolution does once its body is turned into a domain command. */
@Injectable()
export class ResolutionCommands {
  constructor(private readonly commands: CommandBus) {}

  async run(resolutionId: string, command: ResolutionChange, context: CommandContext, reply: FastifyReply): Promise<CommandResponse> {
    return commandResponse(reply, await this.commands.execute(new ChangeResolutionCommand(resolutionId, command, context)));
  }
}
