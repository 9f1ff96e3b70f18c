import { DEMOGRAPHIC_LISTS, type Demographics } from '../../src/shared/domain/demographics.ts';

/** The columns a case list keeps a person's demographics in; an erased or withheld value reads as not recorded. */
export function demographicsColumns(demographics: Demographics | null) {
  const value = (field: keyof Demographics) => (demographics && DEMOGRAPHIC_LISTS[field].includes(demographics[field]) ? demographics[field] : null);
  return { gender: value('gender'), ethnicity: value('ethnicity'), disability: value('disability'), age_band: value('ageBand') };
}
