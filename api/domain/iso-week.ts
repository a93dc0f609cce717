import type { WeekdayNumbers } from 'luxon';
import { DateTime, IANAZone } from 'luxon';

/** An ISO 8601 week, written `YYYY-Www` (e.g. `2026-W48`). Zero-padded, so strings sort in time order. */
export type IsoWeek = `${number}-W${string}`;

const ISO_WEEK = /^(\d{4})-W(\d{2})$/;

export function isValidTimeZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

function zoned(instant: Date, timeZone: string): DateTime {
  if (!isValidTimeZone(timeZone)) throw new RangeError(`Unknown IANA time zone '${timeZone}'`);
  return DateTime.fromJSDate(instant, { zone: timeZone });
}

function format(dt: DateTime): IsoWeek {
  return `${dt.weekYear}-W${String(dt.weekNumber).padStart(2, '0')}` as IsoWeek;
}

/** The ISO week that `instant` falls in for someone living in `timeZone`. */
export function isoWeekOf(instant: Date, timeZone: string): IsoWeek {
  return format(zoned(instant, timeZone));
}

export function isIsoWeek(value: string): value is IsoWeek {
  const m = ISO_WEEK.exec(value);
  if (!m) return false;
  const dt = DateTime.fromObject({ weekYear: Number(m[1]), weekNumber: Number(m[2]), weekday: 1 });
  // Luxon normalises W53 of a 52-week year into the next year; a round trip catches it.
  return dt.isValid && format(dt) === value;
}

function mondayOf(week: IsoWeek, timeZone: string): DateTime {
  const m = ISO_WEEK.exec(week);
  if (!m || !isIsoWeek(week)) throw new RangeError(`'${week}' is not an ISO week (YYYY-Www)`);
  // Luxon would otherwise return an invalid DateTime, i.e. silent `Invalid Date` bounds.
  if (!isValidTimeZone(timeZone)) throw new RangeError(`Unknown IANA time zone '${timeZone}'`);
  return DateTime.fromObject(
    { weekYear: Number(m[1]), weekNumber: Number(m[2]), weekday: 1 },
    { zone: timeZone },
  ).startOf('day');
}

export function addWeeks(week: IsoWeek, n: number): IsoWeek {
  return format(mondayOf(week, 'UTC').plus({ weeks: n }));
}

export function previousWeek(week: IsoWeek): IsoWeek {
  return addWeeks(week, -1);
}

/** The `count` weeks that end with `last`, oldest first (a trend's columns). */
export function weeksEndingWith(last: IsoWeek, count: number): IsoWeek[] {
  if (!Number.isInteger(count) || count < 1)
    throw new RangeError(`A week range needs 1 or more weeks (got ${count})`);
  return Array.from({ length: count }, (_, i) => addWeeks(last, i - count + 1));
}

/** Start (Monday 00:00, inclusive) and end (next Monday 00:00, exclusive) of a week in a time zone. */
export function weekBounds(week: IsoWeek, timeZone: string): { start: Date; end: Date } {
  const start = mondayOf(week, timeZone);
  return { start: start.toJSDate(), end: start.plus({ weeks: 1 }).toJSDate() };
}

/** Calendar date (YYYY-MM-DD) of `instant` in `timeZone`. */
export function localDate(instant: Date, timeZone: string): string {
  return zoned(instant, timeZone).toISODate() as string;
}

/**
 * Whole days from `from` to `to` (both YYYY-MM-DD calendar dates); positive when `to` is later.
 * Both parse as UTC midnights, so the difference is an exact number of days (no time zone, no DST); this
 * runs for every portfolio row, where a Luxon parse per date cost most of the request.
 */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}

/** A real calendar date written YYYY-MM-DD (rejects 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && DateTime.fromISO(value, { zone: 'UTC' }).isValid;
}

/**
 * The timestamp a record carries: ISO 8601 UTC to the whole second. SharePoint's date-and-time columns
 * keep no finer, and every store must read back exactly what it was given.
 */
export function timestampOf(instant: Date): string {
  return new Date(Math.floor(instant.getTime() / 1000) * 1000).toISOString();
}

/**
 * The instant of a weekday and local time (HH:mm) within an ISO week, in a time zone. A local time that
 * does not exist (skipped by a daylight-saving change) moves forward, as clocks do.
 */
export function instantInWeek(
  week: IsoWeek,
  weekday: WeekdayNumbers,
  localTime: string,
  timeZone: string,
): Date {
  const [year, number] = week.split('-W').map(Number);
  const [hour, minute] = localTime.split(':').map(Number);
  return DateTime.fromObject(
    { weekYear: year, weekNumber: number, weekday, hour, minute },
    { zone: timeZone },
  ).toJSDate();
}

/** A calendar date (YYYY-MM-DD) moved by whole days (negative: earlier). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
