import { Injectable } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { commandResultOf } from './command-result.ts';
import { LogContext } from './log-context.ts';

/** The command pipeline reports each command here: its type goes into the request's log lines. */
@Injectable()
export class CommandTelemetry {
  constructor(
    private readonly logContext: LogContext,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext('Commands');
  }

  async observe<Result>(commandType: string, run: () => Promise<Result>): Promise<Result> {
    this.logContext.assign({ commandType });
    const started = performance.now();
    let failure: unknown;
    try {
      return await run();
    } catch (error) {
      failure = error;
      throw error;
    } finally {
      const result = commandResultOf(failure);
      // The rule a rejected command broke is a stable name, never personal data; the error's message is not logged.
      const rule = (failure as { rule?: unknown } | undefined)?.rule;
      this.logger.debug({ result, durationMs: Math.round(performance.now() - started), ...(typeof rule === 'string' ? { rule } : {}) }, 'command handled');
    }
  }
}

/** Domain commands are discriminated unions on `type`; anything else is reported as unknown. */
export function commandTypeOf(command: unknown): string {
  const type = (command as { type?: unknown } | null)?.type;
  return typeof type === 'string' ? type : 'unknown';
}
