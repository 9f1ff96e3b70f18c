/**
 * A case's restriction has a stream of its own, beside the case's: it works alike for every kind of case,
 * restricting or lifting never moves the case's revision (so no one's If-Match fails for it), and a
 * case's deciders never see who may read it.
 */
export const restrictedAccessStream = (caseId: string) => `case-access-${caseId}`;
