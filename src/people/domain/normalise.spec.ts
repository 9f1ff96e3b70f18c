import { describe, expect, it } from '@jest/globals';
import { contactAsPhoneOrEmail, matchValues, normaliseName, normalisePhone, searchValues } from './normalise.ts';

describe('matching a person however their details were typed', () => {
  it('ignores accents, case, punctuation, spacing and word order in names', () => {
    expect(normaliseName('  Zoë  O’Brien-Smith ')).toBe(normaliseName('SMITH zoe o brien'));
    expect(normaliseName('Zoë Smith')).not.toBe(normaliseName('Zoë Smyth'));
  });

  it('reads UK phone numbers with or without the country code and spaces', () => {
    expect(normalisePhone('+44 7700 900123')).toBe('07700900123');
    expect(normalisePhone('07700-900 123')).toBe('07700900123');
  });

  it('matches on each detail given, and on none that is missing', () => {
    expect(matchValues({ name: 'Ann Example', dateOfBirth: null, phone: '07700 900123', email: ' Ann@Example.org' })).toEqual([
      { field: 'name', value: 'ann example' },
      { field: 'phone', value: '07700900123' },
      { field: 'email', value: 'ann@example.org' },
    ]);
  });

  it('takes a search term as the one detail it looks like', () => {
    expect(searchValues('1980-05-17')).toEqual([{ field: 'dateOfBirth', value: '1980-05-17' }]);
    expect(searchValues('ANN@example.org')).toEqual([{ field: 'email', value: 'ann@example.org' }]);
    expect(searchValues('+44 7700 900123')).toEqual([{ field: 'phone', value: '07700900123' }]);
    expect(searchValues('Example, Ann')).toEqual([{ field: 'name', value: 'ann example' }]);
    expect(contactAsPhoneOrEmail('07700 900123')).toEqual({ phone: '07700 900123' });
    expect(contactAsPhoneOrEmail('by the back door')).toEqual({});
  });
});
