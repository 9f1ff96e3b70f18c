import { describe, expect, it } from '@jest/globals';
import { fold } from '../../shared/domain/decider.ts';
import { ruleOf } from '../../shared/domain/rule-violations.testing.ts';
import { personLinkDecider } from './person-link.decide.ts';
import type { PersonLinkEvent } from './person-link.events.ts';

const metadata = { now: new Date('2026-03-02T10:00:00Z') };
const link = (personId: string, newPerson = false) => ({ type: 'Link' as const, subjectId: 's-1', personId, newPerson, reason: 'Same date of birth and phone', metadata });
const unlink = (personId: string) => ({ type: 'Unlink' as const, subjectId: 's-1', personId, reason: 'A different person after all', metadata });
const after = (...events: PersonLinkEvent[]) => fold(personLinkDecider, events);

describe('which person a data subject is', () => {
  it('links a subject to a person, saying who is new, with the reason', () => {
    expect(personLinkDecider.decide(link('p-1', true), after())).toEqual([
      { type: 'SubjectLinkedToPerson', data: { subjectId: 's-1', personId: 'p-1', newPerson: true, reason: 'Same date of birth and phone', linkedAt: '2026-03-02T10:00:00.000Z' } },
    ]);
  });

  it('refuses a link that changes nothing, or makes a subject two people', () => {
    const linked = after(...personLinkDecider.decide(link('p-1'), after()));
    expect(ruleOf(() => personLinkDecider.decide(link('p-1'), linked))).toBe('already-linked');
    expect(ruleOf(() => personLinkDecider.decide(link('p-2'), linked))).toBe('linked-to-another-person');
  });

  it('unlinks only from the person the subject is linked to, after which it may be linked again', () => {
    const linked = after(...personLinkDecider.decide(link('p-1'), after()));
    expect(ruleOf(() => personLinkDecider.decide(unlink('p-2'), linked))).toBe('not-linked');
    const unlinked = after(...personLinkDecider.decide(link('p-1'), after()), ...personLinkDecider.decide(unlink('p-1'), linked));
    expect(unlinked).toEqual({ personId: null });
    expect(personLinkDecider.decide(link('p-2'), unlinked)[0]!.type).toBe('SubjectLinkedToPerson');
  });
});
