import type { JsonObject } from '../event-store/event-store.port.ts';

/**
 * Where one person's personal data sits in an event. Paths are dotted; `[]` steps into every
 * element of an array, e.g. `victims[].name` with subject id at `victims[].subjectId`.
 */
export interface PersonalDataSpec {
  subjectIdPath: string;
  fields: string[];
}

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
}

export function defineEvent<const Type extends string>(definition: EventDefinition<Type>): EventDefinition<Type> {
  return definition;
}
