import type { RateWindow, TeamsLimits } from '../../../../../bot/proactive/rate-limiter';
import { PUBLISHED_TEAMS_LIMITS } from '../../../../../bot/proactive/rate-limiter';
import { SendError } from '../../../../../bot/proactive/send-error';
import type { ConversationTarget, OutgoingActivity, SendTransport } from '../../../../../bot/proactive/types';
import type { FakeClock } from './fake-clock';

export interface Call {
  n: number;
  kind: 'send' | 'update';
  conversationId: string;
  activity: OutgoingActivity;
  /** The activity updated, for an update. */
  activityId?: string;
  /** When Teams counted it. */
  at: number;
  /** When the answer came back. */
  answeredAt: number;
  /** 200, an error status, or 0 for a network failure. */
  status: number;
  retryAfterMs?: number;
}

export interface SimulatedTeamsOptions {
  clock: FakeClock;
  random?: () => number;
  /** Enforced as Teams does, by arrival, counting refused requests too. Default: the published ones. */
  limits?: Pick<TeamsLimits, 'perConversation' | 'perApp'>;
  /** From the call to Teams counting it, ms [min, max]. */
  arrivalMs?: [number, number];
  /** From Teams counting it to the answer, ms [min, max]. */
  answerMs?: [number, number];
  /** Share of requests refused at random with 429, as the bench's fake does. */
  throttleRate?: number;
  throttleRetryAfterMs?: number;
  /** A scripted answer: the error to throw for this call, if any. */
  fault?: (call: Call) => SendError | undefined;
}

/**
 * The Bot Connector as the sender sees it, on simulated time: a delay, Teams' windows enforced by arrival
 * (a request over one is answered 429 and counted in `overLimit`), random throttling, scripted faults,
 * and a log of every call.
 */
export class SimulatedTeams implements SendTransport {
  readonly calls: Call[] = [];
  /** Requests Teams refused because a window was full: the sender's limiter let too many through. */
  overLimit = 0;
  /** Requests under way at once, now and at most. */
  inFlight = 0;
  maxInFlight = 0;
  fault: SimulatedTeamsOptions['fault'];
  private readonly arrivals = new Map<string, number[]>();
  private readonly appArrivals: number[] = [];
  private readonly limits: Pick<TeamsLimits, 'perConversation' | 'perApp'>;
  private readonly random: () => number;

  constructor(private readonly options: SimulatedTeamsOptions) {
    this.limits = options.limits ?? PUBLISHED_TEAMS_LIMITS;
    this.random = options.random ?? Math.random;
    this.fault = options.fault;
  }

  /** Calls Teams accepted. */
  get delivered(): Call[] {
    return this.calls.filter((c) => c.status === 200);
  }

  callsTo(conversationId: string): Call[] {
    return this.calls.filter((c) => c.conversationId === conversationId);
  }

  async send(target: ConversationTarget, activity: OutgoingActivity): Promise<{ activityId: string }> {
    return { activityId: await this.handle('send', target, activity) };
  }

  async update(target: ConversationTarget, activityId: string, activity: OutgoingActivity): Promise<void> {
    await this.handle('update', target, activity, activityId);
  }

  private async handle(
    kind: Call['kind'],
    target: ConversationTarget,
    activity: OutgoingActivity,
    activityId?: string,
  ): Promise<string> {
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      return await this.exchange(kind, target, activity, activityId);
    } finally {
      this.inFlight -= 1;
    }
  }

  private async exchange(
    kind: Call['kind'],
    target: ConversationTarget,
    activity: OutgoingActivity,
    activityId?: string,
  ): Promise<string> {
    const { clock } = this.options;
    await clock.sleep(this.between(this.options.arrivalMs));
    const at = clock.now();
    const call: Call = {
      n: this.calls.length + 1,
      kind,
      conversationId: target.conversationId,
      activity,
      activityId,
      at,
      answeredAt: at,
      status: 200,
    };
    this.calls.push(call);
    let error = this.fault?.(call);
    if (!error && this.options.throttleRate && this.random() < this.options.throttleRate) {
      error = new SendError('Too many requests.', 429, this.options.throttleRetryAfterMs ?? 1000, {
        code: 'Throttled',
      });
    }
    const overWindow = this.count(target.conversationId, at);
    if (!error && overWindow) {
      this.overLimit += 1;
      error = new SendError(overWindow, 429, 1000, { code: 'Throttled' });
    }
    call.status = error ? (error.status ?? 0) : 200;
    call.retryAfterMs = error?.retryAfterMs;
    await clock.sleep(this.between(this.options.answerMs));
    call.answeredAt = clock.now();
    if (error) throw error;
    return activityId ?? `activity-${call.n}`;
  }

  /** Counts the request (refused or not); says which window it broke, if one. */
  private count(conversationId: string, at: number): string | undefined {
    const mine = this.arrivals.get(conversationId) ?? [];
    this.arrivals.set(conversationId, mine);
    mine.push(at);
    this.appArrivals.push(at);
    return (
      broken(mine, at, this.limits.perConversation, `conversation ${conversationId}`) ??
      broken(this.appArrivals, at, this.limits.perApp, 'the app')
    );
  }

  private between(range: [number, number] = [0, 0]): number {
    return range[0] + this.random() * (range[1] - range[0]);
  }
}

function broken(
  times: number[],
  at: number,
  windows: readonly RateWindow[],
  who: string,
): string | undefined {
  for (const w of windows) {
    let inWindow = 0;
    for (let i = times.length - 1; i >= 0 && times[i] > at - w.windowMs; i -= 1) inWindow += 1;
    if (inWindow > w.max) return `Too many requests: ${who} went over ${w.max} per ${w.windowMs} ms.`;
  }
  return undefined;
}
