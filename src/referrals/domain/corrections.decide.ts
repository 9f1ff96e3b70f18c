import { londonDate } from '../../calendar/working-days.ts';
import { changedDetails } from '../../shared/domain/corrections.ts';
import { DomainRuleViolation } from '../../shared/domain/errors.ts';
import type { CorrectCrimeDetails, CorrectVictimDetails } from './referral.commands.ts';
import type { ReferralEvent, VictimDetails } from './referral.events.ts';
import type { ReceivedReferral } from './referral.state.ts';

export function correctVictimDetails(command: CorrectVictimDetails, state: ReceivedReferral): ReferralEvent[] {
  const { subjectId, ...current } = state.victim;
  const corrected = changedDetails<VictimDetails>(command.corrected, current);
  if (corrected.name === null || corrected.name?.trim() === '') throw new DomainRuleViolation('victim-name-required', "A referral needs the victim's name");
  if (corrected.dateOfBirth && corrected.dateOfBirth > (state.offenceDate ?? londonDate(command.metadata.now))) {
    throw new DomainRuleViolation('born-after-offence', "The victim's date of birth cannot be after the offence date (or today)");
  }
  return [{ type: 'VictimDetailsCorrected', data: { referralId: state.id, subjectId, corrected, reason: command.reason, correctedAt: command.metadata.now.toISOString() } }];
}

/** The crime type as configured now; the proposed priority groups and the clocks that follow them read it from then on. */
export function correctCrimeDetails(command: CorrectCrimeDetails, state: ReceivedReferral): ReferralEvent[] {
  const corrected = changedDetails({ crimeTypeId: command.crimeType?.id, crimeReference: command.crimeReference }, { crimeTypeId: state.crimeTypeId, crimeReference: state.crimeReference });
  return [
    { type: 'CrimeDetailsCorrected', data: { referralId: state.id, subjectId: state.victim.subjectId, corrected, reason: command.reason, correctedAt: command.metadata.now.toISOString() } },
  ];
}
