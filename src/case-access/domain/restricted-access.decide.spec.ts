import { describe, expect, it } from '@jest/globals';
import { fold } from '../../shared/domain/decider.ts';
import { ruleOf } from '../../shared/domain/rule-violations.testing.ts';
import { mayWorkOn, restrictedAccessDecider, type RestrictedAccess, type RestrictedAccessCommand } from './restricted-access.decide.ts';
import type { RestrictedAccessEvent } from './restricted-access.events.ts';

const now = new Date('2026-03-02T10:00:00Z');
const acting = { caseId: 'case-1', by: 'sup-1', now };
const restrict: RestrictedAccessCommand = { type: 'RestrictAccess', reason: 'staff-member-involved', users: ['cm-1', 'cm-1'], teams: ['psd'], ...acting };

function after(...commands: RestrictedAccessCommand[]): { state: RestrictedAccess; events: RestrictedAccessEvent[] } {
  const events: RestrictedAccessEvent[] = [];
  for (const command of commands) events.push(...restrictedAccessDecider.decide(command, fold(restrictedAccessDecider, events)));
  return { state: fold(restrictedAccessDecider, events), events };
}

describe('restricted access', () => {
  it('names the people given and the supervisor who restricts, once each, with who, when and why', () => {
    const { state, events } = after(restrict);
    expect(events).toEqual([
      { type: 'CaseAccessRestricted', data: { caseId: 'case-1', reason: 'staff-member-involved', users: ['sup-1', 'cm-1'], teams: ['psd'], by: 'sup-1', at: now.toISOString() } },
    ]);
    expect(state).toMatchObject({ status: 'restricted', users: ['sup-1', 'cm-1'], teams: ['psd'], since: now.toISOString() });
  });

  it('changes who is named and lifts, each an event', () => {
    const later = new Date('2026-03-03T10:00:00Z');
    const change: RestrictedAccessCommand = { type: 'ChangeNamedPeople', reason: 'staff-changed', users: ['cm-2'], teams: [], ...acting, by: 'sup-2', now: later };
    const changed = after(restrict, change);
    expect(changed.state).toMatchObject({ status: 'restricted', users: ['sup-2', 'cm-2'], teams: [], reason: 'staff-changed', since: now.toISOString(), changedBy: 'sup-2', changedAt: later.toISOString() });
    const lifted = after(restrict, change, { type: 'LiftRestriction', reason: 'no-longer-needed', ...acting });
    expect(lifted.events.at(-1)).toEqual({ type: 'CaseAccessRestrictionLifted', data: { caseId: 'case-1', reason: 'no-longer-needed', by: 'sup-1', at: now.toISOString() } });
    expect(lifted.state).toEqual({ status: 'open' });
  });

  it('refuses to restrict twice, or to change or lift what is not restricted', () => {
    expect(ruleOf(() => after(restrict, restrict))).toBe('already-restricted');
    expect(ruleOf(() => after({ type: 'ChangeNamedPeople', reason: 'staff-changed', users: [], teams: [], ...acting }))).toBe('not-restricted');
    expect(ruleOf(() => after(restrict, { type: 'LiftRestriction', reason: 'marked-in-error', ...acting }, { type: 'LiftRestriction', reason: 'marked-in-error', ...acting }))).toBe('not-restricted');
  });

  it('lets auditors, named users and members of named teams work on a restricted case, and no one else', () => {
    const { state } = after(restrict);
    const viewer = (sub: string, roles: string[], teams: string[] = []) => ({ sub, roles, teams });
    expect(mayWorkOn(state, viewer('cm-1', ['case_manager']))).toBe(true);
    expect(mayWorkOn(state, viewer('crt-9', ['crt_officer'], ['psd']))).toBe(true);
    expect(mayWorkOn(state, viewer('aud-1', ['auditor']))).toBe(true);
    expect(mayWorkOn(state, viewer('cm-2', ['case_manager'], ['vcc-north']))).toBe(false);
    expect(mayWorkOn(state, viewer('sup-2', ['supervisor', 'case_manager']))).toBe(false);
    expect(mayWorkOn({ status: 'open' }, viewer('cm-2', ['case_manager']))).toBe(true);
  });
});
