/** RFC 9457 problem details, the body of every error response. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[];
  /** For rule violations: the stable name of the (first) rule that was broken. */
  rule?: string;
  /** For rule violations: every rule broken, when the command was checked against several at once. */
  rules?: string[];
}

export interface FieldError {
  field: string;
  message: string;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export const problemType = (slug: string) => `/problems/${slug}`;

/** A request that fails validation (HTTP 400), with every failing field listed. */
export class ValidationFailed extends Error {
  override readonly name = 'ValidationFailed';

  constructor(readonly errors: FieldError[]) {
    super(`${errors.length} field(s) failed validation`);
  }
}
