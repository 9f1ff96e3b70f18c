import { Query } from '@nestjs/cqrs';
import type { ReferralView } from './referral.view.ts';

export class GetReferralQuery extends Query<ReferralView | undefined> {
  constructor(readonly referralId: string) {
    super();
  }
}
