import { SendError, describeFailure } from '../../../../bot/proactive/send-error';

describe('describeFailure', () => {
  it.each([412, 429, 502, 503, 504])('should retry %d, as Teams asks', (status) => {
    expect(describeFailure(new SendError('try again', status, 2000), 'send')).toMatchObject({
      status,
      retryable: true,
      retryAfterMs: 2000,
    });
  });

  it('should retry a network failure', () => {
    const failure = describeFailure(new SendError('ECONNRESET', null), 'send');
    expect(failure).toMatchObject({ status: null, retryable: true });
    expect(failure.reason).toBe('network error: ECONNRESET');
  });

  it.each([
    [400, 'send', /400 Bad Request.*malformed/],
    [401, 'send', /401 Unauthorized.*BOT_ID/],
    [403, 'send', /403 Forbidden \(MessageWritesBlocked\): .*blocked the bot/],
    [404, 'send', /404 Not Found.*conversation no longer exists/],
    [404, 'update', /404 Not Found.*activity to update no longer exists; send a new message/],
    [413, 'send', /413 Payload Too Large.*100 KB/],
    [500, 'send', /^500 Internal Server Error: boom$/],
  ] as const)('should fail %d (%s) at once with a reason to act on', (status, operation, reason) => {
    const code = status === 403 ? 'MessageWritesBlocked' : undefined;
    const failure = describeFailure(new SendError('boom', status, undefined, { code }), operation);
    expect(failure.retryable).toBe(false);
    expect(failure.reason).toMatch(reason);
  });

  it("should say which limit a 429 was about only when the transport knew (else it's the conversation)", () => {
    expect(describeFailure(new SendError('slow down', 429, 1000), 'send').scope).toBe('conversation');
    expect(describeFailure(new SendError('slow down', 429, 1000, { scope: 'app' }), 'send').scope).toBe(
      'app',
    );
  });

  it('should not retry what is not an HTTP answer: a bug would only repeat', () => {
    expect(describeFailure(new TypeError('x is undefined'), 'send')).toMatchObject({
      retryable: false,
      reason: 'unexpected transport error: x is undefined',
    });
  });

  it('should keep a long message short', () => {
    expect(describeFailure(new SendError('x'.repeat(5000), 500), 'send').reason.length).toBeLessThan(330);
  });
});
