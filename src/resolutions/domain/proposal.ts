import { londonDate } from '../../calendar/working-days.ts';
import type { CommandMetadata } from '../../shared/domain/decider.ts';
import { DomainRuleViolation, type BrokenRule } from '../../shared/domain/errors.ts';
import { ageOn } from '../../calendar/working-days.ts';
import { ADULT_AGE, AGE_OF_CRIMINAL_RESPONSIBILITY } from './offender-age.ts';
import type { AppropriateAdult, CommunityResolutionProposed, Offender, ResolutionFlags, VictimViews } from './resolution.events.ts';
import { isNonBlankText } from '../../shared/domain/storable-text.ts';
import type { DeclaredDemographics } from '../../shared/domain/demographics.ts';

export interface ProposeResolution {
  type: 'ProposeResolution';
  resolutionId: string;
  crimeReference: string;
  offenceTypeId: string;
  /** The low-level offences and ASB currently on the configured list. */
  eligibleOffenceTypes: readonly string[];
  offenceDate: string;
  offender: Offender;
  appropriateAdult: AppropriateAdult | null;
  evidenceSufficient: boolean;
  offenderAdmits: boolean;
  offenderAgrees: boolean;
  victims: VictimViews[];
  flags: ResolutionFlags;
  rationale: string;
  /** The offender's equality-monitoring answers, if given with the proposal. */
  demographics?: DeclaredDemographics | null;
  /** When it was proposed, if given; now otherwise. */
  at?: string;
  metadata: CommandMetadata;
}

/**
 * The statutory and policy preconditions of a Community Resolution; a refusal names every one that fails. A victim
 * without a say does not stop the proposal: it then waits for a supervisor's decision (SupervisorDecisionRecorded).
 */
export function propose(command: ProposeResolution): CommunityResolutionProposed {
  const { offenceDate, offender, metadata } = command;
  checkWhatReadsRelyOn(command);
  const [first, ...more] = preconditionsFailed(command);
  if (first) throw DomainRuleViolation.of([first, ...more]);
  const under18 = ageOn(offender.dateOfBirth, offenceDate) < ADULT_AGE;
  const { type: _type, eligibleOffenceTypes: _list, at: _at, metadata: _metadata, demographics: _demographics, ...recorded } = command;
  return {
    type: 'CommunityResolutionProposed',
    data: {
      ...recorded,
      offenderUnder18AtOffence: under18,
      // A victim who was not consulted cannot have consented.
      victims: command.victims.map((victim) => ({ ...victim, consents: victim.consulted && victim.consents })),
      proposedAt: command.at ?? metadata.now.toISOString(),
    },
  };
}

/** What every read of a resolution relies on, whoever sends the command: a crime reference, an offender with a name and a date of birth, victims with names. */
function checkWhatReadsRelyOn({ crimeReference, offender, victims }: ProposeResolution): void {
  if (!isNonBlankText(crimeReference)) throw new DomainRuleViolation('crime-reference-required', 'A Community Resolution needs the crime reference');
  if (!isNonBlankText(offender?.name) || !isNonBlankText(offender.dateOfBirth)) {
    throw new DomainRuleViolation('offender-required', "A Community Resolution needs the offender's name and date of birth");
  }
  if (!Array.isArray(victims) || !victims.every((victim) => isNonBlankText(victim?.name))) {
    throw new DomainRuleViolation('victim-name-required', 'Every victim of a Community Resolution needs a name');
  }
}

function preconditionsFailed(command: ProposeResolution): BrokenRule[] {
  const { offenceDate, offender, metadata } = command;
  const failed: BrokenRule[] = [];
  const fail = (rule: string, message: string) => failed.push({ rule, message });
  if (!command.eligibleOffenceTypes.includes(command.offenceTypeId)) {
    fail('offence-not-eligible', `Only these low-level offences may be resolved this way: ${command.eligibleOffenceTypes.join(', ')}`);
  }
  if (command.flags.intimatePartner) fail('intimate-partner-domestic-abuse', 'A Community Resolution is not used for domestic abuse between intimate partners');
  if (!command.evidenceSufficient) fail('insufficient-evidence', 'There must be sufficient evidence of the offence');
  if (!command.offenderAdmits) fail('no-admission', 'The offender must admit the offence');
  if (!command.offenderAgrees) fail('no-agreement', 'The offender must agree to a Community Resolution');
  if (offenceDate > londonDate(metadata.now)) fail('offence-date-in-future', 'The offence date cannot be in the future');
  if (command.at && Date.parse(command.at) > metadata.now.getTime()) fail('proposed-in-future', 'A Community Resolution can only be recorded once it has been proposed');
  if (command.at && londonDate(command.at) < offenceDate) fail('proposed-before-offence', 'A Community Resolution cannot be proposed before the offence');
  if (offender.dateOfBirth >= offenceDate) fail('born-after-offence', "The offender's date of birth must be before the offence date");
  else {
    const age = ageOn(offender.dateOfBirth, offenceDate);
    if (age < AGE_OF_CRIMINAL_RESPONSIBILITY) {
      fail('below-age-of-criminal-responsibility', `The offender was under ${AGE_OF_CRIMINAL_RESPONSIBILITY} at the offence date`);
    } else if (age < ADULT_AGE && !command.appropriateAdult) {
      fail('appropriate-adult-required', 'The offender was under 18 at the offence date: record the appropriate adult present');
    }
  }
  return failed;
}
