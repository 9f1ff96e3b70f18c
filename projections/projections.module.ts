import { Global, Module } from '@nestjs/common';
import { ProjectionsAdminController } from './admin/projections-admin.controller.ts';
import { ProjectionsService } from './runner/projections.service.ts';

@Global()
@Module({ controllers: [ProjectionsAdminController], providers: [ProjectionsService], exports: [ProjectionsService] })
export class ProjectionsModule {}
