import { UnknownCasePart } from '../../shared/domain/errors.ts';
import { addressed } from '../../shared/domain/notify-message.ts';
import { checkUpdatesDue, complainantUpdated } from './complaint.decide.ts';
import type { RecordComplainantMessageDelivered, RecordComplainantMessageFailed, SendComplainantUpdate } from './complaint.commands.ts';
import type { ComplaintEvent } from './complaint.events.ts';
import type { LoggedComplaint } from './complaint.state.ts';

/** A progress update through GOV.UK Notify, while updates are due, to the address on file. */
export function sendComplainantUpdate(command: SendComplainantUpdate, state: LoggedComplaint): ComplaintEvent[] {
  checkUpdatesDue(state);
  const { recipient, templateId } = addressed(state.complainant, 'complainant', command.channel, command.templateId, 'a progress update');
  const queuedAt = command.metadata.now.toISOString();
  const data = {
    complaintId: state.id,
    messageId: command.messageId,
    subjectId: state.complainant.subjectId,
    channel: command.channel,
    templateId,
    recipient,
    personalisation: command.personalisation,
    summary: command.summary,
    queuedAt,
    sendAfter: queuedAt,
  };
  return [{ type: 'ComplainantMessageQueued', data }];
}

/** Delivered: the progress update counts as given then. Repeated receipts change nothing. */
export function recordComplainantMessageDelivered(command: RecordComplainantMessageDelivered, state: LoggedComplaint): ComplaintEvent[] {
  const message = pendingMessage(state, command.messageId);
  if (!message) return [];
  const delivered: ComplaintEvent = { type: 'ComplainantMessageDelivered', data: { complaintId: state.id, messageId: message.id, deliveredAt: command.at } };
  return [delivered, complainantUpdated(state, command.at, message.channel, message.summary)];
}

export function recordComplainantMessageFailed(command: RecordComplainantMessageFailed, state: LoggedComplaint): ComplaintEvent[] {
  const message = pendingMessage(state, command.messageId);
  if (!message) return [];
  return [{ type: 'ComplainantMessageFailed', data: { complaintId: state.id, messageId: message.id, reason: command.reason, failedAt: command.at } }];
}

function pendingMessage(state: LoggedComplaint, messageId: string): LoggedComplaint['messages'][number] | undefined {
  const message = state.messages.find((candidate) => candidate.id === messageId);
  if (!message) throw new UnknownCasePart('message', messageId);
  return message.outcome === 'pending' ? message : undefined;
}
