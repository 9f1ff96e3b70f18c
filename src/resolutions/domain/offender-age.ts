/** Whole years between two calendar dates (YYYY-MM-DD). */
export function ageOn(dateOfBirth: string, date: string): number {
  const [birthYear, birthMonthDay] = [Number(dateOfBirth.slice(0, 4)), dateOfBirth.slice(5)];
  const [year, monthDay] = [Number(date.slice(0, 4)), date.slice(5)];
  return year - birthYear - (monthDay < birthMonthDay ? 1 : 0);
}

/** The age of criminal responsibility in England and Wales (Children and Young Persons Act 1933 s50). */
export const AGE_OF_CRIMINAL_RESPONSIBILITY = 10;
/** Under 18 at the offence, an offender admits and agrees only with an appropriate adult present (PACE Code C). */
export const ADULT_AGE = 18;
