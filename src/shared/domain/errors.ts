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

/** A command names a part of the case (e.g. a service referral) that the case does not have (HTTP 404). */
export class UnknownCasePart extends Error {
  override readonly name = 'UnknownCasePart';

  constructor(
    readonly part: string,
    readonly partId: string,
  ) {
    super(`This case has no ${part} with id ${partId}`);
  }
}
