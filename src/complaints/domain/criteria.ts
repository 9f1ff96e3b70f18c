/**
 * What an allegation alleges, as the triage officer assesses it. Each flag is a question the
 * Police Reform Act 2002 (Schedule 3, as amended in 2020) asks of a complaint.
 */
export const CRITERIA = [
  'deathOrSeriousInjury',
  'criminalOrDisciplinary',
  'article2Or3',
  'seriousAssault',
  'seriousSexualOffence',
  'seriousCorruption',
  /** Criminal or disciplinary conduct aggravated by discriminatory behaviour. */
  'discrimination',
  'chiefOfficer',
] as const;
export type Criterion = (typeof CRITERIA)[number];
export type CriteriaFlags = Record<Criterion, boolean>;

export const CRITERION_WORDS: Record<Criterion, string> = {
  deathOrSeriousInjury: 'conduct that caused death or serious injury',
  criminalOrDisciplinary: 'conduct that could be a criminal offence or justify disciplinary proceedings',
  article2Or3: 'a breach of Article 2 or 3 ECHR',
  seriousAssault: 'a serious assault',
  seriousSexualOffence: 'a serious sexual offence',
  seriousCorruption: 'serious corruption, including abuse of position for a sexual purpose',
  discrimination: 'criminal or disciplinary conduct aggravated by discrimination',
  chiefOfficer: 'conduct of a chief officer',
};

/**
 * Criteria that oblige recording under Schedule 3. Serious assault, serious sexual offences,
 * serious corruption and discrimination-aggravated conduct are criminal or disciplinary by nature,
 * so they oblige it too; a chief officer alone does not (the PCC may still handle that informally).
 */
export const RECORDING_CRITERIA: readonly Criterion[] = [
  'deathOrSeriousInjury',
  'criminalOrDisciplinary',
  'article2Or3',
  'seriousAssault',
  'seriousSexualOffence',
  'seriousCorruption',
  'discrimination',
];

/** Criteria that oblige referral to the IOPC rather than the force's Professional Standards Department. */
export const IOPC_REFERRAL_CRITERIA: readonly Criterion[] = [
  'deathOrSeriousInjury',
  'seriousAssault',
  'seriousSexualOffence',
  'seriousCorruption',
  'discrimination',
  'chiefOfficer',
];

/** Why the IOPC, not the PCC, reviews the outcome of a recorded complaint. */
export const IOPC_REVIEW_REASONS = ['senior-officer', 'referred-to-iopc', 'criminal-or-disciplinary', 'article-2-or-3'] as const;
export type IopcReviewReason = (typeof IOPC_REVIEW_REASONS)[number];

const REVIEW_REASON_OF: Partial<Record<Criterion, IopcReviewReason>> = {
  chiefOfficer: 'senior-officer',
  criminalOrDisciplinary: 'criminal-or-disciplinary',
  seriousAssault: 'criminal-or-disciplinary',
  seriousSexualOffence: 'criminal-or-disciplinary',
  seriousCorruption: 'criminal-or-disciplinary',
  discrimination: 'criminal-or-disciplinary',
  deathOrSeriousInjury: 'article-2-or-3',
  article2Or3: 'article-2-or-3',
};

export const NO_CRITERIA: CriteriaFlags = Object.fromEntries(CRITERIA.map((criterion) => [criterion, false])) as CriteriaFlags;

/** The criteria of `among` that any of the flag sets meets, in the order of CRITERIA. */
export function metCriteria(flagSets: readonly CriteriaFlags[], among: readonly Criterion[] = CRITERIA): Criterion[] {
  return CRITERIA.filter((criterion) => among.includes(criterion) && flagSets.some((flags) => flags[criterion]));
}

export interface ReviewBodyFacts {
  flagSets: readonly CriteriaFlags[];
  concernsChiefOfficer: boolean;
  referredToIopc: boolean;
}

export type ReviewBody = 'iopc' | 'pcc';

/** The IOPC reviews where any reason applies; otherwise the PCC (the local policing body) does. */
export function reviewBodyFor(facts: ReviewBodyFacts): { body: ReviewBody; reasons: IopcReviewReason[] } {
  const reasons = new Set<IopcReviewReason>();
  if (facts.concernsChiefOfficer) reasons.add('senior-officer');
  if (facts.referredToIopc) reasons.add('referred-to-iopc');
  for (const criterion of metCriteria(facts.flagSets)) reasons.add(REVIEW_REASON_OF[criterion]!);
  const ordered = IOPC_REVIEW_REASONS.filter((reason) => reasons.has(reason));
  return { body: ordered.length > 0 ? 'iopc' : 'pcc', reasons: ordered };
}
