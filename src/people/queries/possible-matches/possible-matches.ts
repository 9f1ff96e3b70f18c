import { matchedFields } from '../../match-keys.ts';
import type { Appearance } from '../../people-index.ts';

/** Where else someone appears, as one person (when recognised) or one record not yet linked to anyone. */
export interface Candidate {
  personId: string | null;
  /** The details this case's data subject shares with the candidate, most first. */
  matchedOn: string[];
  cases: { caseId: string; caseKind: string; role: string; subjectId: string }[];
}

export const caseOf = ({ caseId, caseKind, role, subjectId }: Appearance) => ({ caseId, caseKind, role, subjectId });

/**
 * Groups appearances that share keys with `keys` by the person they were recognised as, leaving out
 * `self`; the best-matched candidates first.
 */
export function candidatesFor(keys: readonly string[], appearances: readonly Appearance[], self: readonly string[] = []): Candidate[] {
  const byPerson = new Map<string, Candidate & { shared: Set<string> }>();
  for (const appearance of appearances) {
    if (self.includes(appearance.subjectId)) continue;
    const group = appearance.personId ?? `subject:${appearance.subjectId}`;
    const candidate = byPerson.get(group) ?? { personId: appearance.personId, matchedOn: [], cases: [], shared: new Set<string>() };
    for (const key of appearance.matchKeys) if (keys.includes(key)) candidate.shared.add(key);
    candidate.cases.push(caseOf(appearance));
    byPerson.set(group, candidate);
  }
  return [...byPerson.values()]
    .map(({ shared, ...candidate }) => ({ ...candidate, matchedOn: matchedFields([...shared]) }))
    .filter((candidate) => candidate.matchedOn.length > 0)
    .sort((a, b) => b.matchedOn.length - a.matchedOn.length);
}
