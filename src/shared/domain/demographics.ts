import { ageOn, type CalendarDate } from '../../calendar/working-days.ts';
import { DomainRuleViolation } from './errors.ts';

/**
 * Equality monitoring (DOMAIN.md): special-category personal data, optional, recorded with the person's
 * consent and reported only in aggregate. Every list lets the person decline to answer.
 */
export const PREFER_NOT_TO_SAY = 'prefer-not-to-say';

/** Gender as the person describes it, in the categories the office's equality forms use. */
export const GENDERS = ['woman', 'man', 'non-binary', 'other', PREFER_NOT_TO_SAY] as const;

/** Disability as the Equality Act 2010 (s6) defines it, self-declared. */
export const DISABILITIES = ['yes', 'no', PREFER_NOT_TO_SAY] as const;

/** The ONS 2021 Census ethnic groups for England and Wales: 19 detailed categories in 5 groups. */
export const ETHNIC_GROUPS = {
  asian: ['asian-bangladeshi', 'asian-chinese', 'asian-indian', 'asian-pakistani', 'asian-other'],
  black: ['black-african', 'black-caribbean', 'black-other'],
  mixed: ['mixed-white-and-asian', 'mixed-white-and-black-african', 'mixed-white-and-black-caribbean', 'mixed-other'],
  white: ['white-british', 'white-irish', 'white-gypsy-or-irish-traveller', 'white-roma', 'white-other'],
  other: ['other-arab', 'other-any-other'],
} as const;
export const ETHNICITIES = [...Object.values(ETHNIC_GROUPS).flat(), PREFER_NOT_TO_SAY] as const;

/** Age at the offence, in the bands of the national victim surveys; `unknown` without a date of birth. */
export const AGE_BANDS = ['0-17', '18-24', '25-34', '35-44', '45-54', '55-64', '65+', 'unknown'] as const;
const BAND_FLOORS = [[65, '65+'], [55, '55-64'], [45, '45-54'], [35, '35-44'], [25, '25-34'], [18, '18-24'], [0, '0-17']] as const;

export type Gender = (typeof GENDERS)[number];
export type Disability = (typeof DISABILITIES)[number];
export type Ethnicity = (typeof ETHNICITIES)[number];
export type AgeBand = (typeof AGE_BANDS)[number];

/** What the person said about themselves; the age band is derived, never asked. */
export interface DeclaredDemographics {
  gender: Gender;
  ethnicity: Ethnicity;
  disability: Disability;
}

export interface Demographics extends DeclaredDemographics {
  ageBand: AgeBand;
}

export function ageBandAt(dateOfBirth: CalendarDate | null, offenceDate: CalendarDate): AgeBand {
  if (!dateOfBirth) return 'unknown';
  const age = ageOn(dateOfBirth, offenceDate);
  return BAND_FLOORS.find(([floor]) => age >= floor)?.[1] ?? '0-17';
}

const LISTS = { gender: GENDERS, ethnicity: ETHNICITIES, disability: DISABILITIES } as const;
export const DEMOGRAPHIC_LISTS: Record<keyof Demographics, readonly string[]> = { ...LISTS, ageBand: AGE_BANDS };

/**
 * Whoever sends the command, a value outside its list is refused, naming the field; so is recording again
 * exactly what is already recorded (a change that changes nothing).
 */
export function checkDemographics(declared: DeclaredDemographics, current: Demographics | null, ageBand: AgeBand): Demographics {
  for (const [field, list] of Object.entries(LISTS)) {
    const value = declared[field as keyof DeclaredDemographics];
    if (!(list as readonly string[]).includes(value)) throw new DomainRuleViolation('demographic-not-in-list', `${field} must be one of: ${list.join(', ')}`);
  }
  const next: Demographics = { gender: declared.gender, ethnicity: declared.ethnicity, disability: declared.disability, ageBand };
  if (current && (Object.keys(next) as (keyof Demographics)[]).every((key) => current[key] === next[key])) {
    throw new DomainRuleViolation('demographics-unchanged', 'These demographics are already recorded');
  }
  return next;
}
