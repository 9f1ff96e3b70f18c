import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ResolutionListEntry } from '../../projections/resolutions/resolution-list.entity.ts';
import { ChangeResolutionHandler } from './commands/change-resolution/change-resolution.handler.ts';
import { ResolutionCommands } from './commands/change-resolution/resolution-commands.ts';
import { ResolutionCorrectionsController } from './commands/corrections/corrections.controller.ts';
import { CloseResolutionController } from './commands/close-resolution/close-resolution.controller.ts';
import { ResolutionNotesController } from './commands/case-notes/case-notes.controller.ts';
import { OffenderDemographicsController } from './commands/demographics/demographics.controller.ts';
import { InformVictimController } from './commands/inform-victim/inform-victim.controller.ts';
import { ProposeResolutionController } from './commands/propose-resolution/propose-resolution.controller.ts';
import { ProposeResolutionHandler } from './commands/propose-resolution/propose-resolution.handler.ts';
import { RemediesController } from './commands/remedies/remedies.controller.ts';
import { SupervisorDecisionController } from './commands/supervisor-decision/supervisor-decision.controller.ts';
import { GetResolutionController } from './queries/get-resolution/get-resolution.controller.ts';
import { GetResolutionHandler } from './queries/get-resolution/get-resolution.handler.ts';
import { ListResolutionsController } from './queries/list-resolutions/list-resolutions.controller.ts';
import { ListResolutionsHandler } from './queries/list-resolutions/list-resolutions.handler.ts';
import { ResolutionsReportController } from './queries/resolutions-report/resolutions-report.controller.ts';
import { ResolutionsReportHandler } from './queries/resolutions-report/resolutions-report.handler.ts';

@Module({
  imports: [TypeOrmModule.forFeature([ResolutionListEntry])],
  controllers: [
    ResolutionNotesController,
    ProposeResolutionController,
    SupervisorDecisionController,
    RemediesController,
    InformVictimController,
    CloseResolutionController,
    ResolutionCorrectionsController,
    OffenderDemographicsController,
    ListResolutionsController,
    GetResolutionController,
    ResolutionsReportController,
  ],
  providers: [ProposeResolutionHandler, ChangeResolutionHandler, ResolutionCommands, GetResolutionHandler, ListResolutionsHandler, ResolutionsReportHandler],
})
export class ResolutionsModule {}
