import { DomainRuleViolation } from '../../shared/domain/errors.ts';
import { effectiveAt } from '../../shared/domain/effective-time.ts';
import type { CorrectRestorativeJusticeStatus, CorrectVpsStatus, RecordRestorativeJusticeStatus, RecordVpsStatus } from './referral.commands.ts';
import type { ReferralEvent, RestorativeJusticeStatus, VpsStatus } from './referral.events.ts';
import type { ReceivedReferral } from './referral.state.ts';

/**
 * The Victims' Code rights to a Victim Personal Statement and to hear about restorative justice. A status
 * moves forward only (a victim who declined may still make a statement); moving back is a correction, with why.
 */
const VPS_ORDER: Record<VpsStatus, number> = { offered: 0, declined: 1, made: 2 };
const RESTORATIVE_JUSTICE_ORDER: Record<RestorativeJusticeStatus, number> = { 'information-given': 0, interested: 1 };

export function recordVpsStatus(command: RecordVpsStatus, state: ReceivedReferral): ReferralEvent[] {
  refuseGoingBack('personal statement', VPS_ORDER, state.personalStatement, command.status);
  return [{ type: 'VpsStatusRecorded', data: { referralId: state.id, status: command.status, recordedAt: effectiveAt(command, 'recorded', [[state.receivedAt, 'receipt']]) } }];
}

export function recordRestorativeJusticeStatus(command: RecordRestorativeJusticeStatus, state: ReceivedReferral): ReferralEvent[] {
  refuseGoingBack('restorative justice', RESTORATIVE_JUSTICE_ORDER, state.restorativeJustice, command.status);
  return [{ type: 'RestorativeJusticeStatusRecorded', data: { referralId: state.id, status: command.status, recordedAt: effectiveAt(command, 'recorded', [[state.receivedAt, 'receipt']]) } }];
}

export function correctVpsStatus(command: CorrectVpsStatus, state: ReceivedReferral): ReferralEvent[] {
  const from = correctable('personal statement', state.personalStatement, command.status);
  return [{ type: 'VpsStatusCorrected', data: { ...correction(command, state), from } }];
}

export function correctRestorativeJusticeStatus(command: CorrectRestorativeJusticeStatus, state: ReceivedReferral): ReferralEvent[] {
  const from = correctable('restorative justice', state.restorativeJustice, command.status);
  return [{ type: 'RestorativeJusticeStatusCorrected', data: { ...correction(command, state), from } }];
}

function refuseGoingBack<Status extends string>(what: string, order: Record<Status, number>, current: Status | null, next: Status): void {
  if (current !== null && order[next] < order[current]) {
    throw new DomainRuleViolation('correction-required', `The ${what} is ${current}: setting it back to ${next} is a correction, recorded with a reason`);
  }
}

function correctable<Status extends string>(what: string, current: Status | null, next: Status): Status {
  if (current === null) throw new DomainRuleViolation('nothing-to-correct', `No ${what} status has been recorded yet`);
  if (current === next) throw new DomainRuleViolation('status-unchanged', `The ${what} is already ${next}`);
  return current;
}

function correction<Status>(command: { status: Status; reason: string; metadata: { now: Date } }, state: ReceivedReferral) {
  return { referralId: state.id, subjectId: state.victim.subjectId, status: command.status, reason: command.reason, correctedAt: command.metadata.now.toISOString() };
}
