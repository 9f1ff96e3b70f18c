import { describe, expect, it } from '@jest/globals';
import type { Demographics } from '../../src/shared/domain/demographics.ts';
import { apartFromDemographics } from './demographics-columns.ts';

type CaseState = { id: string; caseManager: string | null; demographics?: Demographics | null };

const recorded: Demographics = { gender: 'woman', ethnicity: 'white-irish', disability: 'no', ageBand: '35-44' };
const columnsOf = { gender: 'woman', ethnicity: 'white-irish', disability: 'no', age_band: '35-44' };

describe('a case list row apart from its demographics', () => {
  it('takes the columns from the state that set them, and keeps the state without them', () => {
    const first = apartFromDemographics<CaseState>({ id: 'c1', caseManager: null, demographics: null }, undefined);
    expect(first).toEqual({ state: { id: 'c1', caseManager: null }, gender: null, ethnicity: null, disability: null, age_band: null });
    expect(Object.keys(first.state)).not.toContain('demographics');

    const answered = apartFromDemographics<CaseState>({ id: 'c1', caseManager: null, demographics: recorded }, first);
    expect(answered).toEqual({ state: { id: 'c1', caseManager: null }, ...columnsOf });
  });

  it('keeps the row\'s columns, and the folded state as it is, after an event that does not set them', () => {
    const row = { state: { id: 'c1', caseManager: null }, ...columnsOf };
    const folded: CaseState = { id: 'c1', caseManager: 'cm-7' };
    const next = apartFromDemographics(folded, row);
    expect(next).toEqual({ state: { id: 'c1', caseManager: 'cm-7' }, ...columnsOf });
    expect(next.state).toBe(folded);
  });

  it('reads a value outside the lists (erased or withheld) as not recorded', () => {
    const erased = { gender: '[erased]', ethnicity: '[erased]', disability: '[erased]', ageBand: '[erased]' } as unknown as Demographics;
    const row = { state: { id: 'c1', caseManager: null }, ...columnsOf };
    expect(apartFromDemographics<CaseState>({ id: 'c1', caseManager: null, demographics: erased }, row)).toMatchObject({ gender: null, ethnicity: null, disability: null, age_band: null });
  });
});
