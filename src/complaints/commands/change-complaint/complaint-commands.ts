import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import type { CommandContext } from '../../../command-pipeline/command-context.ts';
import { commandResponse, type CommandResponse } from '../../../http/command-response.ts';
import { ChangeComplaintCommand, type ComplaintChange } from './change-complaint.command.ts';

/** What every state-change route of a complaint does once its body is turned into a domain command. */
@Injectable()
export class ComplaintCommands {
  constructor(private readonly commands: CommandBus) {}

  async run(complaintId: string, command: ComplaintChange, context: CommandContext, reply: FastifyReply): Promise<CommandResponse> {
    return commandResponse(reply, await this.commands.execute(new ChangeComplaintCommand(complaintId, command, context)));
  }
}

/** Instants arrive in any ISO 8601 offset; events store them in UTC. */
export const utc = (instant: string) => new Date(instant).toISOString();
