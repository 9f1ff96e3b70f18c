import type { FastifyReply } from 'fastify';
import type { CommandOutcome } from '../command-pipeline/command-pipeline.ts';

/** The body of every command response; `position` lets a client ask a query to wait for its write. */
export interface CommandResponse {
  id: string;
  revision: number;
  position: string;
}

export function commandResponse(reply: FastifyReply, outcome: CommandOutcome, location?: string): CommandResponse {
  void reply.header('etag', `"${outcome.revision}"`);
  if (location) void reply.header('location', location);
  return { id: outcome.id, revision: outcome.revision, position: outcome.position.toString() };
}
