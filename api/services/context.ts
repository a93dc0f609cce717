import { randomUUID } from 'node:crypto';
import type { IsoWeek } from '../domain/iso-week';
import { isoWeekOf } from '../domain/iso-week';
import { staleThreshold } from '../domain/project';
import type { Store } from '../store/store';

/** Time, injected so tests and the scheduler can run whole weeks in milliseconds. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** What every use case needs from the outside, wired once by the composition root. */
export interface ServiceContext {
  store: Store;
  clock: Clock;
  newId: () => string;
  /** The PMO's IANA time zone: "this week" on the dashboard is this zone's ISO week. */
  pmoTimeZone: string;
}

export function serviceContext(
  store: Store,
  options: { clock?: Clock; newId?: () => string; pmoTimeZone: string },
): ServiceContext {
  return {
    store,
    clock: options.clock ?? systemClock,
    newId: options.newId ?? randomUUID,
    pmoTimeZone: options.pmoTimeZone,
  };
}

/** The PMO's current ISO week and the staleness threshold that follows from it. */
export function pmoWeek(ctx: ServiceContext): { currentWeek: IsoWeek; staleBefore: IsoWeek } {
  const currentWeek = isoWeekOf(ctx.clock.now(), ctx.pmoTimeZone);
  return { currentWeek, staleBefore: staleThreshold(currentWeek) };
}
