import { InMemoryDeliveryLog } from '../../../../bot/proactive/delivery-log';
import type { SenderOptions } from '../../../../bot/proactive/proactive-sender';
import { DeliveryLogError, ProactiveSender } from '../../../../bot/proactive/proactive-sender';
import { SendError } from '../../../../bot/proactive/send-error';
import type { DeliveryRecord, OutgoingMessage } from '../../../../bot/proactive/types';
import { FakeClock, seededRandom } from './support/fake-clock';
import type { Call, SimulatedTeamsOptions } from './support/simulated-teams';
import { SimulatedTeams } from './support/simulated-teams';

const MINUTE = 60_000;

function setUp(
  teamsOptions: Partial<SimulatedTeamsOptions> = {},
  senderOptions: Partial<SenderOptions> = {},
) {
  const clock = new FakeClock();
  const teams = new SimulatedTeams({ clock, random: seededRandom(7), ...teamsOptions });
  const log = new InMemoryDeliveryLog();
  const options: SenderOptions = { now: clock.now, sleep: clock.sleep, random: () => 0.5, ...senderOptions };
  const sender = new ProactiveSender(teams, log, options);
  return { clock, teams, log, sender, options, t0: clock.now() };
}

function message(
  key: string,
  conversationId = 'conv-1',
  extra: Partial<OutgoingMessage> = {},
): OutgoingMessage {
  return {
    key,
    purpose: 'statusRequest',
    recipientId: `user-of-${conversationId}`,
    target: { conversationId, serviceUrl: 'https://smba.example.net/teams/', tenantId: 'tenant-1' },
    activity: { type: 'message', text: `message ${key}` },
    ...extra,
  };
}

/** A scripted fault for the calls whose number is listed (1-based), or for every call. */
const failCalls =
  (error: () => SendError, which: number[] | 'all') =>
  (call: Call): SendError | undefined =>
    which === 'all' || which.includes(call.n) ? error() : undefined;

const gaps = (calls: Call[]) => calls.slice(1).map((c, i) => c.at - calls[i].at);

describe('ProactiveSender.send', () => {
  it('should send, and record the delivery as sent', async () => {
    const { clock, teams, log, sender } = setUp();
    const record = await clock.run(sender.send(message('statusRequest:r1')));
    expect(record).toEqual({
      key: 'statusRequest:r1',
      purpose: 'statusRequest',
      recipientId: 'user-of-conv-1',
      conversationId: 'conv-1',
      state: 'sent',
      attempts: 1,
      lastError: null,
      activityId: 'activity-1',
      createdAt: '2026-11-23T09:00:00.000Z',
      updatedAt: '2026-11-23T09:00:00.000Z',
    });
    expect(await log.get('statusRequest:r1')).toEqual(record);
    expect(teams.calls.map((c) => [c.kind, c.conversationId, c.activity.text])).toEqual([
      ['send', 'conv-1', 'message statusRequest:r1'],
    ]);
  });

  it('should send a key once, however often it is asked', async () => {
    const { clock, teams, sender } = setUp();
    const first = await clock.run(sender.send(message('welcome:u1')));
    const again = await clock.run(sender.send(message('welcome:u1')));
    expect(again).toEqual(first);
    expect(teams.calls).toHaveLength(1);
  });

  it('should send a key once when it is asked for twice at the same time', async () => {
    const { clock, teams, sender } = setUp({ answerMs: [50, 50] });
    const both = await clock.run(Promise.all([sender.send(message('k')), sender.send(message('k'))]));
    expect(teams.calls).toHaveLength(1);
    expect(both.map((r) => r.state)).toEqual(['sent', 'sent']);
  });

  it('should send a key once when two senders share the log: the second sees it being sent', async () => {
    const { clock, teams, log, options } = setUp({ answerMs: [50, 50] });
    const one = new ProactiveSender(teams, log, options);
    const two = new ProactiveSender(teams, log, options);
    const [a, b] = await clock.run(Promise.all([one.send(message('k')), two.send(message('k'))]));
    expect(teams.calls).toHaveLength(1);
    expect([a.state, b.state]).toEqual(['sent', 'sending']);
    expect((await log.get('k'))?.state).toBe('sent');
  });

  it('should fail a 403 at once, without retrying, saying why', async () => {
    const { clock, teams, sender } = setUp({
      fault: failCalls(
        () =>
          new SendError('User blocked the conversation with the bot.', 403, undefined, {
            code: 'MessageWritesBlocked',
          }),
        'all',
      ),
    });
    const record = await clock.run(sender.send(message('reminder:r1')));
    expect(teams.calls).toHaveLength(1);
    expect(record).toMatchObject({ state: 'failed', attempts: 1, activityId: null });
    expect(record.lastError).toMatch(/^403 Forbidden \(MessageWritesBlocked\): .*blocked the bot/);
  });

  it('should retry a failed key when it is sent again later, counting every attempt', async () => {
    const { clock, teams, log, sender } = setUp({
      fault: failCalls(() => new SendError('blocked', 403), [1]),
    });
    expect((await clock.run(sender.send(message('k')))).state).toBe('failed');
    const retried = await clock.run(sender.send(message('k')));
    expect(retried).toMatchObject({ state: 'sent', attempts: 2, lastError: null, activityId: 'activity-2' });
    expect(await log.get('k')).toEqual(retried);
    expect(teams.calls).toHaveLength(2);
  });

  it('should give up after maxAttempts, with the last reason', async () => {
    const { clock, teams, sender } = setUp({
      fault: failCalls(() => new SendError('The service is unavailable.', 503), 'all'),
    });
    const record = await clock.run(sender.send(message('k')));
    expect(teams.calls).toHaveLength(6);
    expect(record).toMatchObject({ state: 'failed', attempts: 6 });
    expect(record.lastError).toBe(
      'gave up after 6 attempts; the last: 503 Service Unavailable: The service is unavailable.',
    );
  });

  it('should back off exponentially when Teams sent no Retry-After', async () => {
    const { clock, teams, sender } = setUp(
      { fault: failCalls(() => new SendError('Bad gateway', 502), 'all') },
      { random: () => 0.999, maxAttempts: 6 },
    );
    await clock.run(sender.send(message('k')));
    const expected = [1000, 2000, 4000, 8000, 16_000].map((ms) => ms * 0.999);
    gaps(teams.calls).forEach((gap, i) => expect(gap).toBeCloseTo(expected[i], 6));
  });

  it('should spread back-off waits with full jitter', async () => {
    const random = seededRandom(42);
    const { clock, teams, sender } = setUp(
      { fault: failCalls(() => new SendError('timeout', 504), 'all') },
      { random, maxAttempts: 6 },
    );
    await clock.run(sender.send(message('k')));
    const windows = [1000, 2000, 4000, 8000, 16_000];
    gaps(teams.calls).forEach((gap, i) => {
      expect(gap).toBeGreaterThanOrEqual(0);
      expect(gap).toBeLessThan(windows[i]);
    });
    expect(new Set(gaps(teams.calls).map((g) => Math.round(g))).size).toBe(5);
  });

  it('should retry network failures and 412', async () => {
    const { clock, teams, sender } = setUp({
      fault: (call) =>
        call.n === 1
          ? new SendError('ECONNRESET', null)
          : call.n === 2
            ? new SendError('retry', 412)
            : undefined,
    });
    const record = await clock.run(sender.send(message('k')));
    expect(record).toMatchObject({ state: 'sent', attempts: 3, activityId: 'activity-3', lastError: null });
    expect(teams.calls.map((c) => c.status)).toEqual([0, 412, 200]);
  });

  it('should not retry an error that is not an HTTP answer', async () => {
    const { clock, sender } = setUp({
      fault: () => {
        throw new TypeError('cannot read properties of undefined');
      },
    });
    const record = await clock.run(sender.send(message('k')));
    expect(record).toMatchObject({ state: 'failed', attempts: 1 });
    expect(record.lastError).toBe('unexpected transport error: cannot read properties of undefined');
  });

  it('should wait out a 429 Retry-After: nothing more to that conversation before it, others go on', async () => {
    const { clock, teams, sender, t0 } = setUp(
      {
        answerMs: [40, 40],
        fault: (call) =>
          call.n === 1 ? new SendError('Too many requests.', 429, 5000, { code: 'Throttled' }) : undefined,
      },
      { random: () => 0.999 },
    );
    const records = await clock.run(
      sender.sendAll([message('a1', 'a'), message('a2', 'a'), message('b1', 'b'), message('b2', 'b')]),
    );
    expect(records.map((r) => r.state)).toEqual(['sent', 'sent', 'sent', 'sent']);
    const throttled = teams.calls[0];
    const laterToA = teams.callsTo('a').slice(1);
    expect(laterToA.map((c) => c.at - throttled.answeredAt).every((d) => d >= 5000)).toBe(true);
    expect(laterToA[0].at - throttled.answeredAt).toBeLessThan(5000 + 500); // 10% jitter at most
    expect(teams.callsTo('b').every((c) => c.at < t0 + 1000)).toBe(true);
  });

  it('should pause every conversation for an app-wide 429', async () => {
    const { clock, teams, sender } = setUp({
      answerMs: [40, 40],
      fault: (call) =>
        call.n === 1 ? new SendError('App over its limit.', 429, 3000, { scope: 'app' }) : undefined,
    });
    const messages = Array.from({ length: 12 }, (_, i) => message(`m${i}`, `c${i}`));
    const records = await clock.run(sender.sendAll(messages, { concurrency: 4 }));
    expect(records.every((r) => r.state === 'sent')).toBe(true);
    const throttled = teams.calls[0];
    const during = teams.calls.filter(
      (c) => c.at > throttled.answeredAt && c.at < throttled.answeredAt + 3000,
    );
    expect(during).toEqual([]);
    expect(teams.calls.filter((c) => c.at <= throttled.answeredAt)).toHaveLength(4); // already under way
  });

  it('should fail at once when Retry-After is longer than it may wait, and keep the conversation paused', async () => {
    const { clock, teams, sender } = setUp({
      fault: failCalls(() => new SendError('Too many requests.', 429, 10 * MINUTE), [1]),
    });
    const record = await clock.run(sender.send(message('k')));
    expect(record.state).toBe('failed');
    expect(record.lastError).toMatch(/Teams asked to wait 600 s, longer than this sender waits \(60 s\)/);
    await clock.run(sender.send(message('other-key')));
    expect(teams.calls[1].at - teams.calls[0].answeredAt).toBeGreaterThanOrEqual(10 * MINUTE);
  });

  it('should update the earlier activity in place when updateActivityId is set', async () => {
    const { clock, teams, sender } = setUp();
    const record = await clock.run(
      sender.send(message('statusRequest:r1:answered', 'conv-1', { updateActivityId: 'activity-77' })),
    );
    expect(teams.calls.map((c) => [c.kind, c.activityId])).toEqual([['update', 'activity-77']]);
    expect(record).toMatchObject({ state: 'sent', activityId: 'activity-77' });
  });

  it('should say to send anew when the activity to update is gone', async () => {
    const { clock, sender } = setUp({
      fault: failCalls(() => new SendError('Activity not found', 404), 'all'),
    });
    const record = await clock.run(sender.send(message('k', 'conv-1', { updateActivityId: 'gone' })));
    expect(record.lastError).toMatch(/^404 Not Found: .*send a new message instead/);
  });
});

describe('ProactiveSender: a sender that died midway', () => {
  function crashed(updatedAt: string, extra: Partial<DeliveryRecord> = {}): DeliveryRecord {
    return {
      key: 'k',
      purpose: 'statusRequest',
      recipientId: 'user-of-conv-1',
      conversationId: 'conv-1',
      state: 'sending',
      attempts: 1,
      lastError: null,
      activityId: null,
      createdAt: updatedAt,
      updatedAt,
      ...extra,
    };
  }

  it('should leave a fresh sending record to its sender, and take it over once it is stale', async () => {
    const { clock, teams, log, sender } = setUp();
    await log.save(crashed(new Date(clock.now() - MINUTE).toISOString()));

    const skipped = await clock.run(sender.send(message('k')));
    expect(skipped.state).toBe('sending');
    expect(teams.calls).toHaveLength(0);

    await clock.advance(9 * MINUTE); // 10 minutes old now
    const takenOver = await clock.run(sender.send(message('k')));
    expect(takenOver).toMatchObject({ state: 'sent', attempts: 2 });
    expect(teams.calls).toHaveLength(1);
  });

  it('should not send once it finds, after a long wait for its turn, that another sender took over', async () => {
    const { clock, teams, log, options } = setUp({}, { staleAfterMs: 10_000 });
    const slow = new ProactiveSender(teams, log, options);
    slow.limiter.pauseConversation('conv-1', clock.now() + MINUTE);
    const waiting = slow.send(message('k'));
    await clock.advance(20_000);
    const other = new ProactiveSender(teams, log, options);
    expect((await clock.run(other.send(message('k')))).state).toBe('sent');
    const late = await clock.run(waiting);
    expect(late).toMatchObject({ state: 'sent', activityId: 'activity-1' });
    expect(teams.calls).toHaveLength(1);
  });

  it('should keep its claim alive through a long wait nobody interrupted, then send', async () => {
    const { clock, teams, log, options } = setUp({}, { staleAfterMs: 10_000 });
    const slow = new ProactiveSender(teams, log, options);
    slow.limiter.pauseConversation('conv-1', clock.now() + MINUTE);
    const record = await clock.run(slow.send(message('k')));
    expect(record).toMatchObject({ state: 'sent', attempts: 1 });
    expect(teams.calls).toHaveLength(1);
  });
});

describe('ProactiveSender: the delivery log failing', () => {
  class FlakyLog extends InMemoryDeliveryLog {
    failSaves = 0;
    failClaimOf?: string;
    override async save(record: DeliveryRecord): Promise<void> {
      if (record.state !== 'sending' && this.failSaves > 0) {
        this.failSaves -= 1;
        throw new Error('database is locked');
      }
      return super.save(record);
    }
    override async claim(record: DeliveryRecord): Promise<boolean> {
      if (record.key === this.failClaimOf) throw new Error('disk full');
      return super.claim(record);
    }
  }

  function flakySetUp() {
    const clock = new FakeClock();
    const teams = new SimulatedTeams({ clock });
    const log = new FlakyLog();
    const sender = new ProactiveSender(teams, log, { now: clock.now, sleep: clock.sleep, random: () => 0.5 });
    return { clock, teams, log, sender };
  }

  it('should retry writing the outcome rather than send again', async () => {
    const { clock, teams, log, sender } = flakySetUp();
    log.failSaves = 2;
    const record = await clock.run(sender.send(message('k')));
    expect(record.state).toBe('sent');
    expect((await log.get('k'))?.state).toBe('sent');
    expect(teams.calls).toHaveLength(1);
  });

  it('should throw, saying the message went out, when the outcome cannot be written', async () => {
    const { clock, teams, log, sender } = flakySetUp();
    log.failSaves = 100;
    const outcome = clock.run(sender.send(message('k')));
    await expect(outcome).rejects.toThrow(DeliveryLogError);
    await expect(outcome).rejects.toThrow(
      /'k' was sent \(activity activity-1\), but the delivery log would not/,
    );
    expect(teams.calls).toHaveLength(1);
  });

  it('should stop a batch when the log fails, leaving the rest unclaimed for the next run', async () => {
    const { clock, teams, log, sender } = flakySetUp();
    log.failClaimOf = 'm2';
    const messages = ['m0', 'm1', 'm2', 'm3', 'm4'].map((key) => message(key, `c-${key}`));
    await expect(clock.run(sender.sendAll(messages, { concurrency: 1 }))).rejects.toThrow('disk full');
    expect(log.all().map((r) => [r.key, r.state])).toEqual([
      ['m0', 'sent'],
      ['m1', 'sent'],
    ]);

    log.failClaimOf = undefined;
    const records = await clock.run(sender.sendAll(messages, { concurrency: 1 }));
    expect(records.map((r) => r.state)).toEqual(['sent', 'sent', 'sent', 'sent', 'sent']);
    expect(teams.calls.map((c) => c.activity.text)).toEqual(messages.map((m) => m.activity.text));
  });
});

describe('ProactiveSender.sendAll', () => {
  it('should answer in the order given, one at a time per conversation and in order, within concurrency', async () => {
    const { clock, teams, sender } = setUp({ arrivalMs: [5, 15], answerMs: [20, 80] });
    const messages = Array.from({ length: 60 }, (_, i) => message(`m${i}`, `c${i % 7}`));
    const records = await clock.run(sender.sendAll(messages, { concurrency: 4 }));
    expect(records.map((r) => r.key)).toEqual(messages.map((m) => m.key));
    expect(records.every((r) => r.state === 'sent')).toBe(true);
    expect(teams.maxInFlight).toBe(4);
    for (let c = 0; c < 7; c += 1) {
      const sentTo = teams.callsTo(`c${c}`);
      expect(sentTo.map((call) => call.activity.text)).toEqual(
        messages.filter((m) => m.target.conversationId === `c${c}`).map((m) => m.activity.text),
      );
      // One at a time: each call starts after the one before it was answered.
      sentTo.slice(1).forEach((call, i) => expect(call.at).toBeGreaterThan(sentTo[i].answeredAt));
    }
  });

  it('should send a key that appears twice in one batch once', async () => {
    const { clock, teams, sender } = setUp();
    const records = await clock.run(
      sender.sendAll([message('k', 'a'), message('k', 'a'), message('j', 'b')]),
    );
    expect(records.map((r) => [r.key, r.state])).toEqual([
      ['k', 'sent'],
      ['k', 'sent'],
      ['j', 'sent'],
    ]);
    expect(teams.calls).toHaveLength(2);
  });

  it('should refuse a message without a key or conversation, and a bad concurrency', async () => {
    const { sender } = setUp();
    await expect(sender.send(message(''))).rejects.toThrow(/needs a key/);
    await expect(sender.send(message('k', ''))).rejects.toThrow(/needs target.conversationId/);
    await expect(sender.sendAll([], { concurrency: 0 })).rejects.toThrow(/concurrency/);
    await expect(sender.sendAll([])).resolves.toEqual([]);
  });
});
