import { Module } from '@nestjs/common';
import { AssignCaseManagerController } from './commands/assign-case-manager/assign-case-manager.controller.ts';
import { AssignCaseManagerHandler } from './commands/assign-case-manager/assign-case-manager.handler.ts';
import { ReceiveReferralController } from './commands/receive-referral/receive-referral.controller.ts';
import { ReceiveReferralHandler } from './commands/receive-referral/receive-referral.handler.ts';
import { GetReferralController } from './queries/get-referral/get-referral.controller.ts';
import { GetReferralHandler } from './queries/get-referral/get-referral.handler.ts';

@Module({
  controllers: [ReceiveReferralController, AssignCaseManagerController, GetReferralController],
  providers: [ReceiveReferralHandler, AssignCaseManagerHandler, GetReferralHandler],
})
export class ReferralsModule {}
