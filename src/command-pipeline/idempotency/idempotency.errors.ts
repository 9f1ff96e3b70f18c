export type IdempotencyConflictKind = 'idempotency-key-reused' | 'idempotency-request-in-progress';

/** The Idempotency-Key was used for a different request, or its first request is still running (HTTP 409). */
export class IdempotencyConflict extends Error {
  override readonly name = 'IdempotencyConflict';

  constructor(readonly kind: IdempotencyConflictKind) {
    super(
      kind === 'idempotency-key-reused'
        ? 'This Idempotency-Key was already used with a different request'
        : 'The first request with this Idempotency-Key is still being handled: retry shortly',
    );
  }
}
