import type { RateWindow } from '../../../../../bot/proactive/rate-limiter';

/** The most events any window of `windowMs` holds, counting as Teams does: (t - windowMs, t]. */
export function busiestWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  let first = 0;
  for (let last = 0; last < sorted.length; last += 1) {
    while (sorted[first] <= sorted[last] - windowMs) first += 1;
    most = Math.max(most, last - first + 1);
  }
  return most;
}

/** Each window over its limit, as `max/windowMs: busiest` (empty when every window was kept). */
export function overLimits(times: readonly number[], windows: readonly RateWindow[]): string[] {
  return windows
    .map((w) => ({ w, busiest: busiestWindow(times, w.windowMs) }))
    .filter(({ w, busiest }) => busiest > w.max)
    .map(({ w, busiest }) => `${w.max}/${w.windowMs}ms: ${busiest}`);
}
