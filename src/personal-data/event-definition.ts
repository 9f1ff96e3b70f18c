import type { JsonObject } from '../event-store/event-store.port.ts';

/**
 * Where one person's personal data sits in an event. Paths are dotted; `[]` steps into every
 * element of an array, e.g. `victims[].name` with subject id at `victims[].subjectId`.
 */
export interface PersonalDataSpec {
  subjectIdPath: string;
  fields: string[];
  /** Free text about the case, sealed under the case's own data subject (see `caseText`). */
  ofCase?: true;
}

/**
 * Free text a user typed about a case (reasons, notes, summaries, references) may name any of the case's
 * people, so it is sealed under the case's own data subject, whose id is the case id at `caseIdPath`:
 * the erasure or restriction of any person of the case reaches it too (`CaseSubjects`).
 */
export function caseText(caseIdPath: string, fields: string[]): PersonalDataSpec {
  return { subjectIdPath: caseIdPath, fields, ofCase: true };
}

/** An older version's shape is the same; only where its values are sealed changed (see `earlierPersonalData`). */
export const sameShape: Upcaster = (data) => data;

/** Rewrites the payload of an older schema version into the next version's shape. */
export type Upcaster = (data: JsonObject) => JsonObject;

/**
 * The stored contract of one event type. Once events of a version reach main, that version's
 * shape never changes: a new shape gets a new version and an upcaster from the previous one.
 */
export interface EventDefinition<Type extends string = string> {
  type: Type;
  schemaVersion: number;
  /** Where the current version keeps personal data: the store seals every value there, and opens only values there. */
  personalData: PersonalDataSpec[];
  /** Where an older version kept it, keyed by that version, if not where the current one does. */
  earlierPersonalData?: Record<number, PersonalDataSpec[]>;
  /** Keyed by the version they upgrade from. */
  upcasters?: Record<number, Upcaster>;
  /**
   * Every other string in the current version's payload (`[]` for each element of an array): ids, codes,
   * list entries, dates and times, which are not personal data. A string field declared neither here nor
   * in `personalData` fails the free-text test (test/e2e/free-text-erasure.e2e-spec.ts).
   */
  plain: string[];
}

export function defineEvent<const Type extends string>(definition: EventDefinition<Type>): EventDefinition<Type> {
  return definition;
}
