import { DEMOGRAPHIC_LISTS, type Demographics } from '../../src/shared/domain/demographics.ts';

/** The columns a case list keeps a person's demographics in: counted by the reports, never listed. */
export interface DemographicsColumns {
  gender: string | null;
  ethnicity: string | null;
  disability: string | null;
  age_band: string | null;
}

/** An erased or withheld value reads as not recorded. */
export function demographicsColumns(demographics: Demographics | null | undefined): DemographicsColumns {
  const value = (field: keyof Demographics) => (demographics && DEMOGRAPHIC_LISTS[field].includes(demographics[field]) ? demographics[field] : null);
  return { gender: value('gender'), ethnicity: value('ethnicity'), disability: value('disability'), age_band: value('ageBand') };
}

/**
 * A row's folded state keeps no demographics: no page, response or report reads them from it, and special-category
 * data is kept only where it is needed, the columns the reports count (as categories per case, to count by period).
 */
export function apartFromDemographics<State extends { demographics?: Demographics | null }>(folded: State): { state: Omit<State, 'demographics'> } & DemographicsColumns {
  const { demographics, ...state } = folded;
  return { state, ...demographicsColumns(demographics) };
}

/**
 * The answers as the row's columns keep them, for the next event's fold to carry over (a value erased or withheld
 * there reads as not recorded, as demographicsColumns would read it again).
 */
export function demographicsIn({ gender, ethnicity, disability, age_band: ageBand }: DemographicsColumns): Demographics | null {
  if ([gender, ethnicity, disability, ageBand].every((value) => value === null)) return null;
  return { gender, ethnicity, disability, ageBand } as Demographics;
}

/** The same columns in a migration: added empty, filled by the list's next version. */
export const ADD_DEMOGRAPHICS_COLUMNS = 'ADD COLUMN gender text, ADD COLUMN ethnicity text, ADD COLUMN disability text, ADD COLUMN age_band text';
export const DROP_DEMOGRAPHICS_COLUMNS = 'DROP COLUMN gender, DROP COLUMN ethnicity, DROP COLUMN disability, DROP COLUMN age_band';
