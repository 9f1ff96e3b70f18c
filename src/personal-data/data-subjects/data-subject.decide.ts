import { assertNever, type CommandMetadata } from '../../shared/domain/decider.ts';
import { DomainRuleViolation } from '../../shared/domain/errors.ts';
import type { DataSubjectEvent } from './data-subject.events.ts';
import { refuseUnstorableText } from '../../shared/domain/storable-text.ts';
import { GROUND_NOT_RECORDED, GROUNDS_OF, isRequestReference, type DecisionGrounds, type GroundNotRecorded } from './data-subject-grounds.ts';

export type DataSubjectState = { erased: boolean; restricted: boolean };

type Decision<Type extends string> = DecisionGrounds & { type: Type; subjectId: string; metadata: CommandMetadata };

export type DataSubjectCommand = Decision<'Erase'> | Decision<'Restrict'> | Decision<'LiftRestriction'>;

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

/**
 * The command's ground if it is one of the decision's. `not-recorded` only for an erasure whose request was lost
 * (recorded on restart, or reapplied from an old register line): the API never accepts it.
 */
function groundFor<Type extends DataSubjectCommand['type']>(type: Type, ground: string): (typeof GROUNDS_OF)[Type][number] | GroundNotRecorded {
  const grounds: readonly string[] = GROUNDS_OF[type];
  if (grounds.includes(ground)) return ground as (typeof GROUNDS_OF)[Type][number];
  if (type === 'Erase' && ground === GROUND_NOT_RECORDED) return GROUND_NOT_RECORDED;
  throw new DomainRuleViolation('ground-not-allowed', `The ground must be one of ${grounds.join(', ')}`);
}

export function decideDataSubject(command: DataSubjectCommand, state: DataSubjectState): DataSubjectEvent[] {
  refuseUnstorableText(command);
  const { subjectId, requestReference } = command;
  if (requestReference !== null && !isRequestReference(requestReference)) {
    throw new DomainRuleViolation('invalid-request-reference', 'The request reference must be an office reference of letters, digits and / . _ - (at most 40)');
  }
  if (state.erased) throw new DomainRuleViolation('already-erased', "This data subject's personal data has already been erased");
  const at = command.metadata.now.toISOString();
  switch (command.type) {
    case 'Erase':
      return [{ type: 'PersonalDataErased', data: { subjectId, ground: groundFor(command.type, command.ground), requestReference, erasedAt: at } }];
    case 'Restrict':
      if (state.restricted) throw new DomainRuleViolation('already-restricted', "Processing of this data subject's personal data is already restricted");
      return [{ type: 'ProcessingRestricted', data: { subjectId, ground: groundFor(command.type, command.ground), requestReference, restrictedAt: at } }];
    case 'LiftRestriction':
      if (!state.restricted) throw new DomainRuleViolation('not-restricted', "Processing of this data subject's personal data is not restricted");
      return [{ type: 'RestrictionLifted', data: { subjectId, ground: groundFor(command.type, command.ground), requestReference, liftedAt: at } }];
    default:
      return assertNever(command);
  }
}

export const dataSubjectDecider = {
  initialState: (): DataSubjectState => ({ erased: false, restricted: false }),
  evolve: evolveDataSubject,
  decide: decideDataSubject,
};
