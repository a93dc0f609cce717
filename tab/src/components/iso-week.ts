import type { IsoWeek } from '../api/types';

/**
 * ISO week arithmetic for the tab, in UTC calendar terms: a week here is a label the API takes and
 * returns, not an instant (the server owns time zones, with Luxon, which the tab need not ship).
 */
const ISO_WEEK = /^(\d{4})-W(\d{2})$/;
const DAY = 86_400_000;

export function isIsoWeek(value: string | null): value is IsoWeek {
  const m = value === null ? null : ISO_WEEK.exec(value);
  return m !== null && isoWeekOf(mondayOf(value as string)) === value;
}

/** Monday of the week, as a UTC midnight. */
export function mondayOf(week: string): Date {
  const m = ISO_WEEK.exec(week);
  if (!m) throw new RangeError(`'${week}' is not an ISO week`);
  const jan4 = Date.UTC(Number(m[1]), 0, 4);
  const jan4Weekday = new Date(jan4).getUTCDay() || 7;
  return new Date(jan4 - (jan4Weekday - 1) * DAY + (Number(m[2]) - 1) * 7 * DAY);
}

/** The ISO week of a calendar day (its UTC date). */
export function isoWeekOf(day: Date): IsoWeek {
  const d = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()));
  const weekday = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - weekday); // the week's Thursday decides its year
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((d.getTime() - yearStart) / DAY + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}` as IsoWeek;
}

/** The ISO week of today where the browser is (the server's week is the PMO's; this is a fallback). */
export function localIsoWeek(now: Date = new Date()): IsoWeek {
  return isoWeekOf(new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate())));
}

export function addWeeks(week: string, n: number): IsoWeek {
  return isoWeekOf(new Date(mondayOf(week).getTime() + n * 7 * DAY));
}

/** Every week from `first` to `last` inclusive, oldest first (at most ten years). */
export function weeksBetween(first: string, last: string): IsoWeek[] {
  const out: IsoWeek[] = [];
  for (let w = first as IsoWeek; w <= last && out.length < 520; w = addWeeks(w, 1)) out.push(w);
  return out;
}

/** Monday and Sunday of the week, as YYYY-MM-DD dates. */
export function weekDates(week: string): { monday: string; sunday: string } {
  const monday = mondayOf(week);
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  return { monday: iso(monday), sunday: iso(new Date(monday.getTime() + 6 * DAY)) };
}

/** "W48" */
export function weekShort(week: string): string {
  return `W${week.slice(-2)}`;
}

/** "Week 48, 2026" */
export function weekLong(week: string): string {
  return `Week ${Number(week.slice(-2))}, ${week.slice(0, 4)}`;
}
