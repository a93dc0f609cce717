import {
  DEFAULT_TEAMS_LIMITS,
  PUBLISHED_TEAMS_LIMITS,
  RateLimiter,
  resolveLimits,
} from '../../../../bot/proactive/rate-limiter';
import type { TeamsLimits } from '../../../../bot/proactive/rate-limiter';
import { FakeClock, settle } from './support/fake-clock';
import { busiestWindow, overLimits } from './support/windows';

const HOUR = 3_600_000;

function setUp(limits: Partial<TeamsLimits> = {}) {
  const clock = new FakeClock();
  const limiter = new RateLimiter(clock, limits);
  const grants: Array<{ conversationId: string; at: number; label: string }> = [];
  const acquire = (conversationId: string, label = conversationId) =>
    limiter.acquire(conversationId).then(() => {
      grants.push({ conversationId, at: clock.now(), label });
    });
  const timesOf = (conversationId: string) =>
    grants.filter((g) => g.conversationId === conversationId).map((g) => g.at);
  return { clock, limiter, grants, acquire, timesOf, t0: clock.now() };
}

describe('RateLimiter', () => {
  it('should let sends go at once while every window has room', async () => {
    const { clock, acquire, grants, t0 } = setUp();
    await clock.run(Promise.all(Array.from({ length: 7 }, () => acquire('a'))));
    expect(grants.map((g) => g.at - t0)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(clock.pendingTimers).toBe(0);
  });

  it('should keep every published window over 3,000 sends to 100 conversations, near 49 a second', async () => {
    const { clock, acquire, timesOf, grants, t0 } = setUp();
    const work: Array<Promise<void>> = [];
    for (let round = 0; round < 30; round += 1) {
      for (let c = 0; c < 100; c += 1) work.push(acquire(`conversation-${c}`));
    }
    await clock.run(Promise.all(work));

    for (let c = 0; c < 100; c += 1) {
      expect(overLimits(timesOf(`conversation-${c}`), PUBLISHED_TEAMS_LIMITS.perConversation)).toEqual([]);
    }
    const all = grants.map((g) => g.at);
    expect(overLimits(all, PUBLISHED_TEAMS_LIMITS.perApp)).toEqual([]);
    // The guard: even a window 20 ms longer than Teams' holds no more than 50.
    expect(busiestWindow(all, 1020)).toBeLessThanOrEqual(50);
    const perSecond = 3000 / ((clock.now() - t0) / 1000);
    expect(perSecond).toBeGreaterThan(48.5);
    expect(perSecond).toBeLessThanOrEqual(50);
  });

  it('should keep all four windows in a burst of 2,000 into one conversation, the hourly one included', async () => {
    const { clock, acquire, timesOf, t0 } = setUp();
    await clock.run(Promise.all(Array.from({ length: 2000 }, () => acquire('busy'))));
    const times = timesOf('busy');
    expect(overLimits(times, PUBLISHED_TEAMS_LIMITS.perConversation)).toEqual([]);
    expect(times.slice(0, 7).every((t) => t === t0)).toBe(true);
    expect(times[7] - t0).toBeGreaterThanOrEqual(1000); // the 8th: 7 per second
    expect(times[8] - t0).toBeGreaterThanOrEqual(2000); // the 9th: 8 per 2 s
    expect(times[60] - t0).toBeGreaterThanOrEqual(30_000); // the 61st: 60 per 30 s
    expect(times[1800] - t0).toBeGreaterThanOrEqual(HOUR); // the 1,801st: 1,800 per hour
    expect(times[1800] - t0).toBeLessThan(HOUR + 1000);
  });

  it('should serve conversations that have room in the order they asked, not behind a full one', async () => {
    const { clock, acquire, grants, t0 } = setUp({
      perConversation: [{ max: 1, windowMs: 10_000 }],
      perApp: [{ max: 3, windowMs: 1000 }],
      guardMs: 0,
    });
    const work = [
      acquire('a', 'a1'),
      acquire('a', 'a2'),
      acquire('b', 'b1'),
      acquire('c', 'c1'),
      acquire('d', 'd1'),
      acquire('e', 'e1'),
    ];
    await clock.run(Promise.all(work));
    expect(grants.map((g) => [g.label, g.at - t0])).toEqual([
      ['a1', 0],
      ['b1', 0], // a2 waits for its conversation; b1 does not wait behind it
      ['c1', 0],
      ['d1', 1000], // the app's 3 a second
      ['e1', 1000],
      ['a2', 10_000],
    ]);
  });

  it('should hold a paused conversation until the pause ends, and no other', async () => {
    const { clock, limiter, acquire, grants, t0 } = setUp();
    await clock.run(acquire('a'));
    limiter.pauseConversation('a', t0 + 5000);
    await clock.run(Promise.all([acquire('a'), acquire('b')]));
    expect(grants.map((g) => [g.conversationId, g.at - t0])).toEqual([
      ['a', 0],
      ['b', 0],
      ['a', 5000],
    ]);
  });

  it('should see a pause that comes while a conversation is already scheduled', async () => {
    const { clock, limiter, acquire, grants, t0 } = setUp({
      perConversation: [{ max: 1, windowMs: 1000 }],
      guardMs: 0,
    });
    const work = Promise.all([acquire('a'), acquire('a')]);
    await settle();
    limiter.pauseConversation('a', t0 + 4000); // the second was due at 1000
    await clock.run(work);
    expect(grants.map((g) => g.at - t0)).toEqual([0, 4000]);
  });

  it('should hold everyone while the app is paused', async () => {
    const { clock, limiter, acquire, grants, t0 } = setUp();
    limiter.pauseApp(t0 + 3000);
    await clock.run(Promise.all([acquire('a'), acquire('b'), acquire('c')]));
    expect(grants.map((g) => g.at - t0)).toEqual([3000, 3000, 3000]);
  });

  it('should wake earlier for a newcomer that can go before the wake-up it had planned', async () => {
    const { clock, acquire, grants, t0 } = setUp();
    const burst = Promise.all(Array.from({ length: 61 }, () => acquire('busy')));
    await clock.advance(5000); // the 61st waits for the 30 s window
    await clock.run(acquire('quiet'));
    expect(grants.at(-1)).toEqual({ conversationId: 'quiet', at: t0 + 5000, label: 'quiet' });
    await clock.run(burst);
  });

  it('should forget a conversation once none of its sends counts any more', async () => {
    const { clock, limiter, acquire } = setUp();
    await clock.run(Promise.all(Array.from({ length: 1000 }, (_, i) => acquire(`c${i}`))));
    expect(limiter.trackedConversations).toBe(1000);
    await clock.advance(HOUR - 60_000);
    await clock.run(acquire('later'));
    expect(limiter.trackedConversations).toBe(1001); // an hour has not passed: the hourly window counts them
    await clock.advance(60_000 + DEFAULT_TEAMS_LIMITS.guardMs);
    await clock.run(acquire('last'));
    expect(limiter.trackedConversations).toBe(2); // 'later' and 'last'
    expect(limiter.waiting).toBe(0);
  });

  it('should refuse a window that makes no sense, naming it', () => {
    expect(() => resolveLimits({ perApp: [{ max: 0, windowMs: 1000 }] })).toThrow(/limits.perApp/);
    expect(() => resolveLimits({ guardMs: -1 })).toThrow(/guardMs/);
    expect(resolveLimits({ perApp: [{ max: 30, windowMs: 1000 }] }).perConversation).toBe(
      PUBLISHED_TEAMS_LIMITS.perConversation,
    );
  });
});
