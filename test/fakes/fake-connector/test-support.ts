/** Helpers for the fake Connector's own tests: JSON over fetch, a movable clock, activities and error checks. */

import type { FakeConnector, Member } from './fake-connector';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- replies are inspected field by field
export interface Reply<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

/** JSON request to the fake; `path` is relative to its url ('v3/conversations/…'), or absolute. */
export async function call(
  fake: FakeConnector,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Reply> {
  const res = await fetch(path.startsWith('http') ? path : `${fake.url}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text === '' ? undefined : JSON.parse(text) };
}

/** A clock the test moves by hand. */
export function manualClock(start = Date.UTC(2026, 0, 5, 9, 0, 0)) {
  let now = start;
  return {
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

export const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
export const BOT = { id: '28:c9e8c047-2a74-40a2-b28a-b162d5f5327c', name: 'PMO Hub' };

export const member = (n: number): Member => ({
  id: `29:user-${n}`,
  name: `User ${n}`,
  aadObjectId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  email: `user${n}@contoso.com`,
  userPrincipalName: `user${n}@contoso.com`,
  givenName: 'User',
  surname: String(n),
});

/** An unsigned bearer token naming an app (the fake reads the appid claim, never verifies). */
export function bearer(appId: string): Record<string, string> {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return {
    Authorization: `Bearer ${part({ alg: 'none' })}.${part({ appid: appId, aud: 'https://api.botframework.com' })}.`,
  };
}

export const conversationPath = (conversationId: string, rest = ''): string =>
  `v3/conversations/${encodeURIComponent(conversationId)}${rest}`;

export const message = (text: string, extra: Record<string, unknown> = {}) => ({
  type: 'message',
  from: BOT,
  text,
  ...extra,
});

export const adaptiveCard = (version: string, body: unknown[] = [{ type: 'TextBlock', text: 'Hi' }]) => ({
  contentType: 'application/vnd.microsoft.card.adaptive',
  content: {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version,
    body,
  },
});

export const send = (fake: FakeConnector, conversationId: string, activity: unknown = message('hello')) =>
  call(fake, 'POST', conversationPath(conversationId, '/activities'), activity);

/** Bot Framework's ErrorResponse: status, code and a message. */
export function expectConnectorError(reply: Reply, status: number, code: string, message?: RegExp): void {
  expect({ status: reply.status, code: reply.body?.error?.code }).toEqual({ status, code });
  expect(reply.headers.get('content-type')).toMatch(/^application\/json/);
  expect(typeof reply.body.error.message).toBe('string');
  if (message) expect(reply.body.error.message).toMatch(message);
}
