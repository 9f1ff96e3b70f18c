import { describe, expect, it } from '@jest/globals';
import { fold } from '../../shared/domain/decider.ts';
import { legalHoldDecider, type LegalHoldCommand } from './legal-hold.decide.ts';
import type { LegalHoldEvent } from './legal-hold.events.ts';

const acting = { caseId: 'c1', by: 'sup', now: new Date('2026-03-02T10:00:00Z') };
const run = (history: LegalHoldEvent[], command: LegalHoldCommand) => [...history, ...legalHoldDecider.decide(command, fold(legalHoldDecider, history))];

describe('legal hold', () => {
  it('holds a case until lifted, recording who, when and why', () => {
    const held = run([], { type: 'PlaceLegalHold', reason: 'litigation', ...acting });
    expect(fold(legalHoldDecider, held)).toEqual({ status: 'held', reason: 'litigation', by: 'sup', since: '2026-03-02T10:00:00.000Z' });
    expect(() => run(held, { type: 'PlaceLegalHold', reason: 'public-inquiry', ...acting })).toThrow(expect.objectContaining({ rule: 'already-held' }));
    const lifted = run(held, { type: 'LiftLegalHold', reason: 'obligation-ended', ...acting });
    expect(lifted.at(-1)).toEqual({ type: 'LegalHoldLifted', data: { caseId: 'c1', by: 'sup', at: '2026-03-02T10:00:00.000Z', reason: 'obligation-ended' } });
    expect(fold(legalHoldDecider, lifted)).toEqual({ status: 'none' });
    expect(() => run(lifted, { type: 'LiftLegalHold', reason: 'placed-in-error', ...acting })).toThrow(expect.objectContaining({ rule: 'not-held' }));
  });

  it('clears a case not held for disposal once, after which no hold can be placed; a held case is not cleared', () => {
    const held = run([], { type: 'PlaceLegalHold', reason: 'litigation', ...acting });
    expect(() => run(held, { type: 'ClearForDisposal', ...acting })).toThrow(expect.objectContaining({ rule: 'legal-hold' }));
    const lifted = run(held, { type: 'LiftLegalHold', reason: 'obligation-ended', ...acting });
    const cleared = run(lifted, { type: 'ClearForDisposal', ...acting });
    expect(cleared.at(-1)).toEqual({ type: 'CaseClearedForDisposal', data: { caseId: 'c1', by: 'sup', at: '2026-03-02T10:00:00.000Z' } });
    expect(run(cleared, { type: 'ClearForDisposal', ...acting })).toEqual(cleared);
    expect(() => run(cleared, { type: 'PlaceLegalHold', reason: 'litigation', ...acting })).toThrow(expect.objectContaining({ rule: 'case-disposed' }));
    expect(() => run(cleared, { type: 'LiftLegalHold', reason: 'placed-in-error', ...acting })).toThrow(expect.objectContaining({ rule: 'not-held' }));
  });
});
