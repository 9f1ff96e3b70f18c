import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ReferralListEntry } from '../../projections/referrals/referral-list.entity.ts';
import { AssessNeedsController } from './commands/assess-needs/assess-needs.controller.ts';
import { ReferralNotesController } from './commands/case-notes/case-notes.controller.ts';
import { ReferralStatusLinkController } from './commands/status-link/status-link.controller.ts';
import { StatusLinksModule } from '../status-page/status-links.module.ts';
import { AssignCaseManagerController } from './commands/assign-case-manager/assign-case-manager.controller.ts';
import { ChangeReferralHandler } from './commands/change-referral/change-referral.handler.ts';
import { ReferralCommands } from './commands/change-referral/referral-commands.ts';
import { CriminalJusticeController } from './commands/criminal-justice/criminal-justice.controller.ts';
import { ContactsController } from './commands/contacts/contacts.controller.ts';
import { ServiceReferralsController } from './commands/service-referrals/service-referrals.controller.ts';
import { VictimMessagesController } from './commands/victim-messages/victim-messages.controller.ts';
import { StatementsController } from './commands/statements/statements.controller.ts';
import { ReferralDemographicsController } from './commands/demographics/demographics.controller.ts';
import { ConsentController } from './commands/consent/consent.controller.ts';
import { CorrectionsController } from './commands/corrections/corrections.controller.ts';
import { CloseCaseController } from './commands/close-case/close-case.controller.ts';
import { DecideSupportController } from './commands/decide-support/decide-support.controller.ts';
import { ReceiveReferralController } from './commands/receive-referral/receive-referral.controller.ts';
import { ReceiveReferralHandler } from './commands/receive-referral/receive-referral.handler.ts';
import { BeaconReportController } from './queries/beacon-report/beacon-report.controller.ts';
import { BeaconReportHandler } from './queries/beacon-report/beacon-report.handler.ts';
import { GetReferralController } from './queries/get-referral/get-referral.controller.ts';
import { GetReferralHandler } from './queries/get-referral/get-referral.handler.ts';
import { ListReferralsController } from './queries/list-referrals/list-referrals.controller.ts';
import { ListReferralsHandler } from './queries/list-referrals/list-referrals.handler.ts';

@Module({
  imports: [TypeOrmModule.forFeature([ReferralListEntry]), StatusLinksModule],
  controllers: [
    ReferralNotesController,
    ReferralStatusLinkController,
    ReceiveReferralController,
    AssignCaseManagerController,
    AssessNeedsController,
    DecideSupportController,
    CloseCaseController,
    ContactsController,
    CriminalJusticeController,
    ServiceReferralsController,
    StatementsController,
    VictimMessagesController,
    CorrectionsController,
    ConsentController,
    ReferralDemographicsController,
    ListReferralsController,
    GetReferralController,
    BeaconReportController,
  ],
  providers: [BeaconReportHandler, ReceiveReferralHandler, ChangeReferralHandler, ReferralCommands, GetReferralHandler, ListReferralsHandler],
})
export class ReferralsModule {}
