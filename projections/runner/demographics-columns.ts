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
 * The domain's evolve never reads them, only sets them (at the case's first event, or an event recording them), so
 * the state is folded from the row's as it is, and only a state that set them is copied without them: otherwise
 * the row's columns stand.
 */
export function apartFromDemographics<State extends { demographics?: Demographics | null }>(
  folded: State,
  row: ({ state: Omit<State, 'demographics'> } & DemographicsColumns) | undefined,
): { state: Omit<State, 'demographics'> } & DemographicsColumns {
  if (row && folded.demographics === undefined) return { state: folded, gender: row.gender, ethnicity: row.ethnicity, disability: row.disability, age_band: row.age_band };
  const { demographics, ...state } = folded;
  return { state, ...demographicsColumns(demographics) };
}

/** The same columns in a migration: added empty, filled by the list's next version. */
export const ADD_DEMOGRAPHICS_COLUMNS = 'ADD COLUMN gender text, ADD COLUMN ethnicity text, ADD COLUMN disability text, ADD COLUMN age_band text';
export const DROP_DEMOGRAPHICS_COLUMNS = 'DROP COLUMN gender, DROP COLUMN ethnicity, DROP COLUMN disability, DROP COLUMN age_band';
