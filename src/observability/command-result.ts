import { CaseNotFound, RevisionMismatch, TooMuchContention } from '../command-pipeline/command-pipeline.errors.ts';
import { ProcessingRestricted } from '../personal-data/processing-restriction.ts';
import { ValidationFailed } from '../http/problem.ts';
import { ActNotPermitted, DomainRuleViolation, UnknownCasePart } from '../shared/domain/errors.ts';

export const COMMAND_RESULTS = ['ok', 'rejected', 'invalid', 'not-found', 'conflict', 'error'] as const;
export type CommandResult = (typeof COMMAND_RESULTS)[number];

/** How a failed command ended, in a handful of values: few enough to label metrics with, nothing from the error's text. */
export function commandResultOf(error: unknown): Exclude<CommandResult, 'ok'> {
  if (error instanceof DomainRuleViolation || error instanceof ActNotPermitted || error instanceof ProcessingRestricted) return 'rejected';
  if (error instanceof ValidationFailed) return 'invalid';
  if (error instanceof CaseNotFound || error instanceof UnknownCasePart) return 'not-found';
  if (error instanceof RevisionMismatch || error instanceof TooMuchContention) return 'conflict';
  return 'error';
}
