import { Module } from '@nestjs/common';
import { ComplainantMessagesController } from './commands/complainant-messages/complainant-messages.controller.ts';
import { ComplaintStatusLinkController } from './commands/status-link/status-link.controller.ts';
import { StatusLinksModule } from '../status-page/status-links.module.ts';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ComplaintListEntry } from '../../projections/complaints/complaint-list.entity.ts';
import { DipSampleEntry } from '../../projections/complaints/dip-sample.entity.ts';
import { ChangeComplaintHandler } from './commands/change-complaint/change-complaint.handler.ts';
import { ComplaintCommands } from './commands/change-complaint/complaint-commands.ts';
import { DipSampleController } from './commands/dip-sample/dip-sample.controller.ts';
import { ComplaintNotesController } from './commands/case-notes/case-notes.controller.ts';
import { DrawDipSampleHandler } from './commands/dip-sample/dip-sample.handler.ts';
import { ContactComplainantController } from './commands/contact-complainant/contact-complainant.controller.ts';
import { ComplainantDemographicsController } from './commands/demographics/demographics.controller.ts';
import { LogComplaintController } from './commands/log-complaint/log-complaint.controller.ts';
import { LogComplaintHandler } from './commands/log-complaint/log-complaint.handler.ts';
import { OutcomeController } from './commands/outcome/outcome.controller.ts';
import { ProgressUpdatesController } from './commands/progress-updates/progress-updates.controller.ts';
import { ReferController } from './commands/refer/refer.controller.ts';
import { ReviewController } from './commands/review/review.controller.ts';
import { TriageController } from './commands/triage/triage.controller.ts';
import { ComplaintCorrectionsController } from './commands/corrections/corrections.controller.ts';
import { WithdrawController } from './commands/withdraw/withdraw.controller.ts';
import { ComplaintStatusController } from './queries/complaint-status/complaint-status.controller.ts';
import { ComplaintStatusHandler } from './queries/complaint-status/complaint-status.handler.ts';
import { ComplaintsReportController } from './queries/complaints-report/complaints-report.controller.ts';
import { ComplaintsReportHandler } from './queries/complaints-report/complaints-report.handler.ts';
import { GetComplaintController } from './queries/get-complaint/get-complaint.controller.ts';
import { GetComplaintHandler } from './queries/get-complaint/get-complaint.handler.ts';
import { GetDipSampleController } from './queries/get-dip-sample/get-dip-sample.controller.ts';
import { GetDipSampleHandler } from './queries/get-dip-sample/get-dip-sample.handler.ts';
import { ListComplaintsController } from './queries/list-complaints/list-complaints.controller.ts';
import { ListComplaintsHandler } from './queries/list-complaints/list-complaints.handler.ts';

@Module({
  imports: [TypeOrmModule.forFeature([ComplaintListEntry, DipSampleEntry]), StatusLinksModule],
  controllers: [
    ComplaintStatusLinkController,
    ComplaintNotesController,
    LogComplaintController,
    DipSampleController,
    ContactComplainantController,
    ComplainantMessagesController,
    TriageController,
    ReferController,
    ProgressUpdatesController,
    OutcomeController,
    ReviewController,
    WithdrawController,
    ComplaintCorrectionsController,
    ComplainantDemographicsController,
    ListComplaintsController,
    GetComplaintController,
    ComplaintStatusController,
    ComplaintsReportController,
    GetDipSampleController,
  ],
  providers: [LogComplaintHandler, ChangeComplaintHandler, ComplaintCommands, GetComplaintHandler, ListComplaintsHandler, ComplaintStatusHandler, DrawDipSampleHandler, ComplaintsReportHandler, GetDipSampleHandler],
})
export class ComplaintsModule {}
