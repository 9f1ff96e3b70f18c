import { DomainRuleViolation } from './errors.ts';

/** For deciders' tests: the violation a decision raised; anything else, or nothing, fails the test. */
export function violationOf(action: () => unknown): DomainRuleViolation {
  try {
    action();
  } catch (error) {
    if (error instanceof DomainRuleViolation) return error;
    throw error;
  }
  throw new Error('expected a rule violation');
}

/** The name of the rule a decision broke. */
export const ruleOf = (action: () => unknown): string => violationOf(action).rule;
