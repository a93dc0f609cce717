import type { FakeGraph } from './fake-graph';
import { startFakeGraph } from './fake-graph';
import { call, createList, expectGraphError, sitePath } from './test-support';

describe('injected faults, random throttling, latency and the request log', () => {
  let fake: FakeGraph;
  let site: string;

  beforeAll(async () => {
    fake = await startFakeGraph();
    site = sitePath(fake);
    await createList(fake, 'Faulty');
  });
  afterAll(() => fake.close());
  beforeEach(() => {
    fake.resetLog();
    fake.throttleRandomly(null);
  });

  it('should log every request in order with method, path, decoded query, status and time', async () => {
    const before = Date.now();
    await call(fake, 'GET', `${site}/lists?$top=1&$filter=${encodeURIComponent("displayName eq 'Faulty'")}`);
    await call(fake, 'GET', `${site}/lists/Nope`);
    expect(fake.requests).toEqual([
      {
        method: 'GET',
        path: `/v1.0${site}/lists`,
        query: { $top: '1', $filter: "displayName eq 'Faulty'" },
        status: 200,
        at: expect.any(Number),
      },
      { method: 'GET', path: `/v1.0${site}/lists/Nope`, query: {}, status: 404, at: expect.any(Number) },
    ]);
    expect(fake.requests[0].at).toBeGreaterThanOrEqual(before);
    fake.resetLog();
    expect(fake.requests).toEqual([]);
  });

  it('should answer the next requests with a queued 429 and Retry-After, and count them in the log', async () => {
    fake.injectFault({ status: 429, count: 2, retryAfter: '0.01' });
    const first = await call(fake, 'GET', site);
    expectGraphError(first, 429, 'TooManyRequests');
    expect(first.headers.get('retry-after')).toBe('0.01');
    expect((await call(fake, 'GET', site)).status).toBe(429);
    expect((await call(fake, 'GET', site)).status).toBe(200);
    expect(fake.requests.map((r) => r.status)).toEqual([429, 429, 200]);
  });

  it('should answer 503 serviceNotAvailable, without Retry-After when none is given, and honour custom codes', async () => {
    fake.injectFault({ status: 503 });
    const unavailable = await call(fake, 'GET', site);
    expectGraphError(unavailable, 503, 'serviceNotAvailable');
    expect(unavailable.headers.get('retry-after')).toBeNull();
    fake.injectFault({ status: 504, code: 'UnknownError', retryAfter: '1' });
    expectGraphError(await call(fake, 'GET', site), 504, 'UnknownError');
    expect(() => fake.injectFault({ status: 200 })).toThrow(/HTTP error status/);
    expect(() => fake.injectFault({ status: 429, count: 0 })).toThrow(/positive integer/);
  });

  it('should only hit requests the matcher selects, leaving others alone', async () => {
    fake.injectFault({
      status: 429,
      retryAfter: '3',
      match: (r) => r.method === 'POST' && r.url.endsWith('/items'),
    });
    expect((await call(fake, 'GET', `${site}/lists/Faulty/items`)).status).toBe(200);
    const post = await call(fake, 'POST', `${site}/lists/Faulty/items`, { fields: { Title: 'x' } });
    expect(post.status).toBe(429);
    expect(fake.itemsOf(fake.sites[0].id, 'Faulty')).toHaveLength(0);
    expect((await call(fake, 'POST', `${site}/lists/Faulty/items`, { fields: { Title: 'x' } })).status).toBe(
      201,
    );
  });

  it('should see a $batch as one outer request, which a fault without a matcher hits first', async () => {
    fake.injectFault({ status: 429, retryAfter: '1' });
    const reply = await call(fake, 'POST', '/$batch', { requests: [{ id: '1', method: 'GET', url: site }] });
    expectGraphError(reply, 429, 'TooManyRequests');
    expect(fake.requests[0]).toMatchObject({ path: '/v1.0/$batch', status: 429 });
    expect(fake.requests[0].batch).toBeUndefined();
  });

  it('should throttle randomly at the given rate, the same way for the same seed, outer and inner', async () => {
    const run = async (seed: number) => {
      fake.throttleRandomly({ rate: 0.5, retryAfter: '0.5', seed });
      const statuses: number[] = [];
      for (let i = 0; i < 16; i += 1) statuses.push((await call(fake, 'GET', site)).status);
      return statuses;
    };
    const a = await run(7);
    const b = await run(7);
    expect(a).toEqual(b);
    expect(a.filter((s) => s === 429).length).toBeGreaterThan(2);
    expect(a.filter((s) => s === 200).length).toBeGreaterThan(2);
    expect(await run(8)).not.toEqual(a);

    fake.throttleRandomly({ rate: 1, retryAfter: '0.5' });
    const throttled = await call(fake, 'GET', site);
    expect(throttled.headers.get('retry-after')).toBe('0.5');
    fake.throttleRandomly(null);
    expect((await call(fake, 'GET', site)).status).toBe(200);
    expect(() => fake.throttleRandomly({ rate: 2, retryAfter: '1' })).toThrow(/between 0 and 1/);
  });

  it('should throttle inner requests of a batch too', async () => {
    // Find a seed whose first draw passes and second throttles: the outer batch runs, its inner request gets 429.
    let seed = 1;
    for (; seed < 100; seed += 1) {
      fake.throttleRandomly({ rate: 0.5, retryAfter: '1', seed });
      const outer = await call(fake, 'POST', '/$batch', {
        requests: [{ id: '1', method: 'GET', url: site }],
      });
      if (outer.status === 200 && outer.body.responses[0].status === 429) {
        expect(outer.body.responses[0].headers['Retry-After']).toBe('1');
        return;
      }
    }
    throw new Error('no seed under 100 throttled only the inner request');
  });

  it('should wait latencyMs before answering each HTTP request, and a batch only once', async () => {
    fake.setLatency(40);
    let started = Date.now();
    await call(fake, 'GET', site);
    expect(Date.now() - started).toBeGreaterThanOrEqual(38);
    started = Date.now();
    const requests = Array.from({ length: 5 }, (_, i) => ({ id: String(i), method: 'GET', url: site }));
    expect((await call(fake, 'POST', '/$batch', { requests })).status).toBe(200);
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(38);
    expect(elapsed).toBeLessThan(5 * 40);
    fake.setLatency(0);
    expect(() => fake.setLatency(-1)).toThrow();
  });
});
