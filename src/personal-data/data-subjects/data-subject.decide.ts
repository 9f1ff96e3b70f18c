import { assertNever, type CommandMetadata } from '../../shared/domain/decider.ts';
import { DomainRuleViolation } from '../../shared/domain/errors.ts';
import type { DataSubjectEvent } from './data-subject.events.ts';
import { refuseUnstorableText } from '../../shared/domain/storable-text.ts';

export type DataSubjectState = { erased: boolean; restricted: boolean };

export type DataSubjectCommand =
  | { type: 'Erase'; subjectId: string; reason: string; metadata: CommandMetadata }
  | { type: 'Restrict'; subjectId: string; reason: string; metadata: CommandMetadata }
  | { type: 'LiftRestriction'; subjectId: string; reason: string; metadata: CommandMetadata };

export function evolveDataSubject(state: DataSubjectState, event: DataSubjectEvent): DataSubjectState {
  switch (event.type) {
    case 'PersonalDataErased':
      return { erased: true, restricted: false };
    case 'ProcessingRestricted':
      return { ...state, restricted: true };
    case 'RestrictionLifted':
      return { ...state, restricted: false };
    default:
      return assertNever(event);
  }
}

export function decideDataSubject(command: DataSubjectCommand, state: DataSubjectState): DataSubjectEvent[] {
  refuseUnstorableText(command);
  if (state.erased) throw new DomainRuleViolation('already-erased', "This data subject's personal data has already been erased");
  const at = command.metadata.now.toISOString();
  const { subjectId, reason } = command;
  switch (command.type) {
    case 'Erase':
      return [{ type: 'PersonalDataErased', data: { subjectId, reason, erasedAt: at } }];
    case 'Restrict':
      if (state.restricted) throw new DomainRuleViolation('already-restricted', "Processing of this data subject's personal data is already restricted");
      return [{ type: 'ProcessingRestricted', data: { subjectId, reason, restrictedAt: at } }];
    case 'LiftRestriction':
      if (!state.restricted) throw new DomainRuleViolation('not-restricted', "Processing of this data subject's personal data is not restricted");
      return [{ type: 'RestrictionLifted', data: { subjectId, reason, liftedAt: at } }];
    default:
      return assertNever(command);
  }
}

export const dataSubjectDecider = {
  initialState: (): DataSubjectState => ({ erased: false, restricted: false }),
  evolve: evolveDataSubject,
  decide: decideDataSubject,
};
