import { Global, Module, type DynamicModule } from '@nestjs/common';
import { CommandTelemetry } from './command-telemetry.ts';
import { HttpMetrics } from './http-metrics.ts';
import { LoggingModule, type LoggingOptions } from './logging.module.ts';
import { MetricsController } from './metrics.controller.ts';
import { Metrics } from './metrics.ts';
import { ProjectionMetrics } from './projection-metrics.ts';

/** Logs, metrics (`GET /api/metrics`) and command telemetry, available to every module (the command pipeline reports here). */
@Global()
@Module({})
export class ObservabilityModule {
  static forRoot(logging: LoggingOptions): DynamicModule {
    return {
      module: ObservabilityModule,
      imports: [LoggingModule.forRoot(logging)],
      controllers: [MetricsController],
      providers: [CommandTelemetry, Metrics, HttpMetrics, ProjectionMetrics],
      exports: [CommandTelemetry, Metrics, LoggingModule],
    };
  }
}
