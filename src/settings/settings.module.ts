import { Global, Module } from '@nestjs/common';
import { SettingsAdminController } from './admin/settings-admin.controller.ts';
import { InSettingsListConstraint } from './in-settings-list.ts';
import { SettingsService } from './settings.service.ts';

@Global()
@Module({ controllers: [SettingsAdminController], providers: [SettingsService, InSettingsListConstraint], exports: [SettingsService, InSettingsListConstraint] })
export class SettingsModule {}
