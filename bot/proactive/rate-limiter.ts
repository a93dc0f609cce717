import { MinHeap } from './min-heap';
import type { RateWindow } from './sliding-windows';
import { SendTimes } from './sliding-windows';

export type { RateWindow };

/** Teams' limits on what a bot sends ("Optimize your bot with rate limiting in Teams"). */
export interface TeamsLimits {
  /** Per bot per conversation, for sends, creates and updates alike: a send must fit every window. */
  perConversation: readonly RateWindow[];
  /** Per app per tenant, every request. */
  perApp: readonly RateWindow[];
  /**
   * Added to every window. Teams counts a request when it arrives; we count it when we let it go. The
   * gap between the two varies (event-loop delay, connection set-up, the network), and the guard absorbs
   * that variation so Teams never sees more in a window than we allowed.
   */
  guardMs: number;
}

const SECOND = 1000;
const HOUR = 3600 * SECOND;

/** Microsoft's figures (PLATFORM.md; older copies of the page say 30 per app per second). */
export const PUBLISHED_TEAMS_LIMITS: TeamsLimits = {
  perConversation: [
    { max: 7, windowMs: SECOND },
    { max: 8, windowMs: 2 * SECOND },
    { max: 60, windowMs: 30 * SECOND },
    { max: 1800, windowMs: HOUR },
  ],
  perApp: [{ max: 50, windowMs: SECOND }],
  guardMs: 0,
};

/**
 * The published counts, each window stretched by 20 ms: about 49 requests a second per app instead of
 * 50. Lowering the counts instead would not help: a sliding window hands out its slots in bursts, and
 * one late request of the previous burst is enough to push Teams' count over, whatever the count. One
 * limiter guards one process: with several instances sending, divide `perApp` between them.
 */
export const DEFAULT_TEAMS_LIMITS: TeamsLimits = { ...PUBLISHED_TEAMS_LIMITS, guardMs: 20 };

/** The defaults with `overrides` applied, checked: a bad window fails here, not by flooding Teams. */
export function resolveLimits(overrides: Partial<TeamsLimits> = {}): TeamsLimits {
  const limits = { ...DEFAULT_TEAMS_LIMITS, ...overrides };
  for (const name of ['perConversation', 'perApp'] as const) {
    for (const w of limits[name]) {
      if (!Number.isInteger(w.max) || w.max < 1 || !(w.windowMs > 0)) {
        throw new Error(
          `limits.${name}: every window needs an integer max >= 1 and windowMs > 0 (got ${JSON.stringify(w)}).`,
        );
      }
    }
  }
  if (!(limits.guardMs >= 0)) throw new Error(`limits.guardMs must be 0 or more (got ${limits.guardMs}).`);
  return limits;
}

export interface LimiterClock {
  /** Epoch ms. */
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

interface Waiter {
  /** Arrival order, for fairness across conversations. */
  seq: number;
  grant: () => void;
}

interface Conversation {
  id: string;
  sends: SendTimes;
  /** In arrival order; only the first one is scheduled. */
  waiters: Waiter[];
  pausedUntil: number;
  /** Which heap holds it: none (no waiters), `timed` (its first waiter can go at a later time) or `ready`. */
  place: 'idle' | 'timed' | 'ready';
  /** An entry in the idle heap exists for it. */
  expiryQueued: boolean;
}

interface Timed {
  at: number;
  conversation: Conversation;
}

/**
 * Lets a send go when it fits every window of its conversation and of the app, in the order sends asked
 * (FIFO across conversations: among those whose conversation has room, the one that asked first goes
 * first; a conversation at its limit holds up only its own sends).
 *
 * Only each conversation's first waiter is scheduled, in one of two heaps: `timed` by when its
 * conversation has room, `ready` by arrival. So `acquire` costs O(log n) in the conversations waiting,
 * never a scan of all of them; a conversation whose sends have all left its windows is forgotten.
 * Waiting uses the injected `sleep` (one pending wake-up at a time that matters; a wake-up that is
 * superseded by an earlier one does nothing when it fires).
 */
export class RateLimiter {
  readonly limits: TeamsLimits;
  private readonly conversations = new Map<string, Conversation>();
  private readonly app: SendTimes;
  private appPausedUntil = 0;
  private readonly timed = new MinHeap<Timed>((a, b) => a.at < b.at);
  private readonly ready = new MinHeap<Conversation>((a, b) => a.waiters[0].seq < b.waiters[0].seq);
  /** Idle conversations, by when they can be forgotten. */
  private readonly idle = new MinHeap<Timed>((a, b) => a.at < b.at);
  private seq = 0;
  private waiterCount = 0;
  private wakeAt = Infinity;
  private wakeGeneration = 0;

  constructor(
    private readonly clock: LimiterClock,
    limits: Partial<TeamsLimits> = {},
  ) {
    this.limits = resolveLimits(limits);
    this.app = new SendTimes(this.limits.perApp, this.limits.guardMs);
  }

  /** Conversations whose recent sends (or a pause) are still remembered. */
  get trackedConversations(): number {
    return this.conversations.size;
  }

  /** Sends waiting for their turn. */
  get waiting(): number {
    return this.waiterCount;
  }

  /** Resolves when one send to `conversationId` may go now, and counts it as sent at that instant. */
  acquire(conversationId: string): Promise<void> {
    const conversation = this.conversation(conversationId);
    const granted = new Promise<void>((grant) => {
      conversation.waiters.push({ seq: this.seq++, grant });
    });
    this.waiterCount += 1;
    if (conversation.place === 'idle') {
      conversation.place = 'timed';
      this.timed.push({ at: this.clock.now(), conversation });
    }
    this.wakeUpAt(this.grantWhatFits());
    return granted;
  }

  /** Holds every send to this conversation until `untilMs` (Teams answered 429 for it). */
  pauseConversation(conversationId: string, untilMs: number): void {
    const conversation = this.conversation(conversationId);
    conversation.pausedUntil = Math.max(conversation.pausedUntil, untilMs);
    if (conversation.place === 'idle') this.queueExpiry(conversation);
    // A pause only ever delays: whoever is scheduled earlier is rechecked when its time comes.
  }

  /** Holds every send until `untilMs` (Teams throttled the whole app). */
  pauseApp(untilMs: number): void {
    this.appPausedUntil = Math.max(this.appPausedUntil, untilMs);
  }

  /** Grants every waiter that may go now; returns when the next one might (Infinity: nobody waits). */
  private grantWhatFits(): number {
    const now = this.clock.now();
    this.forgetIdle(now);
    for (;;) {
      while (this.timed.size > 0 && (this.timed.peek() as Timed).at <= now) {
        const { conversation } = this.timed.pop() as Timed;
        this.schedule(conversation, now);
      }
      if (this.ready.size === 0) break;
      const appAt = Math.max(this.app.readyAt(now), this.appPausedUntil);
      if (appAt > now) return appAt;
      const conversation = this.ready.pop() as Conversation;
      // It was ready when it joined the heap; a 429 since may have paused it.
      if (this.roomAt(conversation, now) > now) {
        this.schedule(conversation, now);
        continue;
      }
      this.grant(conversation, now);
    }
    return this.timed.size > 0 ? (this.timed.peek() as Timed).at : Infinity;
  }

  private grant(conversation: Conversation, now: number): void {
    const waiter = conversation.waiters.shift() as Waiter;
    this.waiterCount -= 1;
    conversation.sends.record(now);
    this.app.record(now);
    waiter.grant();
    if (conversation.waiters.length > 0) {
      this.schedule(conversation, now);
    } else {
      conversation.place = 'idle';
      this.queueExpiry(conversation);
    }
  }

  /** Puts a conversation with waiters in the heap its next send belongs to. */
  private schedule(conversation: Conversation, now: number): void {
    const at = this.roomAt(conversation, now);
    if (at <= now) {
      conversation.place = 'ready';
      this.ready.push(conversation);
    } else {
      conversation.place = 'timed';
      this.timed.push({ at, conversation });
    }
  }

  private roomAt(conversation: Conversation, now: number): number {
    return Math.max(conversation.sends.readyAt(now), conversation.pausedUntil);
  }

  private wakeUpAt(at: number): void {
    if (at === Infinity || at >= this.wakeAt) return;
    this.wakeAt = at;
    const generation = ++this.wakeGeneration;
    const wake = () => {
      if (generation !== this.wakeGeneration) return;
      this.wakeAt = Infinity;
      this.wakeUpAt(this.grantWhatFits());
    };
    void this.clock.sleep(Math.max(0, at - this.clock.now())).then(wake, wake);
  }

  private conversation(id: string): Conversation {
    let conversation = this.conversations.get(id);
    if (!conversation) {
      conversation = {
        id,
        sends: new SendTimes(this.limits.perConversation, this.limits.guardMs),
        waiters: [],
        pausedUntil: 0,
        place: 'idle',
        expiryQueued: false,
      };
      this.conversations.set(id, conversation);
    }
    return conversation;
  }

  private expiresAt(conversation: Conversation): number {
    const last = conversation.sends.last;
    return Math.max(last === undefined ? 0 : last + conversation.sends.keepMs, conversation.pausedUntil);
  }

  private queueExpiry(conversation: Conversation): void {
    if (conversation.expiryQueued) return;
    conversation.expiryQueued = true;
    this.idle.push({ at: this.expiresAt(conversation), conversation });
  }

  /** Drops conversations that are idle and whose sends no window counts any more. */
  private forgetIdle(now: number): void {
    while (this.idle.size > 0 && (this.idle.peek() as Timed).at <= now) {
      const { conversation } = this.idle.pop() as Timed;
      conversation.expiryQueued = false;
      if (conversation.place !== 'idle') continue; // busy again: queued anew when it goes idle
      if (this.expiresAt(conversation) <= now) this.conversations.delete(conversation.id);
      else this.queueExpiry(conversation);
    }
  }
}
