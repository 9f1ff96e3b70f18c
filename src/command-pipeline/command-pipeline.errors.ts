/** The command targets a case that has no events (HTTP 404). */
export class CaseNotFound extends Error {
  override readonly name = 'CaseNotFound';

  constructor(readonly caseId: string) {
    super(`No case with id ${caseId}`);
  }
}

/** The client's If-Match revision is not the case's current revision (HTTP 412). */
export class RevisionMismatch extends Error {
  override readonly name = 'RevisionMismatch';

  constructor(
    readonly expected: readonly number[],
    readonly actual: number | undefined,
  ) {
    super(`The case is at revision ${actual ?? 'none'}, not ${expected.join(' or ') || 'one If-Match can match'}: reload it and decide again`);
  }
}

/** Other writers kept changing the case while this command re-decided (HTTP 409). */
export class TooMuchContention extends Error {
  override readonly name = 'TooMuchContention';

  constructor(readonly attempts: number) {
    super(`The case kept changing under this command (${attempts} attempts): try again`);
  }
}
