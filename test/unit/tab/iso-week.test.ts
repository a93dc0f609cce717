import {
  addWeeks,
  isIsoWeek,
  isoWeekOf,
  mondayOf,
  weekDates,
  weeksBetween,
} from '../../../tab/src/components/iso-week';
import * as domain from '../../../api/domain/iso-week';

describe("the tab's ISO weeks (no Luxon in the bundle)", () => {
  it.each(['2026-W01', '2026-W48', '2026-W53', '2020-W53', '2021-W01', '2024-W52', '2025-W01'])(
    'should agree with the domain on %p',
    (week) => {
      if (!domain.isIsoWeek(week)) {
        expect(isIsoWeek(week)).toBe(false);
        return;
      }
      expect(isIsoWeek(week)).toBe(true);
      expect(addWeeks(week, 1)).toBe(domain.addWeeks(week, 1));
      expect(addWeeks(week, -1)).toBe(domain.addWeeks(week, -1));
      expect(weekDates(week).monday).toBe(domain.weekBounds(week, 'UTC').start.toISOString().slice(0, 10));
    },
  );

  it('should refuse weeks that do not exist', () => {
    expect(isIsoWeek('2025-W53')).toBe(false); // 2025 has 52 ISO weeks (2026, starting on a Thursday, has 53)
    expect(isIsoWeek('2026-W00')).toBe(false);
    expect(isIsoWeek('2026-48')).toBe(false);
    expect(isIsoWeek(null)).toBe(false);
  });

  it('should put a new year’s first days in the right week', () => {
    expect(isoWeekOf(new Date('2027-01-01T00:00:00Z'))).toBe('2026-W53');
    expect(isoWeekOf(new Date('2025-12-29T00:00:00Z'))).toBe('2026-W01');
    expect(mondayOf('2026-W01').toISOString()).toBe('2025-12-29T00:00:00.000Z');
  });

  it('should list the weeks between two, across a year end', () => {
    expect(weeksBetween('2026-W51', '2027-W02')).toEqual([
      '2026-W51',
      '2026-W52',
      '2026-W53',
      '2027-W01',
      '2027-W02',
    ]);
  });
});
