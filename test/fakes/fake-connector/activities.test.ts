import type { FakeConnector } from './fake-connector';
import { startFakeConnector } from './fake-connector';
import {
  TENANT,
  adaptiveCard,
  call,
  conversationPath,
  expectConnectorError,
  member,
  message,
  send,
} from './test-support';

describe('activities: send, reply, update, delete', () => {
  let fake: FakeConnector;
  let chat: string;

  beforeEach(async () => {
    fake = await startFakeConnector({ limits: false });
    chat = fake.addConversation({ members: [member(1)], tenantId: TENANT });
  });
  afterEach(() => fake.close());

  it('should send: 201 { id } with an epoch-milliseconds id, delivered in order', async () => {
    const first = await send(fake, chat, message('one'));
    const second = await send(fake, chat, message('two'));
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ id: expect.stringMatching(/^\d{13}$/) });
    expect(Number(second.body.id)).toBeGreaterThan(Number(first.body.id));
    expect(fake.activities(chat).map((a) => [a.id, a.activity.text])).toEqual([
      [first.body.id, 'one'],
      [second.body.id, 'two'],
    ]);
    expect(fake.requests.map((r) => [r.operation, r.conversationId, r.activityId, r.status])).toEqual([
      ['sendToConversation', chat, first.body.id, 201],
      ['sendToConversation', chat, second.body.id, 201],
    ]);
  });

  it('should reply: 201 { id }, the replied-to id kept even when the Connector never saw it (a user message)', async () => {
    const reply = await call(
      fake,
      'POST',
      conversationPath(chat, '/activities/1632474074231'),
      message('hi'),
    );
    expect(reply.status).toBe(201);
    expect(reply.body).toEqual({ id: expect.any(String) });
    expect(fake.activities(chat)).toEqual([
      expect.objectContaining({ id: reply.body.id, replyToId: '1632474074231', conversationId: chat }),
    ]);
    expect(fake.requests[0]).toMatchObject({ operation: 'replyToActivity', activityId: '1632474074231' });
  });

  it('should update in place: 200 { id }, same id, new content, updatedCount counted; 404 for an unknown id', async () => {
    const { body } = await send(fake, chat, { type: 'message', attachments: [adaptiveCard('1.5')] });
    const card = adaptiveCard('1.4', [{ type: 'TextBlock', text: 'Approved' }]);
    const update = await call(fake, 'PUT', conversationPath(chat, `/activities/${body.id}`), {
      type: 'message',
      attachments: [card],
    });
    expect(update.status).toBe(200);
    expect(update.body).toEqual({ id: body.id });
    const [stored] = fake.activities(chat);
    expect(stored).toMatchObject({ id: body.id, updatedCount: 1, activity: { attachments: [card] } });
    expect(fake.activities(chat)).toHaveLength(1);

    const missing = await call(fake, 'PUT', conversationPath(chat, '/activities/123'), message('x'));
    expectConnectorError(missing, 404, 'ActivityNotFoundInConversation', /'123'/);
    const other = fake.addConversation({ members: [member(2)], tenantId: TENANT });
    const elsewhere = await call(
      fake,
      'PUT',
      conversationPath(other, `/activities/${body.id}`),
      message('x'),
    );
    expectConnectorError(elsewhere, 404, 'ActivityNotFoundInConversation');
  });

  it('should delete: 200 with no body; the activity is gone and cannot be updated or deleted again', async () => {
    const { body } = await send(fake, chat);
    const path = conversationPath(chat, `/activities/${body.id}`);
    const deleted = await call(fake, 'DELETE', path);
    expect(deleted).toMatchObject({ status: 200, body: undefined });
    expect(fake.activities(chat)).toEqual([]);
    expectConnectorError(await call(fake, 'DELETE', path), 404, 'ActivityNotFoundInConversation');
    expectConnectorError(await call(fake, 'PUT', path, message('x')), 404, 'ActivityNotFoundInConversation');
  });

  it('should answer 404 ConversationNotFound on every route of an unknown conversation, and deliver nothing', async () => {
    const path = conversationPath('a:unknown');
    const replies = [
      await call(fake, 'POST', `${path}/activities`, message('x')),
      await call(fake, 'POST', `${path}/activities/1`, message('x')),
      await call(fake, 'PUT', `${path}/activities/1`, message('x')),
      await call(fake, 'DELETE', `${path}/activities/1`),
      await call(fake, 'GET', `${path}/members`),
      await call(fake, 'GET', `${path}/pagedmembers`),
      await call(fake, 'GET', `${path}/members/29:x`),
    ];
    for (const reply of replies) expectConnectorError(reply, 404, 'ConversationNotFound', /a:unknown/);
    expect(fake.activities()).toEqual([]);
  });

  it('should decode URL-encoded Teams ids (":" "@" ";") and reach channel threads by "…;messageid=N"', async () => {
    const channel = fake.addConversation({
      id: '19:0a1b2c@thread.tacv2',
      members: [member(1)],
      tenantId: TENANT,
      conversationType: 'channel',
    });
    const thread = `${channel};messageid=1700000000000`;
    expect((await send(fake, thread, message('in the thread'))).status).toBe(201);
    // Unencoded ids (as the Agents SDK sends them for some routes) work too.
    expect((await call(fake, 'POST', `v3/conversations/${channel}/activities`, message('top'))).status).toBe(
      201,
    );
    expect(fake.activities(channel).map((a) => [a.conversationId, a.activity.text])).toEqual([
      [thread, 'in the thread'],
      [channel, 'top'],
    ]);
    expect(fake.activities(thread)).toHaveLength(1);
    expect(fake.requests[0]).toMatchObject({
      path: `/${conversationPath(thread, '/activities')}`,
      conversationId: thread,
    });
    // Threads exist only in channels.
    expectConnectorError(await send(fake, `${chat};messageid=1`), 404, 'ConversationNotFound');
    expectConnectorError(
      await call(fake, 'POST', 'v3/conversations/%E0%A4%A/activities', message('x')),
      400,
      'BadArgument',
    );
  });

  it('should accept a path prefix before /v3 (like https://smba.trafficmanager.net/teams/) and put one in url', async () => {
    const prefixed = await startFakeConnector({ pathPrefix: '/amer/', limits: false });
    try {
      expect(prefixed.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/amer\/$/);
      const id = prefixed.addConversation({ members: [member(1)], tenantId: TENANT });
      expect((await send(prefixed, id)).status).toBe(201);
      const root = prefixed.url.replace(/amer\/$/, '');
      expect(
        (await call(prefixed, 'POST', `${root}teams/${conversationPath(id, '/activities')}`, message('x')))
          .status,
      ).toBe(201);
      expect(
        (await call(prefixed, 'POST', `${root}${conversationPath(id, '/activities')}`, message('x'))).status,
      ).toBe(201);
      expect(prefixed.activities(id)).toHaveLength(3);
    } finally {
      await prefixed.close();
    }
    expect(fake.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('should answer 404 for paths that are no route and 405 for the wrong method', async () => {
    expectConnectorError(await call(fake, 'GET', 'v3/teams/19:x'), 404, 'NotFound');
    expectConnectorError(await call(fake, 'POST', 'api/messages', {}), 404, 'NotFound');
    const wrong = await call(fake, 'GET', conversationPath(chat, '/activities'));
    expectConnectorError(wrong, 405, 'MethodNotAllowed');
    expect(wrong.headers.get('allow')).toBe('POST');
    expect(fake.requests.map((r) => r.operation)).toEqual(['unknown', 'unknown', 'unknown']);
  });
});

describe('activity validation, as strict as Teams', () => {
  let fake: FakeConnector;
  let chat: string;

  beforeAll(async () => {
    fake = await startFakeConnector({ limits: false });
    chat = fake.addConversation({ members: [member(1)], tenantId: TENANT });
  });
  afterAll(() => fake.close());

  it('should refuse malformed JSON and an activity without a type with 400 BadArgument', async () => {
    expectConnectorError(await send(fake, chat, '{"type": "message",'), 400, 'BadArgument', /not valid JSON/);
    expectConnectorError(await send(fake, chat, { text: 'hello' }), 400, 'BadArgument', /no type/);
    expectConnectorError(await send(fake, chat, { type: '', text: 'hello' }), 400, 'BadArgument', /no type/);
    expectConnectorError(await send(fake, chat, 'null'), 400, 'BadArgument', /JSON object/);
    expect(fake.activities(chat)).toEqual([]);
  });

  it('should refuse a message with neither text nor attachments, and fields of the wrong type', async () => {
    expectConnectorError(
      await send(fake, chat, { type: 'message' }),
      400,
      'BadArgument',
      /neither text nor attachments/,
    );
    expectConnectorError(await send(fake, chat, { type: 'message', text: '' }), 400, 'BadArgument');
    expectConnectorError(await send(fake, chat, { type: 'message', attachments: [] }), 400, 'BadArgument');
    expectConnectorError(
      await send(fake, chat, { type: 'message', text: 42 }),
      400,
      'BadArgument',
      /text must be a string/,
    );
    expectConnectorError(
      await send(fake, chat, { type: 'message', attachments: {} }),
      400,
      'BadArgument',
      /attachments must be an array/,
    );
    expectConnectorError(
      await send(fake, chat, { type: 'message', attachments: [{ content: {} }] }),
      400,
      'BadArgument',
      /contentType is required/,
    );
    // A typing indicator needs no text.
    expect((await send(fake, chat, { type: 'typing' })).status).toBe(201);
  });

  it('should accept Adaptive Cards up to 1.5 and refuse 1.6 and malformed cards, saying what Teams supports', async () => {
    for (const version of ['1.0', '1.2', '1.5']) {
      expect((await send(fake, chat, { type: 'message', attachments: [adaptiveCard(version)] })).status).toBe(
        201,
      );
    }
    const tooNew = await send(fake, chat, { type: 'message', attachments: [adaptiveCard('1.6')] });
    expectConnectorError(
      tooNew,
      400,
      'BadArgument',
      /version 1\.6 is not supported; Teams renders schema 1\.5 or earlier/,
    );
    const cases: Array<[unknown, RegExp]> = [
      [adaptiveCard('2.0'), /2\.0 is not supported/],
      [adaptiveCard('1.10'), /1\.10 is not supported/],
      [{ ...adaptiveCard('1.5'), content: JSON.stringify(adaptiveCard('1.5').content) }, /JSON object/],
      [{ ...adaptiveCard('1.5'), content: { type: 'Card', version: '1.5' } }, /'AdaptiveCard'/],
      [{ ...adaptiveCard('1.5'), content: { type: 'AdaptiveCard' } }, /version must be/],
      [{ ...adaptiveCard('1.5'), content: { type: 'AdaptiveCard', version: 1.5 } }, /version must be/],
    ];
    for (const [attachment, why] of cases) {
      expectConnectorError(
        await send(fake, chat, { type: 'message', attachments: [attachment] }),
        400,
        'BadArgument',
        why,
      );
    }
    // Other attachments (a hero card, a file) are not Adaptive Cards and pass.
    const hero = { contentType: 'application/vnd.microsoft.card.hero', content: { title: 'x' } };
    expect((await send(fake, chat, { type: 'message', attachments: [hero] })).status).toBe(201);
  });

  it('should refuse an activity over maxMessageBytes (2 bytes per UTF-16 unit) with 413 MessageSizeTooBig', async () => {
    const small = await startFakeConnector({ limits: false, maxMessageBytes: 1000 });
    try {
      const id = small.addConversation({ members: [member(1)], tenantId: TENANT });
      const base = JSON.stringify({ type: 'message', text: '' }).length;
      // 500 UTF-16 units = exactly 1000 bytes passes; one more unit fails.
      expect((await send(small, id, { type: 'message', text: 'x'.repeat(500 - base) })).status).toBe(201);
      const over = await send(small, id, { type: 'message', text: 'x'.repeat(501 - base) });
      expectConnectorError(over, 413, 'MessageSizeTooBig', /1002 bytes.*1000-byte limit/);
      // An emoji is two UTF-16 units: half as many fit.
      const emoji = await send(small, id, {
        type: 'message',
        text: '😀'.repeat(Math.ceil((501 - base) / 2)),
      });
      expectConnectorError(emoji, 413, 'MessageSizeTooBig');
      expect(small.activities(id)).toHaveLength(1);
    } finally {
      await small.close();
    }
    // The default is about 100 KB: 60,000 characters are 120,000 bytes.
    expectConnectorError(await send(fake, chat, message('x'.repeat(60_000))), 413, 'MessageSizeTooBig');
    expect((await send(fake, chat, message('x'.repeat(45_000)))).status).toBe(201);
  });

  it('should validate updates like sends', async () => {
    const { body } = await send(fake, chat, message('v1'));
    const path = conversationPath(chat, `/activities/${body.id}`);
    expectConnectorError(await call(fake, 'PUT', path, { text: 'v2' }), 400, 'BadArgument', /no type/);
    expectConnectorError(
      await call(fake, 'PUT', path, { type: 'message', attachments: [adaptiveCard('1.6')] }),
      400,
      'BadArgument',
    );
    expect(fake.activities(chat).find((a) => a.id === body.id)).toMatchObject({
      updatedCount: 0,
      activity: { text: 'v1' },
    });
  });
});
