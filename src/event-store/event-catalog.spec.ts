import { describe, expect, it } from '@jest/globals';
import { defineEvent } from '../personal-data/event-definition.ts';
import { EventCatalog } from './event-catalog.ts';

const renamed = defineEvent({
  type: 'ThingHappened',
  schemaVersion: 3,
  personalData: [],
  plain: [],
  upcasters: {
    1: (data) => ({ ...data, colour: data.color ?? null, color: null }),
    2: ({ color: _dropped, ...rest }) => rest,
  },
});

describe('EventCatalog', () => {
  const catalog = new EventCatalog([renamed]);

  it('upcasts an old payload step by step to the current version', () => {
    expect(catalog.toDomain({ type: 'ThingHappened', schemaVersion: 1, data: { color: 'red' } })).toEqual({
      type: 'ThingHappened',
      data: { colour: 'red' },
    });
  });

  it('leaves a current payload untouched', () => {
    expect(catalog.toDomain({ type: 'ThingHappened', schemaVersion: 3, data: { colour: 'blue' } }).data).toEqual({ colour: 'blue' });
  });

  it('refuses unknown types and duplicate definitions', () => {
    expect(() => catalog.definitionOf('Nope')).toThrow(/Unknown event type/);
    expect(() => new EventCatalog([renamed, renamed])).toThrow(/defined twice/);
  });
});
