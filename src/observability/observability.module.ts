import { Global, Module, type DynamicModule } from '@nestjs/common';
import { CommandTelemetry } from './command-telemetry.ts';
import { LoggingModule, type LoggingOptions } from './logging.module.ts';

/** Logs and command telemetry, available to every module (the command pipeline reports here). */
@Global()
@Module({})
export class ObservabilityModule {
  static forRoot(logging: LoggingOptions): DynamicModule {
    return {
      module: ObservabilityModule,
      imports: [LoggingModule.forRoot(logging)],
      providers: [CommandTelemetry],
      exports: [CommandTelemetry],
    };
  }
}
