import type { Decider } from '../../shared/domain/decider.ts';
import { assertNever } from '../../shared/domain/decider.ts';
import { DomainRuleViolation } from '../../shared/domain/errors.ts';
import type { ChangeReason, LiftReason, NamedPeople, RestrictedAccessEvent, RestrictionReason } from './restricted-access.events.ts';

export type RestrictedAccess =
  | { status: 'open' }
  | ({ status: 'restricted'; reason: RestrictionReason | ChangeReason; since: string; changedBy: string; changedAt: string } & NamedPeople);

interface Acting {
  caseId: string;
  /** The supervisor acting: always among the named users, so whoever restricts a case can still change or lift it. */
  by: string;
  now: Date;
}

export type RestrictedAccessCommand =
  | ({ type: 'RestrictAccess'; reason: RestrictionReason } & NamedPeople & Acting)
  | ({ type: 'ChangeNamedPeople'; reason: ChangeReason } & NamedPeople & Acting)
  | ({ type: 'LiftRestriction'; reason: LiftReason } & Acting);

/** Whoever is told whether a case exists: a user's id, roles and teams. */
export interface Viewer {
  sub: string;
  roles: readonly string[];
  teams: readonly string[];
}

/** Auditors see every case; on a restricted case, everyone else only if named or in a named team. */
export function mayWorkOn(access: RestrictedAccess, viewer: Viewer): boolean {
  if (access.status === 'open' || viewer.roles.includes('auditor')) return true;
  return access.users.includes(viewer.sub) || access.teams.some((team) => viewer.teams.includes(team));
}

function named(people: NamedPeople, by: string): NamedPeople {
  return { users: [...new Set([by, ...people.users])], teams: [...new Set(people.teams)] };
}

export const restrictedAccessDecider: Decider<RestrictedAccess, RestrictedAccessCommand, RestrictedAccessEvent> = {
  initialState: () => ({ status: 'open' }),

  evolve(state, event) {
    switch (event.type) {
      case 'CaseAccessRestricted': {
        const { reason, users, teams, by, at } = event.data;
        return { status: 'restricted', reason, users, teams, since: at, changedBy: by, changedAt: at };
      }
      case 'CaseAccessRestrictionChanged': {
        if (state.status !== 'restricted') return state;
        const { reason, users, teams, by, at } = event.data;
        return { ...state, reason, users, teams, changedBy: by, changedAt: at };
      }
      case 'CaseAccessRestrictionLifted':
        return { status: 'open' };
      default:
        return assertNever(event);
    }
  },

  decide(command, state) {
    const { caseId, by, now } = command;
    const at = now.toISOString();
    switch (command.type) {
      case 'RestrictAccess':
        if (state.status === 'restricted') throw new DomainRuleViolation('already-restricted', 'The case is already restricted: change who is named, or lift the restriction');
        return [{ type: 'CaseAccessRestricted', data: { caseId, reason: command.reason, ...named(command, by), by, at } }];
      case 'ChangeNamedPeople':
        if (state.status !== 'restricted') throw new DomainRuleViolation('not-restricted', 'The case is not restricted');
        return [{ type: 'CaseAccessRestrictionChanged', data: { caseId, reason: command.reason, ...named(command, by), by, at } }];
      case 'LiftRestriction':
        if (state.status !== 'restricted') throw new DomainRuleViolation('not-restricted', 'The case is not restricted');
        return [{ type: 'CaseAccessRestrictionLifted', data: { caseId, reason: command.reason, by, at } }];
      default:
        return assertNever(command);
    }
  },
};
