import { assertNever, type CommandMetadata } from '../../shared/domain/decider.ts';
import { DomainRuleViolation } from '../../shared/domain/errors.ts';
import { refuseUnstorableText } from '../../shared/domain/storable-text.ts';
import type { PersonLinkEvent } from './person-link.events.ts';

export type PersonLinkState = { personId: string | null };

export type PersonLinkCommand =
  | { type: 'Link'; subjectId: string; personId: string; newPerson: boolean; reason: string; metadata: CommandMetadata }
  | { type: 'Unlink'; subjectId: string; personId: string; reason: string; metadata: CommandMetadata };

export function evolvePersonLink(_state: PersonLinkState, event: PersonLinkEvent): PersonLinkState {
  switch (event.type) {
    case 'SubjectLinkedToPerson':
      return { personId: event.data.personId };
    case 'SubjectUnlinkedFromPerson':
      return { personId: null };
    default:
      return assertNever(event);
  }
}

export function decidePersonLink(command: PersonLinkCommand, state: PersonLinkState): PersonLinkEvent[] {
  refuseUnstorableText(command);
  const at = command.metadata.now.toISOString();
  const { subjectId, personId, reason } = command;
  switch (command.type) {
    case 'Link':
      if (state.personId === personId) throw new DomainRuleViolation('already-linked', 'This data subject is already linked to this person');
      if (state.personId !== null) throw new DomainRuleViolation('linked-to-another-person', 'This data subject is linked to another person: unlink it first');
      return [{ type: 'SubjectLinkedToPerson', data: { subjectId, personId, newPerson: command.newPerson, reason, linkedAt: at } }];
    case 'Unlink':
      if (state.personId !== personId) throw new DomainRuleViolation('not-linked', 'This data subject is not linked to this person');
      return [{ type: 'SubjectUnlinkedFromPerson', data: { subjectId, personId, reason, unlinkedAt: at } }];
    default:
      return assertNever(command);
  }
}

export const personLinkDecider = {
  initialState: (): PersonLinkState => ({ personId: null }),
  evolve: evolvePersonLink,
  decide: decidePersonLink,
};
