import type { FakeConnector } from './fake-connector';
import { startFakeConnector } from './fake-connector';
import {
  TENANT,
  call,
  conversationPath,
  expectConnectorError,
  manualClock,
  member,
  message,
  send,
} from './test-support';

describe('injected faults, random throttling and the request log', () => {
  let fake: FakeConnector;
  let chat: string;
  const clock = manualClock();

  beforeAll(async () => {
    fake = await startFakeConnector({ limits: false, clock: clock.now });
    chat = fake.addConversation({ id: 'a:faulty', members: [member(1)], tenantId: TENANT });
  });
  afterAll(() => fake.close());
  beforeEach(() => {
    fake.resetLog();
    fake.throttleRandomly(null);
  });

  it('should log every request in order: method, path, query, operation, ids, status, body and time', async () => {
    const sent = await send(fake, chat, message('logged'));
    clock.advance(5);
    await call(fake, 'GET', `${conversationPath(chat, '/pagedmembers')}?pageSize=50`);
    await call(fake, 'POST', conversationPath('a:nope', '/activities'), message('lost'));
    expect(fake.requests).toEqual([
      {
        method: 'POST',
        path: '/v3/conversations/a%3Afaulty/activities',
        query: {},
        operation: 'sendToConversation',
        conversationId: chat,
        activityId: sent.body.id,
        status: 201,
        body: message('logged'),
        at: clock.now() - 5,
      },
      {
        method: 'GET',
        path: '/v3/conversations/a%3Afaulty/pagedmembers',
        query: { pageSize: '50' },
        operation: 'getConversationPagedMembers',
        conversationId: chat,
        activityId: undefined,
        status: 200,
        body: undefined,
        at: clock.now(),
      },
      expect.objectContaining({ status: 404, errorCode: 'ConversationNotFound', conversationId: 'a:nope' }),
    ]);
    fake.resetLog();
    expect(fake.requests).toEqual([]);
  });

  it('should answer the next requests with a queued 429 and Retry-After, deliver nothing, then recover', async () => {
    const before = fake.activities(chat).length;
    fake.injectFault({ status: 429, count: 2, retryAfter: '2.5' });
    const first = await send(fake, chat);
    expectConnectorError(first, 429, 'Throttled');
    expect(first.headers.get('retry-after')).toBe('2.5');
    expect((await send(fake, chat)).status).toBe(429);
    expect((await send(fake, chat)).status).toBe(201);
    expect(fake.requests.map((r) => [r.status, r.retryAfter])).toEqual([
      [429, '2.5'],
      [429, '2.5'],
      [201, undefined],
    ]);
    expect(fake.activities(chat)).toHaveLength(before + 1);
  });

  it('should use Teams’ codes by status unless given one, and send Retry-After only when asked', async () => {
    const expected: Array<[number, string]> = [
      [412, 'PreconditionFailed'],
      [403, 'ConversationBlockedByUser'],
      [502, 'ServiceError'],
      [503, 'ServiceUnavailable'],
      [504, 'GatewayTimeout'],
    ];
    for (const [status, code] of expected) {
      fake.injectFault({ status });
      const reply = await send(fake, chat);
      expectConnectorError(reply, status, code);
      expect(reply.headers.get('retry-after')).toBeNull();
    }
    fake.injectFault({ status: 403, code: 'BotDisabledByAdmin' });
    expectConnectorError(await send(fake, chat), 403, 'BotDisabledByAdmin');
    expect(() => fake.injectFault({ status: 200 })).toThrow(/HTTP error status/);
    expect(() => fake.injectFault({ status: 429, count: 0 })).toThrow(/positive integer/);
  });

  it('should only hit requests the matcher selects, in the order faults were queued', async () => {
    fake.injectFault({ status: 502, match: (r) => r.operation === 'getConversationMembers' });
    fake.injectFault({ status: 412, match: (r) => r.method === 'POST' && r.conversationId === chat });
    expect((await call(fake, 'GET', conversationPath(chat, '/pagedmembers'))).status).toBe(200);
    expect((await call(fake, 'GET', conversationPath(chat, '/members'))).status).toBe(502);
    expect((await call(fake, 'GET', conversationPath(chat, '/members'))).status).toBe(200);
    expect((await send(fake, chat)).status).toBe(412);
    expect((await send(fake, chat)).status).toBe(201);
  });

  it('should throttle randomly at the given rate, the same way for the same seed', async () => {
    const run = async (seed: number) => {
      fake.throttleRandomly({ rate: 0.5, retryAfter: '1', seed });
      const statuses: number[] = [];
      for (let i = 0; i < 20; i += 1) statuses.push((await send(fake, chat)).status);
      return statuses;
    };
    const before = fake.activities(chat).length;
    const a = await run(7);
    expect(await run(7)).toEqual(a);
    expect(await run(8)).not.toEqual(a);
    expect(a.filter((s) => s === 429).length).toBeGreaterThan(3);
    expect(a.filter((s) => s === 201).length).toBeGreaterThan(3);
    const delivered = fake.requests.filter((r) => r.status === 201).length;
    expect(fake.activities(chat).length - before).toBe(delivered);

    fake.throttleRandomly({ rate: 1, retryAfter: '0.75' });
    const throttled = await send(fake, chat);
    expectConnectorError(throttled, 429, 'Throttled');
    expect(throttled.headers.get('retry-after')).toBe('0.75');
    fake.throttleRandomly(null);
    expect((await send(fake, chat)).status).toBe(201);
    expect(() => fake.throttleRandomly({ rate: 2, retryAfter: '1' })).toThrow(/between 0 and 1/);
  });
});
