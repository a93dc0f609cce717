/** At most `max` operations in any `windowMs` (a sliding window, as Teams counts them). */
export interface RateWindow {
  max: number;
  windowMs: number;
}

/**
 * The times of recent sends for one key (a conversation, or the app), oldest first. Only what a window
 * can still count is kept: nothing older than the longest window, and no more than the largest `max`
 * (the max-th most recent send is all a window needs to know).
 */
export class SendTimes {
  private times: number[] = [];
  private head = 0;
  /** How long a send keeps mattering to some window. */
  readonly keepMs: number;
  private readonly keepCount: number;

  constructor(
    private readonly windows: readonly RateWindow[],
    private readonly guardMs: number,
  ) {
    this.keepMs = Math.max(0, ...windows.map((w) => w.windowMs)) + guardMs;
    this.keepCount = Math.max(0, ...windows.map((w) => w.max));
  }

  get last(): number | undefined {
    return this.head < this.times.length ? this.times[this.times.length - 1] : undefined;
  }

  /**
   * The earliest instant, not before `now`, at which one more send fits every window: a window with
   * `max` sends already needs its max-th most recent one to be `windowMs + guardMs` old.
   */
  readyAt(now: number): number {
    this.prune(now);
    const count = this.times.length - this.head;
    let at = now;
    for (const w of this.windows) {
      if (count >= w.max)
        at = Math.max(at, this.times[this.times.length - w.max] + w.windowMs + this.guardMs);
    }
    return at;
  }

  record(at: number): void {
    if (this.windows.length === 0) return;
    this.times.push(at);
    if (this.times.length - this.head > this.keepCount) this.head += 1;
    this.compact();
  }

  private prune(now: number): void {
    while (this.head < this.times.length && this.times[this.head] <= now - this.keepMs) this.head += 1;
    this.compact();
  }

  private compact(): void {
    if (this.head === this.times.length) {
      this.times = [];
      this.head = 0;
    } else if (this.head >= 64 && this.head * 2 >= this.times.length) {
      this.times = this.times.slice(this.head);
      this.head = 0;
    }
  }
}
