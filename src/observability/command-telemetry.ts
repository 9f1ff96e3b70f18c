import { Injectable } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { WrongExpectedRevision } from '../event-store/event-store.errors.ts';
import { commandResultOf } from './command-result.ts';
import { LogContext } from './log-context.ts';
import { Metrics } from './metrics.ts';

/** The command pipeline reports each command and append here: into the request's log lines and the metrics. */
@Injectable()
export class CommandTelemetry {
  constructor(
    private readonly logContext: LogContext,
    private readonly logger: PinoLogger,
    private readonly metrics: Metrics,
  ) {
    this.logger.setContext('Commands');
  }

  async observe<Result>(commandType: string, run: () => Promise<Result>): Promise<Result> {
    this.logContext.assign({ commandType });
    const started = performance.now();
    let failure: { error: unknown } | undefined;
    try {
      return await run();
    } catch (error) {
      failure = { error };
      throw error;
    } finally {
      const result = failure ? commandResultOf(failure.error) : 'ok';
      const seconds = (performance.now() - started) / 1000;
      this.metrics.commands.inc({ command_type: commandType, result });
      this.metrics.commandDuration.observe({ command_type: commandType, result }, seconds);
      // The rule a rejected command broke is a stable name, never personal data; the error's message is not logged.
      const rule = (failure?.error as { rule?: unknown } | undefined)?.rule;
      this.logger.debug({ result, durationMs: Math.round(seconds * 1000), ...(typeof rule === 'string' ? { rule } : {}) }, 'command handled');
    }
  }

  async observeAppend<Result>(append: () => Promise<Result>): Promise<Result> {
    const stopTimer = this.metrics.appendDuration.startTimer();
    try {
      return await append();
    } catch (error) {
      if (error instanceof WrongExpectedRevision) this.metrics.appendConflicts.inc();
      throw error;
    } finally {
      stopTimer();
    }
  }
}

/** Domain commands are discriminated unions on `type`; anything else is reported as unknown. */
export function commandTypeOf(command: unknown): string {
  const type = (command as { type?: unknown } | null)?.type;
  return typeof type === 'string' ? type : 'unknown';
}
