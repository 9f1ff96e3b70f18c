import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ReferralListEntry } from '../../projections/referrals/referral-list.entity.ts';
import { AssignCaseManagerController } from './commands/assign-case-manager/assign-case-manager.controller.ts';
import { AssignCaseManagerHandler } from './commands/assign-case-manager/assign-case-manager.handler.ts';
import { ReceiveReferralController } from './commands/receive-referral/receive-referral.controller.ts';
import { ReceiveReferralHandler } from './commands/receive-referral/receive-referral.handler.ts';
import { GetReferralController } from './queries/get-referral/get-referral.controller.ts';
import { GetReferralHandler } from './queries/get-referral/get-referral.handler.ts';
import { ListReferralsController } from './queries/list-referrals/list-referrals.controller.ts';
import { ListReferralsHandler } from './queries/list-referrals/list-referrals.handler.ts';

@Module({
  imports: [TypeOrmModule.forFeature([ReferralListEntry])],
  controllers: [ReceiveReferralController, AssignCaseManagerController, ListReferralsController, GetReferralController],
  providers: [ReceiveReferralHandler, AssignCaseManagerHandler, GetReferralHandler, ListReferralsHandler],
})
export class ReferralsModule {}
