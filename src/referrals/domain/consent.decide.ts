import { effectiveAt, type Preceding } from '../../shared/domain/effective-time.ts';
import { DomainRuleViolation } from '../../shared/domain/errors.ts';
import { nextContactDue } from './contact-schedule.ts';
import type { ChangeConsent } from './referral.commands.ts';
import type { ReferralEvent } from './referral.events.ts';
import type { ReceivedReferral } from './referral.state.ts';

const NAMES = { contact: 'consent to contact', dataSharing: 'consent to data sharing' } as const;

/**
 * A victim withdraws or gives a consent. Without consent to contact, contacts and updates are refused
 * (`no-consent-to-contact`) and no contact is due; without consent to share, new service referrals are
 * (`no-consent-to-share`). Given again, contact falls due one interval of the contract from then.
 */
export function changeConsent(command: ChangeConsent, state: ReceivedReferral): ReferralEvent[] {
  const { consent, reason } = command;
  const common = { referralId: state.id, subjectId: state.victim.subjectId, consent, reason };
  const lastChange = state.consentChanges.at(-1);
  const since: Preceding = lastChange ? [lastChange.at, 'last-consent-change'] : [state.receivedAt, 'receipt'];
  if (command.type === 'WithdrawConsent') {
    if (!state.consent[consent]) throw new DomainRuleViolation('consent-already-withdrawn', `The victim has not given ${NAMES[consent]}: there is nothing to withdraw`);
    return [{ type: 'ConsentWithdrawn', data: { ...common, withdrawnAt: effectiveAt(command, 'withdrawn', [since]) } }];
  }
  if (state.consent[consent]) throw new DomainRuleViolation('consent-already-given', `The victim has already given ${NAMES[consent]}`);
  const givenAt = effectiveAt(command, 'given', [since]);
  const due = consent === 'contact' && state.contract && !state.closure ? nextContactDue(givenAt, state.contract.frequency) : null;
  return [{ type: 'ConsentGiven', data: { ...common, givenAt, nextContactDue: consent === 'contact' ? due : state.contact.nextDue } }];
}
