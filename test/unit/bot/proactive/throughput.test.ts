import { InMemoryDeliveryLog } from '../../../../bot/proactive/delivery-log';
import { ProactiveSender } from '../../../../bot/proactive/proactive-sender';
import type { TeamsLimits } from '../../../../bot/proactive/rate-limiter';
import { PUBLISHED_TEAMS_LIMITS } from '../../../../bot/proactive/rate-limiter';
import type { OutgoingMessage } from '../../../../bot/proactive/types';
import { FakeClock, seededRandom } from './support/fake-clock';
import type { SimulatedTeamsOptions } from './support/simulated-teams';
import { SimulatedTeams } from './support/simulated-teams';
import { overLimits } from './support/windows';

/**
 * The sender against a Teams that enforces the published limits strictly, by arrival: requests reach it
 * 5–15 ms after they leave and are answered 20–80 ms later. All in simulated time.
 */
async function simulate(
  messages: OutgoingMessage[],
  teamsOptions: Partial<SimulatedTeamsOptions> = {},
  limits: Partial<TeamsLimits> = {},
) {
  const clock = new FakeClock();
  const t0 = clock.now();
  const teams = new SimulatedTeams({
    clock,
    random: seededRandom(2026),
    arrivalMs: [5, 15],
    answerMs: [20, 80],
    ...teamsOptions,
  });
  const sender = new ProactiveSender(teams, new InMemoryDeliveryLog(), {
    now: clock.now,
    sleep: clock.sleep,
    random: seededRandom(11),
    limits,
  });
  const records = await clock.run(sender.sendAll(messages));
  const seconds = (clock.now() - t0) / 1000;
  return { teams, records, seconds, perSecond: records.filter((r) => r.state === 'sent').length / seconds };
}

function spread(count: number, conversations: number): OutgoingMessage[] {
  return Array.from({ length: count }, (_, i) => ({
    key: `statusRequest:${i}`,
    purpose: 'statusRequest',
    recipientId: `pm-${i % conversations}`,
    target: {
      conversationId: `conversation-${i % conversations}`,
      serviceUrl: 'https://smba.example.net/teams/',
    },
    activity: { type: 'message', text: `request ${i}` },
  }));
}

/** Every window Teams publishes was kept, counting every request that reached it (refused ones too). */
function expectWithinTeamsLimits(teams: SimulatedTeams): void {
  const byConversation = new Map<string, number[]>();
  for (const call of teams.calls) {
    byConversation.set(call.conversationId, [...(byConversation.get(call.conversationId) ?? []), call.at]);
  }
  for (const [conversationId, times] of byConversation) {
    expect({ conversationId, over: overLimits(times, PUBLISHED_TEAMS_LIMITS.perConversation) }).toEqual({
      conversationId,
      over: [],
    });
  }
  expect(
    overLimits(
      teams.calls.map((c) => c.at),
      PUBLISHED_TEAMS_LIMITS.perApp,
    ),
  ).toEqual([]);
  expect(teams.overLimit).toBe(0);
}

describe('ProactiveSender under load (simulated time)', () => {
  it('should deliver 3,000 messages to 100 conversations at close to 50 a second, never over a limit', async () => {
    const { teams, records, perSecond } = await simulate(spread(3000, 100));
    expect(records.every((r) => r.state === 'sent' && r.attempts === 1)).toBe(true);
    expect(teams.calls).toHaveLength(3000);
    expectWithinTeamsLimits(teams);
    expect(perSecond).toBeGreaterThan(48);
  });

  it('should keep above 45 a second when 5% of requests are refused with 429 at random', async () => {
    const { teams, records, perSecond } = await simulate(spread(3000, 100), {
      throttleRate: 0.05,
      throttleRetryAfterMs: 1000,
    });
    expect(records.every((r) => r.state === 'sent')).toBe(true);
    const throttled = teams.calls.filter((c) => c.status === 429);
    expect(throttled.length).toBeGreaterThan(100);
    expectWithinTeamsLimits(teams);
    // Each Retry-After held: nothing more reached that conversation before it passed.
    for (const refused of throttled) {
      const next = teams.callsTo(refused.conversationId).find((c) => c.at > refused.at);
      if (next) expect(next.at - refused.answeredAt).toBeGreaterThanOrEqual(1000);
    }
    expect(perSecond).toBeGreaterThan(45);
  });

  it('should keep every window in a burst of 200 into one conversation', async () => {
    const { teams, records, seconds } = await simulate(spread(200, 1));
    expect(records.every((r) => r.state === 'sent')).toBe(true);
    expectWithinTeamsLimits(teams);
    // 60 per 30 s (each 60 within about 15 s, at 8 per 2 s): the last 20 start at 90 s and take 4–5 s.
    expect(seconds).toBeGreaterThan(94);
    expect(seconds).toBeLessThan(96);
  });

  it('should need its guard: without it, jittered arrivals break Teams’ app window', async () => {
    const { teams } = await simulate(spread(3000, 100), {}, { guardMs: 0 });
    expect(teams.overLimit).toBeGreaterThan(0);
  });
});
