import { Module, type DynamicModule } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { CqrsModule } from '@nestjs/cqrs';
import type { DestinationStream } from 'pino';
import { ProjectionsModule } from '../projections/projections.module.ts';
import { AuditModule } from './audit/audit.module.ts';
import { CaseAccessModule } from './case-access/case-access.module.ts';
import { RetentionModule } from './retention/retention.module.ts';
import { AuthModule } from './auth/auth.module.ts';
import { CommandPipelineModule } from './command-pipeline/command-pipeline.module.ts';
import type { AppConfig } from './config/config.schema.ts';
import { ComplaintsModule } from './complaints/complaints.module.ts';
import type { DatabaseUrls } from './database/database-url.ts';
import { DatabaseModule } from './database/database.module.ts';
import { databaseTimeouts } from './database/pool.ts';
import { EventStoreModule } from './event-store/event-store.module.ts';
import { HealthModule } from './health/health.module.ts';
import { NotifyModule } from './notify/notify.module.ts';
import { ObservabilityModule } from './observability/observability.module.ts';
import { PeopleModule } from './people/people.module.ts';
import { PersonalDataModule } from './personal-data/personal-data.module.ts';
import { ReferralsModule } from './referrals/referrals.module.ts';
import { ResolutionsModule } from './resolutions/resolutions.module.ts';
import { SettingsModule } from './settings/settings.module.ts';

export interface AppRuntime {
  /** Already validated by parseConfig at start. */
  config: AppConfig;
  databaseUrls: DatabaseUrls;
  /** Where the JSON log lines go; standard output unless given. */
  logDestination?: DestinationStream;
}

@Module({})
export class AppModule {
  static forRoot(runtime: AppRuntime): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, skipProcessEnv: true, load: [() => runtime.config] }),
        CqrsModule.forRoot(),
        ObservabilityModule.forRoot({ level: runtime.config.LOG_LEVEL, destination: runtime.logDestination }),
        DatabaseModule.forRoot(runtime.databaseUrls, databaseTimeouts(runtime.config)),
        EventStoreModule,
        AuthModule,
        CommandPipelineModule,
        SettingsModule,
        ProjectionsModule,
        HealthModule,
        AuditModule,
        PersonalDataModule,
        ReferralsModule,
        ComplaintsModule,
        ResolutionsModule,
        CaseAccessModule,
        NotifyModule,
        PeopleModule,
        RetentionModule,
      ],
    };
  }
}
