import type { FastifyReply } from 'fastify';
import type { CommandOutcome } from '../command-pipeline/command-pipeline.ts';
import { commandResponse, type CommandResponse } from '../http/command-response.ts';

/**
 * The answer to an intake (a referral received, a complaint logged, a resolution proposed): the people its
 * data subjects may already be are read from an index that follows the write, so it links to them
 * rather than guessing before the index has caught up.
 */
export interface IntakeResponse extends CommandResponse {
  /** GET it with `X-Min-Position: <position>` to link each data subject to a person or confirm a new one. */
  possibleMatches: string;
}

export function intakeResponse(reply: FastifyReply, outcome: CommandOutcome, location: string): IntakeResponse {
  return { ...commandResponse(reply, outcome, location), possibleMatches: `/api/people/cases/${outcome.id}/possible-matches` };
}

/** The 201's documented shape: the command response and the link to the possible matches. */
export const INTAKE_RESPONSE_SCHEMA = {
  example: {
    id: '0b7c6a1e-0000-4000-8000-000000000001',
    revision: 1,
    position: '1042',
    possibleMatches: '/api/people/cases/0b7c6a1e-0000-4000-8000-000000000001/possible-matches',
  },
};
