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

/** What a referral's facts propose: its crime type as configured, the victim's age on the offence date (the day it was received when unknown). */
export function proposalFor(
  referral: { crimeTypeId: string; offenceDate: string | null; receivedAt: string; victim: { dateOfBirth: string | null } },
  crimeTypes: readonly Pick<CrimeType, 'id' | 'priorityGroup'>[],
): PriorityGroup[] {
  // A crime type no longer in the list proposes no group of its own.
  const crimeType = crimeTypes.find((type) => type.id === referral.crimeTypeId) ?? { priorityGroup: null };
  return proposePriorityGroups(crimeType, referral.victim.dateOfBirth, referral.offenceDate ?? referral.receivedAt.slice(0, 10));
}
