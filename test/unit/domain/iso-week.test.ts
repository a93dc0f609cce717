import type { IsoWeek } from '../../../api/domain/iso-week';
import {
  addWeeks,
  daysBetween,
  isCalendarDate,
  isIsoWeek,
  isoWeekOf,
  isValidTimeZone,
  localDate,
  previousWeek,
  weekBounds,
  weeksEndingWith,
} from '../../../api/domain/iso-week';

const HOUR = 3_600_000;
const w = (s: string) => s as IsoWeek;

describe('isoWeekOf', () => {
  it.each([
    ['2020-12-31T12:00:00Z', '2020-W53'], // Thursday of a 53-week year
    ['2021-01-01T12:00:00Z', '2020-W53'],
    ['2021-01-03T12:00:00Z', '2020-W53'], // Sunday: still the old year's last week
    ['2021-01-04T00:00:00Z', '2021-W01'], // Monday
    ['2024-12-29T12:00:00Z', '2024-W52'],
    ['2024-12-30T12:00:00Z', '2025-W01'], // Monday of a week that belongs to the next year
    ['2026-01-01T12:00:00Z', '2026-W01'],
    ['2026-12-31T12:00:00Z', '2026-W53'],
    ['2027-01-03T23:59:59Z', '2026-W53'],
    ['2027-01-04T00:00:00Z', '2027-W01'],
  ])('should put %s (UTC) in %s', (instant, week) => {
    expect(isoWeekOf(new Date(instant), 'UTC')).toBe(week);
  });

  it.each([
    // Sunday 23:30 UTC is already Monday morning in Tokyo
    ['2026-03-08T23:30:00Z', 'UTC', '2026-W10'],
    ['2026-03-08T23:30:00Z', 'Asia/Tokyo', '2026-W11'],
    // Monday 03:00 UTC is still Sunday evening in New York
    ['2026-03-09T03:00:00Z', 'UTC', '2026-W11'],
    ['2026-03-09T03:00:00Z', 'America/New_York', '2026-W10'],
    // ...and across a year boundary
    ['2024-12-29T20:00:00Z', 'UTC', '2024-W52'],
    ['2024-12-29T20:00:00Z', 'Pacific/Auckland', '2025-W01'],
  ])('should put %s in the week of its local date in %s (%s)', (instant, zone, week) => {
    expect(isoWeekOf(new Date(instant), zone)).toBe(week);
  });

  it('should refuse an unknown time zone', () => {
    expect(() => isoWeekOf(new Date('2026-03-09T00:00:00Z'), 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('localDate', () => {
  it('should give the calendar date in the zone, not in UTC', () => {
    const instant = new Date('2026-03-08T23:30:00Z');
    expect(localDate(instant, 'UTC')).toBe('2026-03-08');
    expect(localDate(instant, 'Asia/Tokyo')).toBe('2026-03-09');
  });
});

describe('weekBounds', () => {
  it('should run from Monday 00:00 to the next Monday 00:00 local time', () => {
    const { start, end } = weekBounds(w('2026-W11'), 'Asia/Tokyo');
    expect(start.toISOString()).toBe('2026-03-08T15:00:00.000Z');
    expect(end.toISOString()).toBe('2026-03-15T15:00:00.000Z');
  });

  it.each([
    ['2026-W20', 'Europe/London', 168, '2026-05-10T23:00:00.000Z'], // an ordinary summer week (BST)
    ['2026-W13', 'Europe/London', 167, '2026-03-23T00:00:00.000Z'], // clocks go forward on Sunday 29 March
    ['2026-W43', 'Europe/London', 169, '2026-10-18T23:00:00.000Z'], // clocks go back on Sunday 25 October
    ['2026-W13', 'UTC', 168, '2026-03-23T00:00:00.000Z'],
  ])('should make %s in %s last %i hours', (week, zone, hours, startIso) => {
    const { start, end } = weekBounds(w(week), zone);
    expect(start.toISOString()).toBe(startIso);
    expect((end.getTime() - start.getTime()) / HOUR).toBe(hours);
  });

  it.each([
    ['2026-W13', 'Europe/London'],
    ['2026-W43', 'Europe/London'],
    ['2020-W53', 'America/New_York'],
    ['2025-W01', 'Pacific/Auckland'],
  ])('should agree with isoWeekOf at both edges of %s in %s', (week, zone) => {
    const { start, end } = weekBounds(w(week), zone);
    expect(isoWeekOf(start, zone)).toBe(week);
    expect(isoWeekOf(new Date(end.getTime() - 1), zone)).toBe(week);
    expect(isoWeekOf(end, zone)).toBe(addWeeks(w(week), 1));
  });

  it('should refuse a malformed week', () => {
    expect(() => weekBounds(w('2025-W53'), 'UTC')).toThrow(RangeError);
  });

  it('should refuse an unknown time zone instead of returning invalid dates', () => {
    expect(() => weekBounds(w('2026-W13'), 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('isIsoWeek', () => {
  it.each(['2026-W01', '2026-W10', '2026-W53', '2020-W53', '2025-W52', '2015-W53'])(
    'should accept %s',
    (value) => {
      expect(isIsoWeek(value)).toBe(true);
    },
  );

  it.each([
    '2025-W53', // 2025 has only 52 weeks
    '2024-W53',
    '2026-W00',
    '2026-W54',
    '2026-W1',
    '2026W01',
    '2026-w01',
    ' 2026-W01',
    '2026-W01 ',
    '26-W01',
    '2026-W1a',
    '2026-03-09',
    '',
  ])('should reject %j', (value) => {
    expect(isIsoWeek(value)).toBe(false);
  });
});

describe('addWeeks / previousWeek', () => {
  it.each([
    ['2026-W10', 0, '2026-W10'],
    ['2026-W10', 1, '2026-W11'],
    ['2020-W53', 1, '2021-W01'],
    ['2021-W01', -1, '2020-W53'],
    ['2025-W52', 1, '2026-W01'],
    ['2026-W52', 1, '2026-W53'],
    ['2026-W53', 1, '2027-W01'],
    ['2026-W10', 52, '2027-W09'], // 2026 has 53 weeks
    ['2026-W10', -52, '2025-W10'],
  ])('should move %s by %i weeks to %s', (week, n, expected) => {
    expect(addWeeks(w(week), n)).toBe(expected);
  });

  it.each([
    ['2026-W11', '2026-W10'],
    ['2021-W01', '2020-W53'],
    ['2025-W01', '2024-W52'],
    ['2027-W01', '2026-W53'],
  ])('should give %s the previous week %s', (week, expected) => {
    expect(previousWeek(w(week))).toBe(expected);
  });

  it('should refuse an invalid week', () => {
    expect(() => addWeeks(w('2025-W53'), 1)).toThrow(RangeError);
  });
});

describe('daysBetween', () => {
  it.each([
    ['2026-03-01', '2026-03-01', 0],
    ['2026-03-01', '2026-03-31', 30],
    ['2026-03-31', '2026-03-01', -30],
    ['2024-02-28', '2024-03-01', 2], // leap year
    ['2026-02-28', '2026-03-01', 1],
    ['2026-03-28', '2026-03-30', 2], // across a DST change in many zones
    ['2025-12-31', '2026-01-01', 1],
    ['2025-01-01', '2026-01-01', 365],
  ])('should count from %s to %s as %i days', (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });
});

describe('isCalendarDate', () => {
  it.each(['2026-03-09', '2024-02-29', '2026-12-31', '2000-02-29'])('should accept %s', (value) => {
    expect(isCalendarDate(value)).toBe(true);
  });

  it.each([
    '2026-02-30',
    '2026-02-29', // not a leap year
    '1900-02-29',
    '2026-13-01',
    '2026-00-10',
    '2026-04-31',
    '2026-3-9',
    '2026-03-09T00:00:00Z',
    '09/03/2026',
    '',
  ])('should reject %j', (value) => {
    expect(isCalendarDate(value)).toBe(false);
  });
});

describe('isValidTimeZone', () => {
  it.each(['Europe/London', 'Asia/Tokyo', 'America/New_York', 'UTC'])('should accept %s', (zone) => {
    expect(isValidTimeZone(zone)).toBe(true);
  });

  it.each(['Mars/Olympus', 'Europe/Londn', '', 'not a zone'])('should reject %j', (zone) => {
    expect(isValidTimeZone(zone)).toBe(false);
  });
});

describe('weeksEndingWith', () => {
  it('should give the weeks ending with the one named, oldest first', () => {
    expect(weeksEndingWith(w('2026-W48'), 3)).toEqual(['2026-W46', '2026-W47', '2026-W48']);
    expect(weeksEndingWith(w('2026-W48'), 1)).toEqual(['2026-W48']);
  });

  it('should cross into the previous year, through its week 53 when it has one', () => {
    expect(weeksEndingWith(w('2027-W02'), 4)).toEqual(['2026-W52', '2026-W53', '2027-W01', '2027-W02']);
    expect(weeksEndingWith(w('2026-W01'), 2)).toEqual(['2025-W52', '2026-W01']);
  });

  it('should give half a year of distinct weeks in time order', () => {
    const weeks = weeksEndingWith(w('2026-W10'), 26);
    expect(weeks).toHaveLength(26);
    expect(weeks[0]).toBe('2025-W37');
    expect([...weeks].sort()).toEqual(weeks);
  });

  it.each([0, -1, 2.5, Number.NaN])('should refuse %p weeks', (n) => {
    expect(() => weeksEndingWith(w('2026-W48'), n)).toThrow(RangeError);
  });
});
