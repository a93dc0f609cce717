import type { RetryPolicy } from '../../../../bot/proactive/backoff';
import { backoffDelayMs, retryAfterDelayMs } from '../../../../bot/proactive/backoff';

const POLICY: RetryPolicy = { maxAttempts: 6, baseDelayMs: 1000, maxDelayMs: 60_000 };
const TOP = () => 0.999_999;

describe('backoffDelayMs', () => {
  it('should double the window each retry, up to maxDelayMs', () => {
    const tops = [1, 2, 3, 4, 5, 6, 7, 8].map((retry) => Math.round(backoffDelayMs(retry, POLICY, TOP)));
    expect(tops).toEqual([1000, 2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000]);
  });

  it('should spread each wait over the whole window (full jitter)', () => {
    expect(backoffDelayMs(3, POLICY, () => 0)).toBe(0);
    expect(backoffDelayMs(3, POLICY, () => 0.25)).toBe(1000);
    expect(backoffDelayMs(3, POLICY, () => 0.5)).toBe(2000);
  });
});

describe('retryAfterDelayMs', () => {
  it.each([
    [2000, 2000, 2200],
    [30_000, 30_000, 31_000],
    [120_000, 120_000, 121_000],
    [0, 0, 100],
    [500, 500, 600],
  ])('should wait a Retry-After of %d ms plus a little jitter: [%d, %d)', (retryAfter, low, high) => {
    expect(retryAfterDelayMs(retryAfter, () => 0)).toBe(low);
    const top = retryAfterDelayMs(retryAfter, TOP);
    expect(top).toBeGreaterThan(low);
    expect(top).toBeLessThan(high);
  });
});
