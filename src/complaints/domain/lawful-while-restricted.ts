import type { ComplaintCommand } from './complaint.commands.ts';

/**
 * The complaint steps that go on while a data subject's processing is restricted (UK GDPR Art. 18(2): for the
 * rights of another person, or an important public interest): the duties the Police Reform Act 2002 (Schedule 3)
 * puts on the office whatever a subject asks, namely recording a complaint, referring one to the IOPC, and
 * recording the IOPC's review decision, which binds the force and is the complainant's statutory right.
 */
export function lawfulWhileRestricted(command: ComplaintCommand): boolean {
  if (command.type === 'ReferComplaint') return command.to === 'iopc';
  return command.type === 'RecordComplaint' || command.type === 'RecordIopcReviewDecision';
}
