/**
 * Why personal data is erased, restricted or its restriction lifted: a ground named after the UK GDPR article
 * the request relies on, never free text. A reason typed by hand could name the person, and the record of the
 * decision (and the erasure register outside the database) outlives the data it is about.
 */

/** Art. 17(1): the right to erasure. */
export const ERASURE_GROUNDS = [
  // (a) no longer necessary for the purposes collected (a retention period run out is this too)
  'art17-no-longer-necessary',
  // (b) consent withdrawn, where it was the lawful basis
  'art17-withdrawn-consent',
  // (c) the subject objected (Art. 21) and no overriding legitimate grounds
  'art17-objection',
  // (d) processed unlawfully
  'art17-unlawful-processing',
  // (e) erasure required by a legal obligation
  'art17-legal-obligation',
] as const;

/** Art. 18(1): the right to restriction of processing. */
export const RESTRICTION_GROUNDS = [
  // (a) accuracy contested, for as long as it takes to verify it
  'art18-accuracy-contested',
  // (b) processed unlawfully, and the subject asks for restriction instead of erasure
  'art18-unlawful-processing',
  // (c) no longer needed by the office, but by the subject for legal claims
  'art18-legal-claims',
  // (d) objection (Art. 21(1)) pending the verification of overriding grounds
  'art18-objection-pending',
] as const;

/** Art. 18(2) and (3): why a restriction ends (the subject is told before it is lifted). */
export const LIFT_GROUNDS = [
  // ends (1)(a): the accuracy has been verified or corrected
  'accuracy-verified',
  // ends (1)(d): the objection has been decided
  'objection-decided',
  // Art. 18(2): the subject consents to processing again
  'subject-consent',
  // ends (1)(c): the legal claims are established, exercised or defended
  'legal-claims-concluded',
] as const;

/**
 * Decisions recorded before grounds were asked for (schema version 1, whose free-text reason is not carried
 * forward), and an erasure whose request was lost (recorded on restart). Never accepted from the API.
 */
export const GROUND_NOT_RECORDED = 'not-recorded';
export type GroundNotRecorded = typeof GROUND_NOT_RECORDED;

export type ErasureGround = (typeof ERASURE_GROUNDS)[number];
export type RestrictionGround = (typeof RESTRICTION_GROUNDS)[number];
export type LiftGround = (typeof LIFT_GROUNDS)[number];
/** Any ground the API accepts, for one decision or another. */
export type DecisionGround = ErasureGround | RestrictionGround | LiftGround;

/** Every ground the API accepts, each decision's once (`art18-unlawful-processing` is not `art17-unlawful-processing`). */
export const DECISION_GROUNDS: readonly DecisionGround[] = [...ERASURE_GROUNDS, ...RESTRICTION_GROUNDS, ...LIFT_GROUNDS];

export const GROUNDS_OF = { Erase: ERASURE_GROUNDS, Restrict: RESTRICTION_GROUNDS, LiftRestriction: LIFT_GROUNDS } as const;

/** The office's reference for the request (e.g. `DSAR-2026-0142`): no spaces, so it is a reference, not prose. */
export const REQUEST_REFERENCE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9/._-]*$/;
export const REQUEST_REFERENCE_MAX_LENGTH = 40;

export const isRequestReference = (text: string): boolean => text.length <= REQUEST_REFERENCE_MAX_LENGTH && REQUEST_REFERENCE_PATTERN.test(text);

/** Why and for which request, as the decisions record it. */
export interface DecisionGrounds {
  ground: DecisionGround | GroundNotRecorded;
  /** Null where none was recorded (before version 2, or an erasure recorded on restart without its request). */
  requestReference: string | null;
}

/**
 * What a version 1 decision (or an erasure register line from then) said in free text, as grounds: none recorded,
 * and the reason kept as the request's reference only where it reads as one. Any other text is not carried
 * forward; the stored version 1 event still holds it, as the store is never rewritten.
 */
export const groundsOfReason = (reason: unknown): DecisionGrounds => ({
  ground: GROUND_NOT_RECORDED,
  requestReference: typeof reason === 'string' && isRequestReference(reason) ? reason : null,
});
