import { MinHeap } from '../../../../../bot/proactive/min-heap';
import { seededRandom } from '../../../../../api/seed/random';

interface Timer {
  at: number;
  seq: number;
  wake: () => void;
}

/**
 * Simulated time: `sleep` registers a timer, and `run` lets every pending promise settle, then jumps to
 * the next timer, until the work is done. Nothing really waits, so an hour of sending takes milliseconds.
 */
export class FakeClock {
  private current: number;
  private seq = 0;
  private readonly timers = new MinHeap<Timer>((a, b) => a.at < b.at || (a.at === b.at && a.seq < b.seq));
  /** Every sleep asked for, in ms. */
  readonly sleeps: number[] = [];

  constructor(start = Date.parse('2026-11-23T09:00:00.000Z')) {
    this.current = start;
  }

  readonly now = (): number => this.current;

  readonly sleep = (ms: number): Promise<void> => {
    this.sleeps.push(ms);
    return new Promise((wake) =>
      this.timers.push({ at: this.current + Math.max(0, ms), seq: this.seq++, wake }),
    );
  };

  get pendingTimers(): number {
    return this.timers.size;
  }

  /** Runs simulated time until `work` settles; fails rather than spin if nothing can move it. */
  async run<T>(work: Promise<T>, maxSteps = 1_000_000): Promise<T> {
    let settled = false;
    work.then(
      () => (settled = true),
      () => (settled = true),
    );
    for (let step = 0; step < maxSteps; step += 1) {
      await settle();
      if (settled) return work;
      if (!this.fireNext())
        throw new Error('FakeClock.run: the work is stuck (no timers left, not settled).');
    }
    throw new Error(`FakeClock.run: still not settled after ${maxSteps} steps.`);
  }

  /** Moves time on by `ms`, firing the timers due on the way. */
  async advance(ms: number): Promise<void> {
    const until = this.current + ms;
    await settle();
    while (this.timers.size > 0 && (this.timers.peek() as Timer).at <= until) {
      this.fireNext();
      await settle();
    }
    this.current = until;
  }

  /** Fires every timer due at the next instant anything is due. */
  private fireNext(): boolean {
    const first = this.timers.peek();
    if (!first) return false;
    this.current = Math.max(this.current, first.at);
    while (this.timers.size > 0 && (this.timers.peek() as Timer).at <= this.current) {
      (this.timers.pop() as Timer).wake();
    }
    return true;
  }
}

/** Lets every queued promise reaction run (they all run before the next macrotask). */
export const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export { seededRandom };
