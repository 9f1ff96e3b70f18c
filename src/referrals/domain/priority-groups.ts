import { ageOn } from '../../calendar/working-days.ts';
import type { CrimeType } from '../../settings/domain/crime-types.ts';

/** The Victims' Code's three groups entitled to an enhanced service. */
export const PRIORITY_GROUPS = ['most-serious-crime', 'persistently-targeted', 'vulnerable-or-intimidated'] as const;
export type PriorityGroup = (typeof PRIORITY_GROUPS)[number];

/**
 * What the system can tell from the referral alone: the crime type's group, and under-18s at the
 * time of the offence as vulnerable. Fear or an impairment affecting evidence only the case manager
 * can judge, so they add those groups themselves.
 */
export function proposePriorityGroups(crimeType: Pick<CrimeType, 'priorityGroup'>, dateOfBirth: string | null, offenceDate: string): PriorityGroup[] {
  const groups = new Set<PriorityGroup>();
  if (crimeType.priorityGroup) groups.add(crimeType.priorityGroup);
  if (dateOfBirth && ageOn(dateOfBirth, offenceDate) < 18) groups.add('vulnerable-or-intimidated');
  return PRIORITY_GROUPS.filter((group) => groups.has(group));
}
