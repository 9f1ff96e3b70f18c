import { Query } from '@nestjs/cqrs';
import type { Viewer } from '../../../case-access/domain/restricted-access.decide.ts';
import type { Page } from '../../../http/page.ts';
import type { ListReferralsDto } from './list-referrals.dto.ts';

export interface ReferralListItem {
  id: string;
  status: string;
  source: string;
  crimeType: string;
  caseManager: string | null;
  enhanced: boolean;
  nextContactDue: string | null;
  contactOverdue: boolean;
  /** Earliest criminal-justice update still owed, as a date in England. */
  nextUpdateDue: string | null;
  updateOverdue: boolean;
  unableToContact: boolean;
  /** A police referral passed on more than 2 working days after the crime report (on the shipped calendar). */
  policeReferralDelayed: boolean;
  victimName: string;
  receivedAt: string;
  revision: number;
}

export class ListReferralsQuery extends Query<Page<ReferralListItem>> {
  constructor(
    readonly filters: ListReferralsDto,
    readonly order: 'newest' | 'due',
    /** Restricted referrals they are not named on are left out. */
    readonly viewer: Viewer,
  ) {
    super();
  }
}
