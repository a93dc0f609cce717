import type { FakeConnector } from './fake-connector';
import { startFakeConnector } from './fake-connector';
import { BOT, TENANT, adaptiveCard, call, expectConnectorError, member, message } from './test-support';

const params = (extra: Record<string, unknown> = {}) => ({
  bot: BOT,
  members: [{ id: member(1).id }],
  isGroup: false,
  tenantId: TENANT,
  channelData: { tenant: { id: TENANT } },
  ...extra,
});

describe('POST /v3/conversations', () => {
  let fake: FakeConnector;

  beforeEach(async () => {
    fake = await startFakeConnector({ limits: false });
  });
  afterEach(() => fake.close());

  it('should open a 1:1 chat: 201 with a Teams-shaped id, and the same id for the same user and tenant', async () => {
    const first = await call(fake, 'POST', 'v3/conversations', params());
    expect(first.status).toBe(201);
    expect(first.headers.get('content-type')).toMatch(/^application\/json/);
    expect(first.body).toEqual({ id: expect.stringMatching(/^a:1/) });
    const again = await call(fake, 'POST', 'v3/conversations', params());
    expect(again.body.id).toBe(first.body.id);
    const otherTenant = await call(
      fake,
      'POST',
      'v3/conversations',
      params({ tenantId: 'other', channelData: { tenant: { id: 'other' } } }),
    );
    expect(otherTenant.body.id).not.toBe(first.body.id);
    expect(fake.conversations()).toEqual([
      {
        id: first.body.id,
        members: [{ id: member(1).id }],
        isGroup: false,
        tenantId: TENANT,
        conversationType: 'personal',
      },
      expect.objectContaining({ id: otherTenant.body.id, tenantId: 'other' }),
    ]);
  });

  it('should return the pre-created 1:1 chat, found by Teams id or Entra object id, with the full profile', async () => {
    const id = fake.addConversation({ id: 'a:installed', members: [member(2)], tenantId: TENANT });
    const byTeamsId = await call(
      fake,
      'POST',
      'v3/conversations',
      params({ members: [{ id: member(2).id }] }),
    );
    const byObjectId = await call(
      fake,
      'POST',
      'v3/conversations',
      params({ members: [{ id: member(2).aadObjectId }] }),
    );
    expect([byTeamsId.body.id, byObjectId.body.id]).toEqual([id, id]);
    expect(fake.conversations()).toEqual([
      { id, members: [member(2)], isGroup: false, tenantId: TENANT, conversationType: 'personal' },
    ]);
  });

  it('should deliver the first activity and answer its id as activityId', async () => {
    const reply = await call(
      fake,
      'POST',
      'v3/conversations',
      params({ activity: message('Weekly status is due') }),
    );
    expect(reply.body).toEqual({ id: expect.any(String), activityId: expect.stringMatching(/^\d+$/) });
    expect(fake.activities(reply.body.id)).toEqual([
      {
        id: reply.body.activityId,
        conversationId: reply.body.id,
        activity: message('Weekly status is due'),
        updatedCount: 0,
      },
    ]);
    expect(fake.requests[0]).toMatchObject({
      operation: 'createConversation',
      conversationId: reply.body.id,
      activityId: reply.body.activityId,
      status: 201,
    });
  });

  it('should accept the Agents SDK’s `agent` in place of `bot`', async () => {
    const { bot: _bot, ...rest } = params();
    expect((await call(fake, 'POST', 'v3/conversations', { ...rest, agent: BOT })).status).toBe(201);
  });

  it('should refuse parameters Teams cannot use with 400 BadSyntax', async () => {
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [params({ members: [] }), /members/],
      [params({ members: undefined }), /members/],
      [params({ members: [{ name: 'no id' }] }), /id/],
      [params({ tenantId: undefined, channelData: {} }), /tenant/],
      [params({ isGroup: true }), /group chats/],
      [params({ members: [{ id: '29:a' }, { id: '29:b' }] }), /group chats/],
    ];
    for (const [body, why] of cases) {
      expectConnectorError(await call(fake, 'POST', 'v3/conversations', body), 400, 'BadSyntax', why);
    }
    expect(fake.conversations()).toEqual([]);
  });

  it('should refuse a body that is not JSON, or not an object, with 400 BadArgument', async () => {
    expectConnectorError(await call(fake, 'POST', 'v3/conversations', '{"bot":'), 400, 'BadArgument', /JSON/);
    expectConnectorError(await call(fake, 'POST', 'v3/conversations', [1]), 400, 'BadArgument');
    const untyped = await call(fake, 'POST', 'v3/conversations', '{}', { 'Content-Type': 'text/plain' });
    expectConnectorError(untyped, 415, 'UnsupportedMediaType');
  });

  it('should validate the first activity like any other (no type → 400, card 1.6 → 400, too big → 413), opening nothing', async () => {
    expectConnectorError(
      await call(fake, 'POST', 'v3/conversations', params({ activity: { text: 'hi' } })),
      400,
      'BadArgument',
      /parameters\.activity has no type/,
    );
    expectConnectorError(
      await call(
        fake,
        'POST',
        'v3/conversations',
        params({ activity: { type: 'message', attachments: [adaptiveCard('1.6')] } }),
      ),
      400,
      'BadArgument',
      /1\.6 is not supported/,
    );
    expectConnectorError(
      await call(fake, 'POST', 'v3/conversations', params({ activity: message('x'.repeat(60_000)) })),
      413,
      'MessageSizeTooBig',
    );
    expect(fake.conversations()).toEqual([]);
  });

  it('should start a thread in a known channel: id "{channel};messageid={activityId}"', async () => {
    const channel = fake.addConversation({
      id: '19:general@thread.tacv2',
      members: [member(1), member(2)],
      tenantId: TENANT,
      conversationType: 'channel',
    });
    const body = {
      isGroup: true,
      bot: BOT,
      channelData: { tenant: { id: TENANT }, channel: { id: channel } },
    };
    const reply = await call(fake, 'POST', 'v3/conversations', { ...body, activity: message('New project') });
    expect(reply.status).toBe(201);
    expect(reply.body).toEqual({
      id: `${channel};messageid=${reply.body.activityId}`,
      activityId: expect.any(String),
    });
    expect(fake.activities(channel)).toHaveLength(1);
    expectConnectorError(
      await call(fake, 'POST', 'v3/conversations', body),
      400,
      'BadSyntax',
      /first message/,
    );
    expectConnectorError(
      await call(fake, 'POST', 'v3/conversations', {
        ...body,
        channelData: { tenant: { id: TENANT }, channel: { id: '19:nope@thread.tacv2' } },
        activity: message('x'),
      }),
      404,
      'ConversationNotFound',
    );
  });

  it('should refuse bad addConversation options with errors that say what to fix', () => {
    expect(() => fake.addConversation({ members: [], tenantId: TENANT })).toThrow(/exactly one member/);
    expect(() => fake.addConversation({ members: [member(1)], tenantId: '' })).toThrow(/tenantId/);
    fake.addConversation({ id: 'a:x', members: [member(1)], tenantId: TENANT });
    expect(() => fake.addConversation({ members: [member(1)], tenantId: TENANT })).toThrow(
      /already has a 1:1/,
    );
    expect(() =>
      fake.addConversation({
        members: [member(2)],
        tenantId: TENANT,
        isGroup: true,
        conversationType: 'personal',
      }),
    ).toThrow(/isGroup false/);
    const group = fake.addConversation({ members: [member(1), member(2)], tenantId: TENANT, isGroup: true });
    expect(group).toMatch(/^19:[0-9a-f]{32}@thread\.v2$/);
    expect(fake.conversations().find((c) => c.id === group)?.conversationType).toBe('groupChat');
  });
});
