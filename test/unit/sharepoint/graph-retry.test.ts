import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import type { RetryPolicy, RetryTiming } from '../../../api/store/sharepoint/graph-retry';
import {
  GraphRetryMiddleware,
  parseRetryAfter,
  retryDelayMs,
} from '../../../api/store/sharepoint/graph-retry';

const POLICY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 500, maxDelayMs: 60_000 };

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-24T10:00:00Z');
  it.each([
    ['2', 2000],
    ['0', 0],
    ['2.128', 2128],
    [' 7 ', 7000],
    ['Tue, 24 Nov 2026 10:00:30 GMT', 30_000],
    ['Tue, 24 Nov 2026 09:00:00 GMT', 0],
  ])('should read %j as %d ms', (value, ms) => {
    expect(parseRetryAfter(value, now)).toBe(ms);
  });

  it.each([null, undefined, '', 'soon', '-1'])('should ignore %j', (value) => {
    expect(parseRetryAfter(value, now)).toBeUndefined();
  });
});

describe('retryDelayMs', () => {
  it('should wait what Retry-After asks, plus at most 10% (capped at 1 s) of jitter', () => {
    expect(retryDelayMs(1, 2000, POLICY, () => 0)).toBe(2000);
    expect(retryDelayMs(1, 2000, POLICY, () => 0.999)).toBeCloseTo(2199.8);
    expect(retryDelayMs(1, 30_000, POLICY, () => 0.999)).toBeCloseTo(30_999);
  });

  it('should never wait longer than the policy allows', () => {
    expect(retryDelayMs(1, 600_000, POLICY, () => 0.5)).toBe(60_000);
  });

  it('should back off exponentially with full jitter when the service sent no Retry-After', () => {
    const top = (retry: number) => retryDelayMs(retry, undefined, POLICY, () => 0.999_999);
    expect(top(1)).toBe(500);
    expect(top(2)).toBe(1000);
    expect(top(3)).toBe(2000);
    expect(top(20)).toBe(60_000);
    expect(retryDelayMs(3, undefined, POLICY, () => 0.25)).toBe(500);
    expect(retryDelayMs(3, undefined, POLICY, () => 0)).toBe(1);
  });
});

describe('GraphRetryMiddleware', () => {
  /** A next middleware that answers from a script and counts calls. */
  function scripted(responses: Array<() => Response>): Middleware & { calls: number } {
    const next = {
      calls: 0,
      async execute(context: Context) {
        const make = responses[Math.min(next.calls, responses.length - 1)];
        next.calls += 1;
        context.response = make();
      },
    };
    return next;
  }
  const throttled = (retryAfter?: string) => () =>
    new Response('{"error":{"code":"TooManyRequests","message":"slow down"}}', {
      status: 429,
      headers: retryAfter ? { 'Retry-After': retryAfter } : {},
    });
  const ok = () => new Response('{"value":[]}', { status: 200 });

  function timing(): RetryTiming & { waits: number[] } {
    const waits: number[] = [];
    return { waits, sleep: async (ms) => void waits.push(ms), random: () => 0, now: () => 0 };
  }

  it('should retry a 429 after the Retry-After it carried, then hand back the success', async () => {
    const next = scripted([throttled('1.5'), throttled('0.25'), ok]);
    const t = timing();
    const middleware = new GraphRetryMiddleware(POLICY, t);
    middleware.setNext(next);
    const context: Context = {
      request: 'https://graph.microsoft.com/v1.0/sites/x',
      options: { method: 'GET' },
    };
    await middleware.execute(context);
    expect(context.response?.status).toBe(200);
    expect(next.calls).toBe(3);
    expect(t.waits).toEqual([1500, 250]);
  });

  it.each([503, 504])('should retry a %d', async (status) => {
    const next = scripted([() => new Response('{}', { status }), ok]);
    const middleware = new GraphRetryMiddleware(POLICY, timing());
    middleware.setNext(next);
    const context: Context = { request: 'https://x/', options: { method: 'POST', body: '{"a":1}' } };
    await middleware.execute(context);
    expect(context.response?.status).toBe(200);
  });

  it('should stop after the last attempt and leave the failure for the caller', async () => {
    const next = scripted([throttled('1')]);
    const t = timing();
    const middleware = new GraphRetryMiddleware(POLICY, t);
    middleware.setNext(next);
    const context: Context = { request: 'https://x/', options: { method: 'GET' } };
    await middleware.execute(context);
    expect(context.response?.status).toBe(429);
    expect(next.calls).toBe(POLICY.maxAttempts);
    expect(t.waits).toHaveLength(POLICY.maxAttempts - 1);
  });

  it.each([400, 404, 409, 412, 500])('should not retry a %d', async (status) => {
    const next = scripted([() => new Response('{}', { status }), ok]);
    const middleware = new GraphRetryMiddleware(POLICY, timing());
    middleware.setNext(next);
    const context: Context = { request: 'https://x/', options: { method: 'PATCH', body: '{}' } };
    await middleware.execute(context);
    expect(context.response?.status).toBe(status);
    expect(next.calls).toBe(1);
  });
});
