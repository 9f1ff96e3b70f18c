import { Injectable } from '@nestjs/common';
import { ValidationFailed } from '../http/problem.ts';
import { DEFAULT_CLOSURE_REASONS, DEFAULT_DECLINE_REASONS, DEFAULT_NEEDS_DOMAINS, DEFAULT_SUPPORT_SERVICES, type ListEntry } from './referral-lists.ts';

export type ReferralListName = 'needsDomains' | 'declineReasons' | 'closureReasons' | 'supportServices';

/** The configurable lists and thresholds of the victim journey; a value outside its list is a 400 naming the field. */
@Injectable()
export class ReferralSettings {
  /** Consecutive failed contact attempts after which a case is flagged "unable to contact". */
  readonly contactFailureThreshold = 3;

  private readonly lists: Record<ReferralListName, readonly ListEntry[]> = {
    needsDomains: DEFAULT_NEEDS_DOMAINS,
    declineReasons: DEFAULT_DECLINE_REASONS,
    closureReasons: DEFAULT_CLOSURE_REASONS,
    supportServices: DEFAULT_SUPPORT_SERVICES,
  };

  requireKnown(list: ReferralListName, field: string, ids: readonly string[]): void {
    const known = this.lists[list].map((entry) => entry.id);
    const unknown = ids.filter((id) => !known.includes(id));
    if (unknown.length > 0) throw new ValidationFailed([{ field, message: `${field} must be from: ${known.join(', ')}` }]);
  }

  labelOf(list: ReferralListName, id: string): string {
    return this.lists[list].find((entry) => entry.id === id)?.label ?? id;
  }
}
