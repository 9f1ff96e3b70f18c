import { describe, expect, it } from '@jest/globals';
import type { NewEvent } from '../event-store/event-store.port.ts';
import { withValues } from './encrypting-event-store.ts';
import type { PersonalDataField } from './personal-data.ts';

const field = (path: string, value: string): PersonalDataField => ({ subjectId: 'victim-1', path, value, ofCase: false });

describe('withValues', () => {
  const event = (): NewEvent => ({
    id: 'e-1',
    type: 'ReferralReceived',
    schemaVersion: 1,
    metadata: {} as NewEvent['metadata'],
    data: { referralId: 'r-1', victims: [{ name: 'Ann', phone: '01' }, { name: 'Bo', phone: '02' }], consent: { contact: true }, note: 'text' },
  });

  it('replaces every field, nested in arrays too, and leaves the event it was given as it was', () => {
    const given = event();
    const before = structuredClone(given);
    const replaced = withValues(given, [field('victims.0.name', 'Ann'), field('victims.1.phone', '02'), field('note', 'text')], ({ path }) => `<${path}>`);
    expect(replaced.data).toEqual({
      referralId: 'r-1',
      victims: [{ name: '<victims.0.name>', phone: '01' }, { name: 'Bo', phone: '<victims.1.phone>' }],
      consent: { contact: true },
      note: '<note>',
    });
    expect(given).toEqual(before);
  });

  it('copies a container once however many of its fields change, and shares what no field reaches', () => {
    const given = event();
    const replaced = withValues(given, [field('victims.0.name', 'Ann'), field('victims.0.phone', '01')], () => 'x');
    expect((replaced.data.victims as object[])[0]).toEqual({ name: 'x', phone: 'x' });
    expect((replaced.data.victims as object[])[1]).toBe((given.data.victims as object[])[1]);
    expect(replaced.data.consent).toBe(given.data.consent);
  });

  it('answers the same event when there is nothing to replace', () => {
    const given = event();
    expect(withValues(given, [], () => 'x')).toBe(given);
  });
});
