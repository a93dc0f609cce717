import { timestampOf } from '../../api/domain/iso-week';
import type { RetryPolicy } from './backoff';
import { DEFAULT_RETRY_POLICY, backoffDelayMs, retryAfterDelayMs } from './backoff';
import type { DeliveryLog } from './delivery-log';
import { MinHeap } from './min-heap';
import type { TeamsLimits } from './rate-limiter';
import { RateLimiter } from './rate-limiter';
import { describeFailure } from './send-error';
import type { DeliveryRecord, DeliveryState, OutgoingMessage, SendTransport } from './types';

export interface SenderOptions {
  /** Epoch ms. */
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  /** In [0, 1), for jitter. */
  random: () => number;
  /** Overrides of `DEFAULT_TEAMS_LIMITS`. */
  limits?: Partial<TeamsLimits>;
  /** Attempts per `send`, the first included. Default 6. */
  maxAttempts?: number;
  /** First back-off window without a Retry-After; doubles each retry. Default 1 s. */
  baseDelayMs?: number;
  /** Longest wait: back-off is capped there, and a longer Retry-After ends the send as failed. Default 60 s. */
  maxDelayMs?: number;
  /** A 'sending' record older than this is taken over (its sender died midway). Default 10 min. */
  staleAfterMs?: number;
}

/** The real clock, for the composition root. */
export const SYSTEM_TIMING: Pick<SenderOptions, 'now' | 'sleep' | 'random'> = {
  now: () => Date.now(),
  sleep: (ms) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
};

export const DEFAULT_STALE_AFTER_MS = 10 * 60_000;
export const DEFAULT_CONCURRENCY = 16;
/** Writing a record after the message went out is retried this often: losing that write risks a resend. */
const SAVE_ATTEMPTS = 3;

/** The delivery log failed; the error text says whether the message had already gone out. */
export class DeliveryLogError extends Error {
  override readonly name = 'DeliveryLogError';
}

/**
 * The one way the bot sends unprompted. Each message is claimed in the delivery log under its key before
 * anything goes out, so a key is sent once however often (and from however many places) it is asked for;
 * sends keep to Teams' rate limits; 412, 429, 502, 503, 504 and network failures are retried with
 * back-off; every outcome is recorded. Delivery failures end as a 'failed' record with the reason, never
 * as an exception; only a failing delivery log throws.
 *
 * A record stuck in 'sending' (its sender died) is taken over once it is `staleAfterMs` old. If that sender
 * died after Teams took the message but before the log said so, the takeover sends it again: Teams has no
 * idempotency key, so that window (one HTTP answer and one write wide) cannot be closed from here.
 */
export class ProactiveSender {
  readonly limiter: RateLimiter;
  private readonly policy: RetryPolicy;
  private readonly staleAfterMs: number;
  /** Keys being sent by this sender: a second `send` of one joins the first. */
  private readonly inFlight = new Map<string, Promise<DeliveryRecord>>();

  constructor(
    private readonly transport: SendTransport,
    private readonly log: DeliveryLog,
    private readonly options: SenderOptions,
  ) {
    this.policy = {
      maxAttempts: options.maxAttempts ?? DEFAULT_RETRY_POLICY.maxAttempts,
      baseDelayMs: options.baseDelayMs ?? DEFAULT_RETRY_POLICY.baseDelayMs,
      maxDelayMs: options.maxDelayMs ?? DEFAULT_RETRY_POLICY.maxDelayMs,
    };
    this.staleAfterMs = options.staleAfterMs ?? DEFAULT_STALE_AFTER_MS;
    if (!Number.isInteger(this.policy.maxAttempts) || this.policy.maxAttempts < 1) {
      throw new Error(
        `ProactiveSender: maxAttempts must be an integer >= 1 (got ${this.policy.maxAttempts}).`,
      );
    }
    if (!(this.policy.baseDelayMs >= 0) || !(this.policy.maxDelayMs >= 0) || !(this.staleAfterMs > 0)) {
      throw new Error('ProactiveSender: baseDelayMs and maxDelayMs must be >= 0, staleAfterMs > 0.');
    }
    this.limiter = new RateLimiter({ now: options.now, sleep: options.sleep }, options.limits);
  }

  /**
   * Sends (or updates) once: returns the record; a key already 'sent' returns it without sending again.
   * A key another sender is sending now comes back as its 'sending' record.
   */
  send(message: OutgoingMessage): Promise<DeliveryRecord> {
    try {
      checkMessage(message);
    } catch (error) {
      return Promise.reject(error);
    }
    const running = this.inFlight.get(message.key);
    if (running) return running;
    const run = this.claimAndDeliver(message).finally(() => this.inFlight.delete(message.key));
    this.inFlight.set(message.key, run);
    return run;
  }

  /**
   * Sends them all, `concurrency` at a time (default 16), one at a time per conversation and in the
   * order given. Records come back in the order of `messages`. If the delivery log fails, no further
   * message is started and the error is thrown once the started ones end; the rest were not claimed,
   * so sending the same list again picks up where this stopped.
   */
  sendAll(messages: OutgoingMessage[], options: { concurrency?: number } = {}): Promise<DeliveryRecord[]> {
    const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
    if (!Number.isInteger(concurrency) || concurrency < 1) {
      return Promise.reject(new Error(`sendAll: concurrency must be an integer >= 1 (got ${concurrency}).`));
    }
    const byConversation = new Map<string, number[]>();
    messages.forEach((message, index) => {
      const id = message.target?.conversationId;
      const queue = byConversation.get(id) ?? [];
      queue.push(index);
      byConversation.set(id, queue);
    });
    // Conversations with nothing in flight, by the position of their next message.
    const idle = new MinHeap<number[]>((a, b) => a[0] < b[0]);
    for (const queue of byConversation.values()) idle.push(queue);

    const results = new Array<DeliveryRecord>(messages.length);
    return new Promise((resolve, reject) => {
      let running = 0;
      let failure: { error: unknown } | undefined;
      const startWhatFits = (): void => {
        while (!failure && running < concurrency && idle.size > 0) {
          const queue = idle.pop() as number[];
          const index = queue.shift() as number;
          running += 1;
          this.send(messages[index])
            .then(
              (record) => {
                results[index] = record;
              },
              (error: unknown) => {
                failure ??= { error };
              },
            )
            .finally(() => {
              running -= 1;
              if (queue.length > 0) idle.push(queue);
              startWhatFits();
            });
        }
        if (running > 0) return;
        if (failure) reject(failure.error);
        else resolve(results);
      };
      startWhatFits();
    });
  }

  private async claimAndDeliver(message: OutgoingMessage): Promise<DeliveryRecord> {
    const claim = await this.claim(message);
    return claim.owned ? this.deliver(message, claim.record) : claim.record;
  }

  /** Takes the key for this sender, or says who has it: 'sent' and fresh 'sending' records are left alone. */
  private async claim(message: OutgoingMessage): Promise<{ record: DeliveryRecord; owned: boolean }> {
    const stamp = this.stamp();
    const fresh: DeliveryRecord = {
      key: message.key,
      purpose: message.purpose,
      recipientId: message.recipientId,
      conversationId: message.target.conversationId,
      state: 'sending',
      attempts: 0,
      lastError: null,
      activityId: null,
      createdAt: stamp,
      updatedAt: stamp,
    };
    // Twice at most: a record can vanish between our claim and our read only if someone deletes it.
    for (let tries = 0; tries < 2; tries += 1) {
      const inserted = await this.logged('claim', fresh.key, () => this.log.claim(fresh));
      if (inserted) return { record: fresh, owned: true };
      const existing = await this.logged('read', fresh.key, () => this.log.get(fresh.key));
      if (!existing) continue;
      if (existing.state === 'sent') return { record: existing, owned: false };
      if (existing.state === 'sending' && !this.isStale(existing)) return { record: existing, owned: false };
      // 'failed' (a later send may retry it) or a stale 'sending': re-claim by updating it.
      const record: DeliveryRecord = {
        ...existing,
        purpose: message.purpose,
        recipientId: message.recipientId,
        conversationId: message.target.conversationId,
        state: 'sending',
        updatedAt: stamp,
      };
      await this.logged('re-claim', record.key, () => this.log.save(record));
      return { record, owned: true };
    }
    throw new DeliveryLogError(
      `The delivery log refuses to claim '${message.key}' yet has no record of it: check its claim() and get().`,
    );
  }

  private async deliver(message: OutgoingMessage, claimed: DeliveryRecord): Promise<DeliveryRecord> {
    const { key, target } = message;
    const operation = message.updateActivityId === undefined ? 'send' : 'update';
    let record = claimed;
    let savedAt = this.options.now();
    for (let attempt = 1; ; attempt += 1) {
      if (attempt > 1) {
        // The attempts so far and the last error, and a sign of life for staleness.
        const attempted = { ...record, updatedAt: this.stamp() };
        await this.logged('record an attempt of', key, () => this.log.save(attempted));
        record = attempted;
        savedAt = this.options.now();
      }
      // Nothing may come between a granted slot and the send: Teams counts the request when it arrives.
      for (;;) {
        await this.limiter.acquire(target.conversationId);
        if (this.options.now() - savedAt < this.staleAfterMs / 2) break;
        // We waited so long that another sender may have judged us dead and taken the key over.
        const current = await this.logged('read', key, () => this.log.get(key));
        if (current && !sameClaim(current, record)) return current;
        const alive = { ...record, updatedAt: this.stamp() };
        await this.logged('refresh the claim on', key, () => this.log.save(alive));
        record = alive;
        savedAt = this.options.now();
        // That slot went by while we wrote; wait for a fresh one.
      }
      record = { ...record, attempts: record.attempts + 1 };
      let activityId: string;
      try {
        activityId = await this.transmit(message);
      } catch (error) {
        const failure = describeFailure(error, operation);
        const { retryAfterMs } = failure;
        const wait =
          retryAfterMs !== undefined
            ? retryAfterDelayMs(retryAfterMs, this.options.random)
            : backoffDelayMs(attempt, this.policy, this.options.random);
        if (failure.status === 429) {
          const until = this.options.now() + (retryAfterMs ?? wait);
          if (failure.scope === 'app') this.limiter.pauseApp(until);
          else this.limiter.pauseConversation(target.conversationId, until);
        }
        if (!failure.retryable) return this.finish({ ...record, lastError: failure.reason }, 'failed');
        if (attempt >= this.policy.maxAttempts) {
          const lastError = `gave up after ${attempt} attempts; the last: ${failure.reason}`;
          return this.finish({ ...record, lastError }, 'failed');
        }
        if (retryAfterMs !== undefined && retryAfterMs > this.policy.maxDelayMs) {
          const lastError = `${failure.reason}; Teams asked to wait ${seconds(retryAfterMs)}, longer than this sender waits (${seconds(this.policy.maxDelayMs)}): send it again later`;
          return this.finish({ ...record, lastError }, 'failed');
        }
        record = { ...record, lastError: failure.reason };
        await this.options.sleep(wait);
        continue;
      }
      return this.finish({ ...record, activityId, lastError: null }, 'sent');
    }
  }

  private async transmit(message: OutgoingMessage): Promise<string> {
    if (message.updateActivityId !== undefined) {
      await this.transport.update(message.target, message.updateActivityId, message.activity);
      return message.updateActivityId;
    }
    return (await this.transport.send(message.target, message.activity)).activityId;
  }

  /** Records the outcome, trying the write a few times: the message has gone out (or never will). */
  private async finish(record: DeliveryRecord, state: DeliveryState): Promise<DeliveryRecord> {
    const done: DeliveryRecord = { ...record, state, updatedAt: this.stamp() };
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.log.save(done);
        return done;
      } catch (error) {
        if (attempt >= SAVE_ATTEMPTS) {
          const what =
            state === 'sent' ? `was sent (activity ${done.activityId})` : `failed (${done.lastError})`;
          throw new DeliveryLogError(
            `Delivery '${done.key}' ${what}, but the delivery log would not record it: ${errorMessage(error)}. ` +
              `Its record still says 'sending'; once it is stale a sender may take it over${state === 'sent' ? ' and send it again' : ''}.`,
          );
        }
        await this.options.sleep(
          backoffDelayMs(attempt, { ...this.policy, baseDelayMs: 200 }, this.options.random),
        );
      }
    }
  }

  /** A log call whose failure stops this send before anything more goes out. */
  private async logged<T>(what: string, key: string, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      throw new DeliveryLogError(
        `The delivery log failed to ${what} '${key}': ${errorMessage(error)}. Nothing more was sent for it.`,
        { cause: error },
      );
    }
  }

  private isStale(record: DeliveryRecord): boolean {
    // An unreadable stamp counts as stale: better to recover the delivery than to skip it forever.
    return !(this.options.now() - Date.parse(record.updatedAt) < this.staleAfterMs);
  }

  private stamp(): string {
    return timestampOf(new Date(this.options.now()));
  }
}

/** Still the record this sender last wrote (stamps are whole seconds, so attempts break most ties). */
function sameClaim(current: DeliveryRecord, ours: DeliveryRecord): boolean {
  return (
    current.state === 'sending' && current.updatedAt === ours.updatedAt && current.attempts === ours.attempts
  );
}

function checkMessage(message: OutgoingMessage): void {
  if (typeof message?.key !== 'string' || message.key.trim() === '') {
    throw new Error(
      "ProactiveSender: a message needs a key (its idempotency key, e.g. 'statusRequest:<requestId>').",
    );
  }
  if (!message.target?.conversationId || !message.target.serviceUrl) {
    throw new Error(
      `ProactiveSender: message '${message.key}' needs target.conversationId and target.serviceUrl (from the stored conversation reference).`,
    );
  }
}

const seconds = (ms: number): string => `${Math.round(ms / 100) / 10} s`;
const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));
