import type { CrimeType } from '../../settings/crime-types.ts';
import { assertNever, type CommandMetadata } from '../../shared/domain/decider.ts';
import { DomainRuleViolation } from '../../shared/domain/errors.ts';
import type { Consent, ReferralEvent, ReferralSource, Victim } from './referral.events.ts';
import { evolveReferral, initialReferral, type Referral } from './referral.state.ts';

export interface ReceiveReferral {
  type: 'ReceiveReferral';
  referralId: string;
  source: ReferralSource;
  crimeReference: string | null;
  crimeType: CrimeType;
  offenceDate: string | null;
  crimeReportedOn: string | null;
  victim: Victim;
  consent: Consent;
  metadata: CommandMetadata;
}

export interface AssignCaseManager {
  type: 'AssignCaseManager';
  caseManager: string;
  metadata: CommandMetadata;
}

export type ReferralCommand = ReceiveReferral | AssignCaseManager;

export function decideReferral(command: ReferralCommand, state: Referral): ReferralEvent[] {
  switch (command.type) {
    case 'ReceiveReferral':
      return receive(command, state);
    case 'AssignCaseManager':
      return assign(command, state);
    default:
      return assertNever(command);
  }
}

function receive(command: ReceiveReferral, state: Referral): ReferralEvent[] {
  if (state.status !== 'none') {
    throw new DomainRuleViolation('referral-already-received', 'This referral has already been received');
  }
  const explicit = command.consent.basis === 'explicit' && command.consent.contact;
  if (command.source === 'police' && command.crimeType.explicitConsentRequired && !explicit) {
    throw new DomainRuleViolation(
      'explicit-consent-required',
      `Police may refer victims of ${command.crimeType.label.toLowerCase()} only with their explicit consent to contact`,
    );
  }
  return [
    {
      type: 'ReferralReceived',
      data: {
        referralId: command.referralId,
        source: command.source,
        crimeReference: command.crimeReference,
        crimeTypeId: command.crimeType.id,
        offenceDate: command.offenceDate,
        crimeReportedOn: command.crimeReportedOn,
        victim: command.victim,
        consent: command.consent,
        receivedAt: command.metadata.now.toISOString(),
      },
    },
  ];
}

function assign(command: AssignCaseManager, state: Referral): ReferralEvent[] {
  if (state.status === 'none') throw new DomainRuleViolation('referral-not-received', 'There is no referral to assign');
  if (state.caseManager === command.caseManager) {
    throw new DomainRuleViolation('already-assigned', 'This case manager is already assigned to the referral');
  }
  return [{ type: 'CaseManagerAssigned', data: { referralId: state.id, caseManager: command.caseManager, assignedAt: command.metadata.now.toISOString() } }];
}

export const referralDecider = {
  initialState: initialReferral,
  evolve: evolveReferral,
  decide: decideReferral,
};
