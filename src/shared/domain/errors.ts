/** A rule by its stable machine-readable name, and in words, without personal data. */
export interface BrokenRule {
  rule: string;
  message: string;
}

/**
 * A command breaks a rule in the case's current state (HTTP 409). `rule` names the first rule broken;
 * a command checked against several rules at once (e.g. a proposal's preconditions) lists them all in `broken`.
 */
export class DomainRuleViolation extends Error {
  override readonly name = 'DomainRuleViolation';
  readonly broken: readonly BrokenRule[];

  constructor(
    readonly rule: string,
    message: string,
    more: readonly BrokenRule[] = [],
  ) {
    super([message, ...more.map((other) => other.message)].join('; '));
    this.broken = [{ rule, message }, ...more];
  }

  static of([first, ...more]: readonly [BrokenRule, ...BrokenRule[]]): DomainRuleViolation {
    return new DomainRuleViolation(first.rule, first.message, more);
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

/** The caller's role does not allow this act on this case as it stands (HTTP 403), e.g. a case manager assigning a colleague. */
export class ActNotPermitted extends Error {
  override readonly name = 'ActNotPermitted';

  constructor(
    readonly rule: string,
    message: string,
  ) {
    super(message);
  }
}
