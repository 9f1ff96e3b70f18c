/**
 * A command breaks a rule in the case's current state (HTTP 409). `rule` is a stable
 * machine-readable name; the message says which rule in words, without personal data.
 */
export class DomainRuleViolation extends Error {
  override readonly name = 'DomainRuleViolation';

  constructor(
    readonly rule: string,
    message: string,
  ) {
    super(message);
  }
}
