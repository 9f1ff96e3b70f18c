import { Global, Module, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { useNestForConstraints } from '../http/constraint-container.ts';
import { SettingsAdminController } from './admin/settings-admin.controller.ts';
import { InSettingsListConstraint } from './in-settings-list.ts';
import { SettingsService } from './settings.service.ts';

@Global()
@Module({ controllers: [SettingsAdminController], providers: [SettingsService, InSettingsListConstraint], exports: [SettingsService, InSettingsListConstraint] })
export class SettingsModule implements OnModuleInit, OnApplicationShutdown {
  private stopServingConstraints: (() => void) | undefined;

  constructor(private readonly moduleRef: ModuleRef) {}

  /** The configurable lists' constraint (and any other) is taken from this application while it is open. */
  onModuleInit(): void {
    this.stopServingConstraints = useNestForConstraints(this.moduleRef);
  }

  onApplicationShutdown(): void {
    this.stopServingConstraints?.();
  }
}
