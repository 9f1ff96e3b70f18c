import type { IntegrityReport } from '../event-store/integrity/verify-integrity.ts';
import type { AuditedEvent } from './history/audited-event.ts';

/** Readable text for operators; `--json` prints the same data as the routes do. */
export function describeEvent(event: AuditedEvent): string {
  const who = `${event.actor.sub} [${event.actor.roles.join(', ')}]`;
  return [
    `#${event.revision}  ${event.recordedAt}  ${event.type} (schema v${event.schemaVersion})  by ${who}`,
    `    position ${event.position}  correlation ${event.correlationId}  causation ${event.causationId}`,
    `    ${JSON.stringify(event.data)}`,
  ].join('\n');
}

export function describeState(kind: string, caseId: string, revision: number, view: object): string {
  return `${kind} ${caseId} as it stood after revision ${revision}:\n${JSON.stringify(view, null, 2)}`;
}

export function describeReport(report: IntegrityReport): string {
  const counts = `${report.eventsChecked} events in ${report.streamsChecked} streams checked, ${report.checkpointsVerified} signed checkpoints matched, ${report.unchained} written before chaining`;
  const broken = report.firstBreak;
  if (!broken) return `OK: ${counts}`;
  const where = 'stream' in broken ? `${broken.stream} revision ${broken.revision} (position ${broken.position}, event ${broken.eventId})` : `the checkpoint at position ${broken.checkpointPosition}`;
  return `BROKEN: ${broken.reason} at ${where}\n${counts}`;
}
