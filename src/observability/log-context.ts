import { Injectable } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import type { Logger } from 'pino';

export interface LogContextFields {
  userId?: string;
  commandType?: string;
}

/**
 * What each request learnt as it went, keyed by the request's logger (nestjs-pino keeps one per request and
 * logs the request's completion through it). Read when a line is written rather than bound as child loggers:
 * a child per field added cost a few per cent of the API's CPU on every command.
 */
const fieldsByRequestLogger = new WeakMap<Logger, LogContextFields>();

/** pino's `mixin`: the fields of the request whose logger writes the line. pino merges into the object returned. */
export function requestLogContext(_line: object, _level: number, logger: Logger): LogContextFields {
  const fields = fieldsByRequestLogger.get(logger);
  return fields ? { ...fields } : {};
}

/** Adds fields to every later log line of the current request, its completion line included. */
@Injectable()
export class LogContext {
  constructor(private readonly logger: PinoLogger) {}

  assign(fields: LogContextFields): void {
    const requestLogger = this.logger.logger;
    // Outside a request (a CLI, a test driving the pipeline directly) there is no request log to enrich.
    if (requestLogger === PinoLogger.root) return;
    fieldsByRequestLogger.set(requestLogger, { ...fieldsByRequestLogger.get(requestLogger), ...fields });
  }
}
