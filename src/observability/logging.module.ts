import { Module, type DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { destination as pinoDestination, stdTimeFunctions, type DestinationStream, type LevelWithSilent } from 'pino';
import type { Options } from 'pino-http';
import { errorFields, requestBindings, requestFields, responseFields } from './log-fields.ts';
import { LogContext, requestLogContext } from './log-context.ts';

export interface LoggingOptions {
  level: LevelWithSilent;
  /** Standard output unless given (tests read their own stream). */
  destination?: DestinationStream;
}

/** One JSON line per log entry; request lines carry the correlation id, the user and the command type. */
@Module({})
export class LoggingModule {
  static forRoot({ level, destination }: LoggingOptions): DynamicModule {
    const options: Options = {
      level,
      timestamp: stdTimeFunctions.isoTime,
      serializers: { req: requestFields, res: responseFields, err: errorFields },
      customProps: requestBindings,
      mixin: requestLogContext,
      customLogLevel: (_request, response, error) => (error || response.statusCode >= 500 ? 'error' : 'info'),
      // Probes and scrapes every few seconds would bury the requests people make.
      // The middleware sees the URL below its mount point; the original is the one a client asked for.
      autoLogging: { ignore: (request) => /^\/api\/(health|metrics)(\/|\?|$)/.test((request as { originalUrl?: string }).originalUrl ?? request.url ?? '') },
    };
    return {
      module: LoggingModule,
      imports: [LoggerModule.forRoot({ pinoHttp: [options, destination ?? standardOutput()] })],
      providers: [LogContext],
      exports: [LogContext],
    };
  }
}

/**
 * Standard output written asynchronously: a synchronous write per request line held up the one thread that
 * answers requests. pino flushes what is buffered when the process exits.
 */
function standardOutput(): DestinationStream {
  return pinoDestination({ dest: 1, sync: false });
}
