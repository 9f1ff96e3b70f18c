import { Global, Module } from '@nestjs/common';
import { ParkedEventsController } from './admin/parked-events.controller.ts';
import { ProjectionsAdminController } from './admin/projections-admin.controller.ts';
import { ProjectionsService } from './runner/projections.service.ts';
import { CaseTimeline } from './timeline/case-timeline.ts';

@Global()
@Module({ controllers: [ProjectionsAdminController, ParkedEventsController], providers: [ProjectionsService, CaseTimeline], exports: [ProjectionsService, CaseTimeline] })
export class ProjectionsModule {}
