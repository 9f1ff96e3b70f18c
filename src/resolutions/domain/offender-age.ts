/** The age of criminal responsibility in England and Wales (Children and Young Persons Act 1933 s50). */
export const AGE_OF_CRIMINAL_RESPONSIBILITY = 10;
/** Under 18 at the offence, an offender admits and agrees only with an appropriate adult present (PACE Code C). */
export const ADULT_AGE = 18;
