import { describe, expect, it } from '@jest/globals';
import { caseText } from './event-definition.ts';
import { findPersonalData } from './personal-data.ts';

describe('findPersonalData', () => {
  it('finds a single data subject by its declared paths', () => {
    const data = { source: 'police', victim: { subjectId: 's-1', name: 'Ann', address: { line1: '1 High St' } } };
    const found = findPersonalData(data, [{ subjectIdPath: 'victim.subjectId', fields: ['victim.name', 'victim.address', 'victim.email'] }]);
    expect(found).toEqual([
      { subjectId: 's-1', path: 'victim.name', value: 'Ann', ofCase: false },
      { subjectId: 's-1', path: 'victim.address', value: { line1: '1 High St' }, ofCase: false },
    ]);
  });

  it('pairs each array element with its own subject', () => {
    const data = { victims: [{ subjectId: 'a', name: 'Ann' }, { subjectId: 'b', name: 'Bob' }], note: 'x' };
    const found = findPersonalData(data, [{ subjectIdPath: 'victims[].subjectId', fields: ['victims[].name'] }]);
    expect(found).toEqual([
      { subjectId: 'a', path: 'victims.0.name', value: 'Ann', ofCase: false },
      { subjectId: 'b', path: 'victims.1.name', value: 'Bob', ofCase: false },
    ]);
  });

  it("seals free text anywhere in the case's events under the case's own subject", () => {
    const data = { caseId: 'c-1', victims: [{ subjectId: 'a', views: 'fine' }], rationale: 'why' };
    expect(findPersonalData(data, [caseText('caseId', ['rationale', 'victims[].views'])])).toEqual([
      { subjectId: 'c-1', path: 'rationale', value: 'why', ofCase: true },
      { subjectId: 'c-1', path: 'victims.0.views', value: 'fine', ofCase: true },
    ]);
  });

  it('refuses a declaration whose fields are not beside the subject id', () => {
    expect(() => findPersonalData({}, [{ subjectIdPath: 'victims[].subjectId', fields: ['note'] }])).toThrow(/beside/);
  });
});
