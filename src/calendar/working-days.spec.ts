import { englandAndWalesCalendar } from './england-and-wales.ts';
import { addDays, ageOn, CalendarNotCovered, isCalendarDate, lastStartOverdue, londonDate, londonDayStart } from './working-days.ts';

const calendar = englandAndWalesCalendar();

describe('working days in England and Wales', () => {
  it('skips Christmas, the Boxing Day substitute and the weekend between', () => {
    // Christmas 2026 is a Friday, so Boxing Day's substitute is Monday 28 December.
    expect(calendar.addWorkingDays('2026-12-24', 1)).toBe('2026-12-29');
    expect(calendar.isWorkingDay('2026-12-28')).toBe(false);
  });

  it('carries a five-day clock across Christmas and New Year', () => {
    expect(calendar.addWorkingDays('2026-12-24', 5)).toBe('2027-01-05');
    expect(calendar.workingDaysBetween('2026-12-24', '2027-01-05')).toBe(5);
  });

  it('gives both Christmas days substitutes when they fall at a weekend (2027)', () => {
    expect(calendar.addWorkingDays('2027-12-24', 1)).toBe('2027-12-29');
  });

  it('skips Good Friday and Easter Monday', () => {
    expect(calendar.addWorkingDays('2026-04-02', 1)).toBe('2026-04-07');
    expect(calendar.workingDaysBetween('2027-03-25', '2027-03-30')).toBe(1);
  });

  it('knows the one-off days of 2020, 2022 and 2023', () => {
    expect(calendar.isWorkingDay('2020-05-08')).toBe(false);
    expect(calendar.addWorkingDays('2022-09-16', 1)).toBe('2022-09-20');
    expect(calendar.isWorkingDay('2023-05-08')).toBe(false);
  });

  it('starts a clock on a weekend from the next Monday', () => {
    expect(calendar.addWorkingDays('2026-03-07', 1)).toBe('2026-03-09');
    expect(calendar.workingDaysBetween('2026-03-07', '2026-03-08')).toBe(0);
  });

  it('counts no working days backwards or on the same day', () => {
    expect(calendar.workingDaysBetween('2026-03-10', '2026-03-10')).toBe(0);
    expect(calendar.workingDaysBetween('2026-03-10', '2026-03-02')).toBe(0);
  });

  it('refuses to guess beyond the known bank holidays, until more are added', () => {
    expect(() => calendar.isWorkingDay('2031-01-02')).toThrow(CalendarNotCovered);
    const extended = englandAndWalesCalendar(['2031-01-01']);
    expect(extended.isWorkingDay('2031-01-01')).toBe(false);
    expect(extended.isWorkingDay('2031-01-02')).toBe(true);
  });

  it('dates an instant by the clock in London, not UTC', () => {
    expect(londonDate('2026-06-30T23:30:00Z')).toBe('2026-07-01');
    expect(londonDate('2026-12-31T23:30:00Z')).toBe('2026-12-31');
    // 17:00 UTC on Christmas Eve: due the next working day, 29 December.
    expect(calendar.dueAfter('2026-12-24T17:00:00Z', 1)).toBe('2026-12-29');
    // Late on 30 June (BST) is already 1 July, a Wednesday: due on Thursday.
    expect(calendar.dueAfter('2026-06-30T23:30:00Z', 1)).toBe('2026-07-02');
  });

  it("dates instants all through a year, clock changes included, as London's own clock does", () => {
    const london = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });
    for (let time = Date.UTC(2026, 0, 1); time < Date.UTC(2027, 0, 1); time += 7 * 60_000) {
      // Each instant twice: the second answer comes from what the first remembered.
      for (const instant of [new Date(time), new Date(time).toISOString()]) expect(londonDate(instant)).toBe(london.format(time));
    }
    expect(() => londonDate('not a date')).toThrow(RangeError);
  });

  it('begins a London day at its midnight, in GMT, in BST and on the days the clocks change', () => {
    expect(londonDayStart('2026-01-15')).toBe('2026-01-15T00:00:00.000Z');
    expect(londonDayStart('2026-07-01')).toBe('2026-06-30T23:00:00.000Z');
    // The clocks go forward at 01:00 UTC on 29 March 2026 and back at 01:00 UTC on 25 October.
    expect(londonDayStart('2026-03-29')).toBe('2026-03-29T00:00:00.000Z');
    expect(londonDayStart('2026-03-30')).toBe('2026-03-29T23:00:00.000Z');
    expect(londonDayStart('2026-10-25')).toBe('2026-10-24T23:00:00.000Z');
    expect(londonDayStart('2026-10-26')).toBe('2026-10-26T00:00:00.000Z');
    for (let day = '2026-01-01'; day < '2027-01-01'; day = addDays(day, 1)) {
      const start = Date.parse(londonDayStart(day));
      expect([londonDate(new Date(start)), londonDate(new Date(start - 1))]).toEqual([day, addDays(day, -1)]);
    }
  });
});

describe('calendar dates', () => {
  it('accepts real dates only', () => {
    expect(isCalendarDate('2031-01-01')).toBe(true);
    expect(isCalendarDate('2031-02-31')).toBe(false);
    expect(isCalendarDate('2031-1-1')).toBe(false);
  });
});

describe('age on a day', () => {
  it('turns a year older on the birthday, not before', () => {
    expect(ageOn('2009-03-02', '2027-03-01')).toBe(17);
    expect(ageOn('2009-03-02', '2027-03-02')).toBe(18);
  });

  it('counts a 29 February birthday from 1 March in common years', () => {
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
  });
});

describe('counting working days by subtraction', () => {
  it('agrees with counting day by day, over every span of a sample of years', () => {
    const slow = (from: string, to: string) => {
      let count = 0;
      for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (calendar.isWorkingDay(day)) count++;
      return count;
    };
    for (const from of ['2015-01-01', '2019-12-20', '2022-09-16', '2026-12-24', '2030-12-20']) {
      for (const days of [0, 1, 3, 7, 30, 200]) {
        const to = addDays(from, days);
        if (to <= calendar.coveredUntil) expect(calendar.workingDaysBetween(from, to)).toBe(slow(from, to));
      }
    }
  });

  it('counts from before the first known year day by day, and refuses past the last', () => {
    expect(calendar.workingDaysBetween('2014-12-29', '2015-01-05')).toBe(4);
    expect(() => calendar.workingDaysBetween('2030-12-20', '2031-01-06')).toThrow(CalendarNotCovered);
  });
});

describe('the last day a clock could start and have run out before a day', () => {
  it('is the last start whose due day is earlier, and the next start\'s is not, over two years and every clock length', () => {
    const wrong: string[] = [];
    for (let today = '2026-01-01'; today <= '2027-12-31'; today = addDays(today, 1)) {
      for (const workingDays of [1, 2, 5]) {
        const last = lastStartOverdue(calendar, today, workingDays);
        if (!(calendar.addWorkingDays(last, workingDays) < today && calendar.addWorkingDays(addDays(last, 1), workingDays) >= today)) wrong.push(`${today} (${workingDays}): ${last}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('answers for the last day the calendar covers, counting no day after it', () => {
    // Christmas Day and Boxing Day 2030 fall on Wednesday and Thursday.
    expect(lastStartOverdue(calendar, '2030-12-31', 5)).toBe('2030-12-19');
  });
});
