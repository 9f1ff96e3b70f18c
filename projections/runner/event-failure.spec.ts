import { describe, expect, it } from '@jest/globals';
import { EventNotApplied, failureMessage, isEventFailure } from './event-failure.ts';

const event = { position: 42n, type: 'ThingHappened', data: { name: 'Ann Example', phone: '07700 900123', visits: 17, tags: ['safe-times'] } };

describe('a projection failure', () => {
  it("is the event's when its handler threw or the table refused a value it made, and nothing else", () => {
    expect(isEventFailure(new EventNotApplied(event, new TypeError('boom')))).toBe(true);
    expect(isEventFailure(Object.assign(new Error('value too long for type character varying(10)'), { code: '22001' }))).toBe(true);
    expect(isEventFailure(Object.assign(new Error('null value in column "id"'), { code: '23502' }))).toBe(true);
    for (const code of ['ECONNREFUSED', 'ECONNRESET', '57P01', '08006', '53300', '40001', '42P01']) {
      expect(isEventFailure(Object.assign(new Error('infrastructure'), { code }))).toBe(false);
    }
    expect(isEventFailure(new Error('Connection terminated unexpectedly'))).toBe(false);
    expect(isEventFailure(new Error('timeout exceeded when trying to connect'))).toBe(false);
  });

  it("is described by the handler's own error, withholding every value of the event's data it quotes", () => {
    const thrown = new EventNotApplied(event, new RangeError('Ann Example called from 07700 900123 on 17 visits (safe-times)'));
    expect(failureMessage(thrown, event)).toBe('RangeError: [withheld] called from [withheld] on [withheld] visits ([withheld])');
  });
});
