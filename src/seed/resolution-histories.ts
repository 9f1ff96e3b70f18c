import { randomUUID } from 'node:crypto';
import { addDays, ageOn, londonDate } from '../calendar/working-days.ts';
import type { Actor } from '../event-store/event-store.port.ts';
import { ADULT_AGE } from '../resolutions/domain/offender-age.ts';
import { resolutionDecider, type ResolutionCommand } from '../resolutions/domain/resolution.decide.ts';
import type { InformChannel, ResolutionEvent, VictimViews } from '../resolutions/domain/resolution.events.ts';
import { outcomeNews, outcomeOf, type Resolution } from '../resolutions/domain/resolution.state.ts';
import { resolutionStream } from '../resolutions/resolution-stream.ts';
import type { Settings } from '../settings/settings.ts';
import { CaseHistory } from './case-history.ts';
import { activeIds, weightsOf } from './configured-lists.ts';
import { dateOfBirthFor, inventPerson } from './people.ts';
import type { Random } from './random.ts';
import type { WorkingTime } from './working-time.ts';

/**
 * Community Resolutions as forces use them: mostly shop theft, criminal damage, minor assaults and
 * anti-social behaviour, about a third by young people, apologies and reparation chosen far more often
 * than money, and about one remedy in seven not done.
 */
const OFFENCE_WEIGHTS: Record<string, number> = {
  'shop-theft': 22, 'criminal-damage': 20, 'common-assault': 16, 'anti-social-behaviour': 12, 'public-order': 10,
  'theft-low-value': 8, 'possession-of-cannabis': 8, 'malicious-communications': 4,
};
const REMEDY_WEIGHTS: Record<string, number> = {
  'verbal-apology': 18, 'written-apology': 22, reparation: 16, 'financial-compensation': 14, 'unpaid-community-work': 6,
  'structured-activity': 8, 'acceptable-behaviour-contract': 8, mediation: 4, 'restorative-justice-conference': 4,
};
/** Offences against the public at large rather than a person or business: no victim to consult. */
const VICTIMLESS = new Set(['possession-of-cannabis']);
const FAILURE_SHARE = 0.14;
const UNDER_18_SHARE = 0.35;
const OFFICERS = ['pc-101', 'pc-102', 'pc-103', 'pc-104', 'pc-105', 'pc-106'];
const SUPERVISOR: Actor = { sub: 'sgt-201', roles: ['supervisor'] };
const HISTORY_DAYS = 365;

type ResolutionHistory = CaseHistory<Resolution, ResolutionCommand, ResolutionEvent>;
type Step = Parameters<ResolutionHistory['decide']>[2];

export function resolutionHistory(random: Random, time: WorkingTime, settings: Settings, now: Date): ResolutionHistory {
  const resolutionId = randomUUID();
  const history: ResolutionHistory = new CaseHistory(resolutionStream(resolutionId), resolutionDecider, now);
  const actor: Actor = { sub: random.pick(OFFICERS), roles: ['resolution_officer'] };
  const proposedAt = time.within(HISTORY_DAYS, now);
  let clock = proposedAt;
  const step = (workingDays: number, command: Step) => {
    clock = time.after(clock, workingDays);
    return history.decide(clock, actor, command);
  };
  const eligible = activeIds(settings, 'resolutionOffenceTypes');
  const offenceTypeId = random.weighted(weightsOf(eligible, OFFENCE_WEIGHTS));
  const offenceDate = addDays(londonDate(proposedAt), -random.int(0, 14));
  const offenderAge = random.chance(UNDER_18_SHARE) ? random.int(12, 17) : random.int(18, 60);
  const dateOfBirth = dateOfBirthFor(random, offenderAge, offenceDate);
  const victims = VICTIMLESS.has(offenceTypeId) ? [] : Array.from({ length: random.chance(0.9) ? 1 : 2 }, () => victimViews(random));
  const withoutSay = victims.some((victim) => !victim.consulted || !victim.consents);

  history.decide(proposedAt, actor, (metadata) => ({
    type: 'ProposeResolution',
    resolutionId,
    crimeReference: `41/${random.int(10000, 99999)}/${offenceDate.slice(2, 4)}`,
    offenceTypeId,
    eligibleOffenceTypes: eligible,
    offenceDate,
    offender: { subjectId: randomUUID(), name: inventPerson(random).name, dateOfBirth },
    appropriateAdult: ageOn(dateOfBirth, offenceDate) < ADULT_AGE ? { subjectId: randomUUID(), name: inventPerson(random).name, relationship: random.pick(['parent', 'guardian', 'social worker']) } : null,
    evidenceSufficient: true,
    offenderAdmits: true,
    offenderAgrees: true,
    victims,
    flags: { domesticAbuse: false, intimatePartner: false, hateCrime: offenceTypeId === 'public-order' && random.chance(0.1) },
    rationale: 'First offence, admitted, and the victim’s wishes considered',
    metadata,
  }));

  if (withoutSay) {
    const reason = 'Proportionate for a first low-level offence';
    history.decide(proposedAt, SUPERVISOR, (metadata) => ({ type: 'RecordSupervisorDecision', proceed: true, reason, supervisor: SUPERVISOR.sub, metadata }));
  }

  const remedies = activeIds(settings, 'communityRemedies');
  const consulted = victims.some((victim) => victim.consulted);
  const remedyIds = Array.from({ length: random.chance(0.75) ? 1 : 2 }, () => randomUUID());
  for (const remedyId of remedyIds) {
    const remedyType = random.weighted(weightsOf(remedies, REMEDY_WEIGHTS));
    // The officer may use another remedy than the victim's choice, with a reason (ASBCPA 2014 s101).
    const victimChoice = !consulted ? null : random.chance(0.9) ? remedyType : random.pick(remedies);
    const measure = settings.remedyMeasure(remedyType);
    const agreed = step(0, (metadata) => ({
      type: 'AgreeRemedy',
      remedyId,
      remedyType,
      chosenByVictim: victimChoice === remedyType,
      victimChoice,
      overrideReason: victimChoice !== null && victimChoice !== remedyType ? 'The victim’s choice is not practical for this offender' : null,
      details: null,
      dueDate: addDays(londonDate(metadata.now), random.int(7, 28)),
      amount: measure === 'amount' ? random.int(10, 150) * 100 : null,
      hours: measure === 'hours' ? random.int(2, 10) : null,
      measure,
      metadata,
    }));
    if (!agreed) return history;
  }
  for (const victim of victims) step(random.int(0, 2), (metadata) => ({ type: 'InformVictim', victimId: victim.subjectId, about: 'agreement', channel: informChannel(random), at: null, metadata }));

  for (const remedyId of remedyIds) {
    const done = !random.chance(FAILURE_SHARE);
    const settled = step(random.int(3, 15), (metadata) =>
      done
        ? { type: 'CompleteRemedy', remedyId, completedAt: null, evidence: 'Confirmed by the victim', excessHoursReason: null, hoursDone: null, amountPaid: null, metadata }
        : { type: 'FailRemedy', remedyId, reason: 'Did not attend or respond to reminders', hoursDone: null, amountPaid: null, metadata },
    );
    if (!settled) return history;
  }
  if (history.state.status === 'none') return history;
  const news = outcomeNews(outcomeOf(history.state.remedies));
  for (const victim of victims) {
    if (!step(random.int(0, 3), (metadata) => ({ type: 'InformVictim', victimId: victim.subjectId, about: news, channel: informChannel(random), at: null, metadata }))) return history;
  }
  step(random.int(0, 5), (metadata) => ({ type: 'CloseResolution', metadata }));
  return history;
}

function victimViews(random: Random): VictimViews {
  const person = inventPerson(random);
  const consulted = random.chance(0.92);
  return {
    subjectId: randomUUID(),
    name: random.chance(0.25) ? `${person.name.split(' ')[1]} Stores Ltd` : person.name,
    contact: person.phone,
    consulted,
    views: consulted ? random.pick(['Wants an apology', 'Wants the damage put right', 'Happy for it to be dealt with this way']) : null,
    consents: consulted && random.chance(0.9),
  };
}

const informChannel = (random: Random): InformChannel => random.weighted({ phone: 60, email: 20, letter: 10, sms: 7, 'in-person': 3 });
