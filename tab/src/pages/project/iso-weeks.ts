import type { IsoWeek } from '../../api/types';

/**
 * ISO week arithmetic for the status timeline, in UTC calendar terms (a week is a label here, not an
 * instant). Kept small and local: the server's version uses Luxon, which the tab does not need to ship.
 */
const ISO_WEEK = /^(\d{4})-W(\d{2})$/;
const DAY = 86_400_000;

/** Monday of the week as a UTC midnight. */
export function mondayOf(week: string): Date {
  const m = ISO_WEEK.exec(week);
  if (!m) throw new RangeError(`'${week}' is not an ISO week`);
  const jan4 = Date.UTC(Number(m[1]), 0, 4);
  const jan4Weekday = new Date(jan4).getUTCDay() || 7;
  return new Date(jan4 - (jan4Weekday - 1) * DAY + (Number(m[2]) - 1) * 7 * DAY);
}

export function isoWeekOf(instant: Date): IsoWeek {
  const d = new Date(Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth(), instant.getUTCDate()));
  const weekday = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - weekday); // the Thursday of the week decides its year
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((d.getTime() - yearStart) / DAY + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}` as IsoWeek;
}

export function addWeeks(week: string, n: number): IsoWeek {
  return isoWeekOf(new Date(mondayOf(week).getTime() + n * 7 * DAY));
}

/** Every week from `first` to `last` inclusive, oldest first (weeks without a report included). */
export function weeksBetween(first: string, last: string): IsoWeek[] {
  const out: IsoWeek[] = [];
  for (let w = first as IsoWeek; w <= last && out.length < 520; w = addWeeks(w, 1)) out.push(w);
  return out;
}

/** "W48" */
export function weekShort(week: string): string {
  return `W${week.slice(-2)}`;
}

/** "Week 48, 2026" */
export function weekLong(week: string): string {
  return `Week ${Number(week.slice(-2))}, ${week.slice(0, 4)}`;
}
