import { describe, expect, it } from '@jest/globals';
import { findPersonalData } from './personal-data.ts';

describe('findPersonalData', () => {
  it('finds a single data subject by its declared paths', () => {
    const data = { source: 'police', victim: { subjectId: 's-1', name: 'Ann', address: { line1: '1 High St' } } };
    const found = findPersonalData(data, [{ subjectIdPath: 'victim.subjectId', fields: ['victim.name', 'victim.address', 'victim.email'] }]);
    expect(found).toEqual([
      { subjectId: 's-1', path: 'victim.name', value: 'Ann' },
      { subjectId: 's-1', path: 'victim.address', value: { line1: '1 High St' } },
    ]);
  });

  it('pairs each array element with its own subject', () => {
    const data = { victims: [{ subjectId: 'a', name: 'Ann' }, { subjectId: 'b', name: 'Bob' }], note: 'x' };
    const found = findPersonalData(data, [{ subjectIdPath: 'victims[].subjectId', fields: ['victims[].name'] }]);
    expect(found).toEqual([
      { subjectId: 'a', path: 'victims.0.name', value: 'Ann' },
      { subjectId: 'b', path: 'victims.1.name', value: 'Bob' },
    ]);
  });

  it('refuses a declaration whose fields are not beside the subject id', () => {
    expect(() => findPersonalData({}, [{ subjectIdPath: 'victims[].subjectId', fields: ['note'] }])).toThrow(/beside/);
  });
});
