/**
 * Teams' bot API rate limits ("Optimize your bot with rate limiting in Teams") over sliding windows, on an
 * injectable clock. A request over any window is refused with 429 and the time until that window has room.
 */

import type { Limits, RateWindow } from './types';

const SECOND = 1000;
const HOUR = 3600 * SECOND;

export const DEFAULT_LIMITS: Limits = {
  send: [
    { windowMs: SECOND, max: 7 },
    { windowMs: 2 * SECOND, max: 8 },
    { windowMs: 30 * SECOND, max: 60 },
    { windowMs: HOUR, max: 1800 },
  ],
  members: [
    { windowMs: SECOND, max: 14 },
    { windowMs: 2 * SECOND, max: 16 },
    { windowMs: 30 * SECOND, max: 120 },
    { windowMs: HOUR, max: 3600 },
  ],
  sendAllBots: [
    { windowMs: SECOND, max: 14 },
    { windowMs: 2 * SECOND, max: 16 },
  ],
  membersAllBots: [
    { windowMs: SECOND, max: 28 },
    { windowMs: 2 * SECOND, max: 32 },
  ],
  perAppPerTenant: [{ windowMs: SECOND, max: 50 }],
};

const NO_LIMITS: Limits = { send: [], members: [], sendAllBots: [], membersAllBots: [], perAppPerTenant: [] };

export function resolveLimits(option: false | Partial<Limits> | undefined): Limits {
  if (option === false) return NO_LIMITS;
  const limits = { ...DEFAULT_LIMITS, ...option };
  for (const [name, windows] of Object.entries(limits)) {
    for (const w of windows as RateWindow[]) {
      if (!(w.windowMs > 0) || !Number.isInteger(w.max) || w.max < 1) {
        throw new Error(`limits.${name}: each window needs windowMs > 0 and an integer max >= 1.`);
      }
    }
  }
  return limits;
}

/** A refusal: how long until there is room, and why. */
export interface Throttle {
  retryAfterMs: number;
  message: string;
}

/** Retry-After in seconds, to the millisecond ('1', '0.25', '1.001'), never below 0.001. */
export function formatRetryAfter(ms: number): string {
  return String(Math.max(1, Math.ceil(ms)) / 1000);
}

const describeWindow = (w: RateWindow): string =>
  w.windowMs % HOUR === 0 ? `${w.windowMs / HOUR} h` : `${w.windowMs / SECOND} s`;

/** Event times per key for one set of windows. */
class SlidingWindows {
  private readonly events = new Map<string, number[]>();
  private readonly longestMs: number;

  constructor(private readonly windows: RateWindow[]) {
    this.longestMs = Math.max(0, ...windows.map((w) => w.windowMs));
  }

  /** Ms until `key` has room in every window (0: room now), and the window that binds longest. */
  wait(key: string, now: number): { waitMs: number; window?: RateWindow } {
    const times = this.prune(key, now);
    let waitMs = 0;
    let binding: RateWindow | undefined;
    for (const w of this.windows) {
      const inWindow = times.filter((t) => now - t < w.windowMs);
      if (inWindow.length < w.max) continue;
      // Room comes back when all but max - 1 of them have left the window.
      const frees = inWindow[inWindow.length - w.max] + w.windowMs - now;
      if (frees > waitMs) {
        waitMs = frees;
        binding = w;
      }
    }
    return { waitMs, window: binding };
  }

  record(key: string, now: number): void {
    if (this.windows.length === 0) return;
    const times = this.events.get(key) ?? [];
    // Kept in time order even if a test clock steps back.
    let at = times.length;
    while (at > 0 && times[at - 1] > now) at -= 1;
    times.splice(at, 0, now);
    this.events.set(key, times);
  }

  private prune(key: string, now: number): number[] {
    const times = this.events.get(key);
    if (!times) return [];
    const kept = times.filter((t) => now - t < this.longestMs);
    this.events.set(key, kept);
    return kept;
  }
}

export type OperationKind = 'send' | 'members';

export class RateLimiter {
  private readonly perApp: SlidingWindows;
  private readonly perBot: Record<OperationKind, SlidingWindows>;
  private readonly allBots: Record<OperationKind, SlidingWindows>;

  constructor(limits: Limits) {
    this.perApp = new SlidingWindows(limits.perAppPerTenant);
    this.perBot = { send: new SlidingWindows(limits.send), members: new SlidingWindows(limits.members) };
    this.allBots = {
      send: new SlidingWindows(limits.sendAllBots),
      members: new SlidingWindows(limits.membersAllBots),
    };
  }

  /** Counts one request of `app` in `tenant` (throttled or not, as Teams does); a Throttle when over. */
  admitAppRequest(app: string, tenant: string, now: number): Throttle | undefined {
    const key = JSON.stringify([app, tenant]);
    const before = this.perApp.wait(key, now);
    this.perApp.record(key, now);
    if (before.waitMs === 0) return undefined;
    // This refused request occupies the window too, so room comes back later than it would have.
    const after = this.perApp.wait(key, now);
    const window = (after.window ?? before.window) as RateWindow;
    return {
      retryAfterMs: Math.max(after.waitMs, before.waitMs),
      message: `Too many requests: app '${app}' made more than ${window.max} requests in tenant '${tenant}' within ${describeWindow(window)} (refused requests count too).`,
    };
  }

  /** Checks one operation of `bot` in `conversationId` against its windows; records it only when admitted. */
  admitOperation(
    kind: OperationKind,
    bot: string,
    conversationId: string,
    now: number,
  ): Throttle | undefined {
    const botKey = JSON.stringify([bot, conversationId]);
    const own = this.perBot[kind].wait(botKey, now);
    const all = this.allBots[kind].wait(conversationId, now);
    if (own.waitMs > 0 || all.waitMs > 0) {
      const ownBinds = own.waitMs >= all.waitMs;
      const window = (ownBinds ? own.window : all.window) as RateWindow;
      const who = ownBinds ? `bot '${bot}'` : 'all bots together';
      const what = kind === 'send' ? 'send/create/reply/update/delete operations' : 'member reads';
      return {
        retryAfterMs: Math.max(own.waitMs, all.waitMs),
        message: `Too many requests: ${who} made ${window.max} ${what} in conversation '${conversationId}' within ${describeWindow(window)}, the most Teams allows.`,
      };
    }
    this.perBot[kind].record(botKey, now);
    this.allBots[kind].record(conversationId, now);
    return undefined;
  }
}
