import { describe, expect, it } from '@jest/globals';
import type { PinoLogger } from 'nestjs-pino';
import { CaseNotFound, RevisionMismatch } from '../command-pipeline/command-pipeline.errors.ts';
import { WrongExpectedRevision } from '../event-store/event-store.errors.ts';
import { DomainRuleViolation } from '../shared/domain/errors.ts';
import { CommandTelemetry, commandTypeOf } from './command-telemetry.ts';
import type { LogContext, LogContextFields } from './log-context.ts';
import { Metrics } from './metrics.ts';

function telemetry() {
  const metrics = new Metrics();
  const assigned: LogContextFields[] = [];
  const debugLines: object[] = [];
  const logContext = { assign: (fields: LogContextFields) => void assigned.push(fields) } as unknown as LogContext;
  const logger = { setContext: () => {}, debug: (fields: object) => void debugLines.push(fields) } as unknown as PinoLogger;
  return { metrics, assigned, debugLines, telemetry: new CommandTelemetry(logContext, logger, metrics) };
}

const count = async (metrics: Metrics, name: string, labels: Record<string, string> = {}) =>
  (await metrics.registry.getSingleMetric(name)!.get()).values.find((value) => Object.entries(labels).every(([key, label]) => value.labels[key] === label))?.value;

describe('command telemetry', () => {
  it('names the command in the request log and counts it by result', async () => {
    const { metrics, assigned, debugLines, telemetry: observed } = telemetry();
    await observed.observe('AssignCaseManager', async () => 'done');
    await expect(observed.observe('AssignCaseManager', async () => Promise.reject(new DomainRuleViolation('case-closed', 'The case is closed')))).rejects.toThrow('The case is closed');
    await expect(observed.observe('AssignCaseManager', async () => Promise.reject(new RevisionMismatch([1], 2)))).rejects.toBeInstanceOf(RevisionMismatch);
    await expect(observed.observe('AcceptSupport', async () => Promise.reject(new CaseNotFound('c-1')))).rejects.toBeInstanceOf(CaseNotFound);
    await expect(observed.observe('AcceptSupport', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');

    expect(assigned).toEqual([{ commandType: 'AssignCaseManager' }, { commandType: 'AssignCaseManager' }, { commandType: 'AssignCaseManager' }, { commandType: 'AcceptSupport' }, { commandType: 'AcceptSupport' }]);
    for (const [commandType, result] of [['AssignCaseManager', 'ok'], ['AssignCaseManager', 'rejected'], ['AssignCaseManager', 'conflict'], ['AcceptSupport', 'not-found'], ['AcceptSupport', 'error']]) {
      expect(await count(metrics, 'casework_commands_total', { command_type: commandType!, result: result! })).toBe(1);
    }
    // The rule's stable name is logged, the message (which a rule might one day fill with a value) is not.
    expect(debugLines[1]).toEqual({ result: 'rejected', rule: 'case-closed', durationMs: expect.any(Number) });
    expect(JSON.stringify(debugLines)).not.toContain('The case is closed');
  });

  it('times every append and counts the ones refused for a stale revision', async () => {
    const { metrics, telemetry: observed } = telemetry();
    await observed.observeAppend(async () => 'appended');
    await expect(observed.observeAppend(async () => Promise.reject(new WrongExpectedRevision('referral-1', 3, 4)))).rejects.toBeInstanceOf(WrongExpectedRevision);
    await expect(observed.observeAppend(async () => Promise.reject(new Error('connection lost')))).rejects.toThrow('connection lost');
    expect(await count(metrics, 'casework_event_store_append_conflicts_total')).toBe(1);
    expect(await count(metrics, 'casework_event_store_append_duration_seconds', { le: '+Inf' })).toBe(3);
  });

  it('reads the type of a domain command, and says unknown for anything else', () => {
    expect(commandTypeOf({ type: 'CloseCase', reason: 'x' })).toBe('CloseCase');
    expect(commandTypeOf({ kind: 'CloseCase' })).toBe('unknown');
    expect(commandTypeOf(null)).toBe('unknown');
  });
});
