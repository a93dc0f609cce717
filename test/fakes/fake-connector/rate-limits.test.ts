import type { FakeConnector } from './fake-connector';
import { DEFAULT_LIMITS, startFakeConnector } from './fake-connector';
import { RateLimiter, formatRetryAfter, resolveLimits } from './rate-limits';
import {
  BOT,
  TENANT,
  bearer,
  call,
  conversationPath,
  expectConnectorError,
  manualClock,
  member,
  message,
  send,
} from './test-support';

describe('rate limits over HTTP, on an injected clock', () => {
  let fake: FakeConnector;
  let clock: ReturnType<typeof manualClock>;
  let chat: string;

  beforeEach(async () => {
    clock = manualClock();
    fake = await startFakeConnector({ clock: clock.now });
    chat = fake.addConversation({ members: [member(1)], tenantId: TENANT });
  });
  afterEach(() => fake.close());

  /** Sends at the clock's current time. */
  const sendAt = (ms: number, conversationId = chat, activity: unknown = message('hi')) => {
    clock.advance(ms);
    return send(fake, conversationId, activity);
  };

  it('should refuse the 8th send within 1 s with 429 Throttled and the time until the window frees', async () => {
    for (let i = 0; i < 7; i += 1) expect((await sendAt(i === 0 ? 0 : 100)).status).toBe(201);
    const eighth = await sendAt(100); // t = 700 ms; the first send (t = 0) leaves the 1 s window at 1000
    expectConnectorError(
      eighth,
      429,
      'Throttled',
      /7 send\/create\/reply\/update\/delete operations .* within 1 s/,
    );
    expect(eighth.headers.get('retry-after')).toBe('0.3');
    expect(eighth.body.error.message).toContain(chat);
    expect(fake.activities(chat)).toHaveLength(7);
    expect(fake.requests.at(-1)).toMatchObject({ status: 429, errorCode: 'Throttled', retryAfter: '0.3' });

    clock.advance(300); // t = 1000: the wait is over
    expect((await send(fake, chat)).status).toBe(201);
  });

  it('should refuse the 9th send within 2 s, however they are spread over the seconds', async () => {
    for (let i = 0; i < 7; i += 1) await sendAt(i === 0 ? 0 : 100); // t = 0 … 600
    expect((await sendAt(400)).status).toBe(201); // t = 1000: 8 in 2 s
    const ninth = await sendAt(100); // t = 1100: room in the 1 s window, none in the 2 s one until t = 2000
    expectConnectorError(ninth, 429, 'Throttled', /8 .* within 2 s/);
    expect(ninth.headers.get('retry-after')).toBe('0.9');
    clock.advance(899);
    expect((await send(fake, chat)).status).toBe(429);
    clock.advance(1);
    expect((await send(fake, chat)).status).toBe(201);
    expect(fake.activities(chat)).toHaveLength(9);
  });

  it('should refuse the 61st send within 30 s and let it through once the first leaves the window', async () => {
    for (let i = 0; i < 60; i += 1) expect((await sendAt(i === 0 ? 0 : 400)).status).toBe(201); // t = 0 … 23.6 s
    const sixtyFirst = await sendAt(400); // t = 24 s
    expectConnectorError(sixtyFirst, 429, 'Throttled', /60 .* within 30 s/);
    expect(sixtyFirst.headers.get('retry-after')).toBe('6');
    clock.advance(6000);
    expect((await send(fake, chat)).status).toBe(201);
    expect(fake.activities(chat)).toHaveLength(61);
  });

  it('should count creates, replies, updates and deletes in the same per-conversation windows as sends', async () => {
    const { body } = await send(fake, chat);
    const activity = conversationPath(chat, `/activities/${body.id}`);
    const create = {
      bot: BOT,
      members: [{ id: member(1).id }],
      isGroup: false,
      channelData: { tenant: { id: TENANT } },
    };
    const statuses = [
      (await call(fake, 'POST', 'v3/conversations', create)).status,
      (await call(fake, 'POST', activity, message('reply'))).status,
      (await call(fake, 'PUT', activity, message('edited'))).status,
      (await call(fake, 'PUT', activity, message('edited again'))).status,
      (await send(fake, chat)).status,
      (await send(fake, chat)).status, // the 7th
      (await call(fake, 'DELETE', activity)).status, // the 8th
      (await call(fake, 'POST', 'v3/conversations', create)).status,
    ];
    expect(statuses).toEqual([201, 201, 200, 200, 201, 201, 429, 429]);
    expect(fake.activities(chat)).toHaveLength(4);
  });

  it('should count member reads apart from sends: the 15th within 1 s and the 17th within 2 s are refused', async () => {
    const members = conversationPath(chat, '/members');
    for (let i = 0; i < 14; i += 1) expect((await call(fake, 'GET', members)).status).toBe(200);
    const fifteenth = await call(fake, 'GET', conversationPath(chat, '/pagedmembers'));
    expectConnectorError(fifteenth, 429, 'Throttled', /14 member reads .* within 1 s/);
    expect(fifteenth.headers.get('retry-after')).toBe('1');
    expect((await send(fake, chat)).status).toBe(201);
    clock.advance(1000);
    expect((await call(fake, 'GET', members)).status).toBe(200);
    expect((await call(fake, 'GET', members)).status).toBe(200);
    expect((await call(fake, 'GET', conversationPath(chat, `/members/${member(1).id}`))).status).toBe(429);
  });

  it('should keep each bot’s windows apart in a conversation, but hold all bots together to 14 per second', async () => {
    const group = fake.addConversation({ members: [member(1), member(2)], tenantId: TENANT, isGroup: true });
    const from = (id: string) => message('hi', { from: { id } });
    for (let i = 0; i < 7; i += 1) expect((await send(fake, group, from('28:a'))).status).toBe(201);
    expect((await send(fake, group, from('28:a'))).status).toBe(429);
    for (let i = 0; i < 7; i += 1) expect((await send(fake, group, from('28:b'))).status).toBe(201);
    const third = await send(fake, group, from('28:c'));
    expectConnectorError(third, 429, 'Throttled', /all bots together made 14/);
  });

  it('should hold an app to 50 requests per second in a tenant across conversations, counting refused ones', async () => {
    const chats = Array.from({ length: 110 }, (_, i) =>
      i === 0 ? chat : fake.addConversation({ members: [member(i + 1)], tenantId: TENANT }),
    );
    for (let i = 0; i < 50; i += 1) expect((await send(fake, chats[i])).status).toBe(201);
    const fiftyFirst = await send(fake, chats[50]);
    expectConnectorError(fiftyFirst, 429, 'Throttled', /more than 50 requests in tenant/);
    expect(fiftyFirst.headers.get('retry-after')).toBe('1');
    expect(fake.activities(chats[50])).toEqual([]);

    // Another tenant, and another app, have windows of their own.
    const elsewhere = fake.addConversation({ members: [member(1)], tenantId: 'tenant-b' });
    expect((await send(fake, elsewhere)).status).toBe(201);
    const otherApp = await call(
      fake,
      'POST',
      conversationPath(chats[51], '/activities'),
      message('hi'),
      bearer('other-app'),
    );
    expect(otherApp.status).toBe(201);

    // Ten refused requests at t = 500 ms still count: at t = 1 s only 40 fit.
    clock.advance(500);
    for (let i = 52; i < 62; i += 1) expect((await send(fake, chats[i])).status).toBe(429);
    clock.advance(500);
    for (let i = 62; i < 102; i += 1) expect((await send(fake, chats[i])).status).toBe(201);
    const over = await send(fake, chats[102]);
    expect(over.status).toBe(429);
    expect(over.headers.get('retry-after')).toBe('0.5');
    clock.advance(500);
    expect((await send(fake, chats[103])).status).toBe(201);
  });

  it('should count 404s and 400s against the app too', async () => {
    const addressed = message('hi', { conversation: { id: 'a:missing', tenantId: TENANT } });
    for (let i = 0; i < 25; i += 1) await send(fake, 'a:missing', addressed);
    for (let i = 0; i < 25; i += 1) await send(fake, chat, { text: 'no type' });
    expectConnectorError(await send(fake, chat), 429, 'Throttled');
    expect(fake.activities()).toEqual([]);
  });

  it('should switch limits off with limits: false and change them with a partial Limits', async () => {
    const unlimited = await startFakeConnector({ limits: false, clock: clock.now });
    const tight = await startFakeConnector({
      limits: { send: [{ windowMs: 10_000, max: 2 }] },
      clock: clock.now,
    });
    try {
      const a = unlimited.addConversation({ members: [member(1)], tenantId: TENANT });
      for (let i = 0; i < 60; i += 1) expect((await send(unlimited, a)).status).toBe(201);
      const b = tight.addConversation({ members: [member(1)], tenantId: TENANT });
      expect([(await send(tight, b)).status, (await send(tight, b)).status]).toEqual([201, 201]);
      const third = await send(tight, b);
      expect([third.status, third.headers.get('retry-after')]).toEqual([429, '10']);
    } finally {
      await Promise.all([unlimited.close(), tight.close()]);
    }
    await expect(startFakeConnector({ limits: { send: [{ windowMs: 0, max: 1 }] } })).rejects.toThrow(
      /windowMs > 0/,
    );
  });
});

describe('RateLimiter', () => {
  it('should hold Teams’ documented limits by default', () => {
    const perSecond = (windows: typeof DEFAULT_LIMITS.send) => windows.map((w) => [w.windowMs / 1000, w.max]);
    expect(perSecond(DEFAULT_LIMITS.send)).toEqual([
      [1, 7],
      [2, 8],
      [30, 60],
      [3600, 1800],
    ]);
    expect(perSecond(DEFAULT_LIMITS.members)).toEqual([
      [1, 14],
      [2, 16],
      [30, 120],
      [3600, 3600],
    ]);
    expect(perSecond(DEFAULT_LIMITS.perAppPerTenant)).toEqual([[1, 50]]);
  });

  it('should refuse the 1,801st send within an hour until the first leaves it', () => {
    const limiter = new RateLimiter(resolveLimits(undefined));
    let now = 0;
    // One send every 1.5 s stays inside the 1 s, 2 s and 30 s windows.
    for (let i = 0; i < 1800; i += 1, now += 1500)
      expect(limiter.admitOperation('send', 'b', 'c', now)).toBeUndefined();
    const refused = limiter.admitOperation('send', 'b', 'c', now);
    expect(refused?.message).toMatch(/1800 .* within 1 h/);
    expect(refused?.retryAfterMs).toBe(3_600_000 - now);
    expect(limiter.admitOperation('send', 'b', 'c', 3_600_000)).toBeUndefined();
  });

  it('should format Retry-After in seconds to the millisecond, never 0', () => {
    expect([1000, 300, 1234.2, 0, 6000].map(formatRetryAfter)).toEqual(['1', '0.3', '1.235', '0.001', '6']);
  });
});
