import { Global, Module } from '@nestjs/common';
import { SettingsAdminController } from './admin/settings-admin.controller.ts';
import { SettingsService } from './settings.service.ts';

@Global()
@Module({ controllers: [SettingsAdminController], providers: [SettingsService], exports: [SettingsService] })
export class SettingsModule {}
