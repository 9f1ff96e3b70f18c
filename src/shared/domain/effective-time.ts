import { DomainRuleViolation } from './errors.ts';
import type { CommandMetadata } from './decider.ts';

/** What a step follows: the instant it cannot precede, and what to call it in the rule (`<step>-before-<name>`). */
export type Preceding = [at: string | null | undefined, name: string];

/**
 * When a state change took effect: the time given (a decision made earlier and typed in now), else now. Its
 * clocks start then, so it may be neither in the future nor before the case or the step it follows.
 */
export function effectiveAt(command: { at?: string; metadata: CommandMetadata }, step: string, preceding: Preceding[]): string {
  const at = command.at ?? command.metadata.now.toISOString();
  if (Date.parse(at) > command.metadata.now.getTime()) throw new DomainRuleViolation(`${step}-in-future`, `It can only be recorded as ${step} once that has happened`);
  for (const [earliest, name] of preceding) {
    if (earliest && Date.parse(at) < Date.parse(earliest)) {
      throw new DomainRuleViolation(`${step}-before-${name}`, `It cannot be ${step} before the ${name.replaceAll('-', ' ')}`);
    }
  }
  return at;
}
