import { Injectable } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';

export interface LogContextFields {
  userId?: string;
  commandType?: string;
}

/** Adds fields to every later log line of the current request, its completion line included. */
@Injectable()
export class LogContext {
  constructor(private readonly logger: PinoLogger) {}

  assign(fields: LogContextFields): void {
    try {
      this.logger.assign(fields);
    } catch {
      // Outside a request (a CLI, a test driving the pipeline directly) there is no request log to enrich.
    }
  }
}
