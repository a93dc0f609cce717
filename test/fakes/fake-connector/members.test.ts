import type { FakeConnector } from './fake-connector';
import { startFakeConnector } from './fake-connector';
import { BOT, TENANT, call, conversationPath, expectConnectorError, member } from './test-support';

describe('members: GET …/members, …/members/{id}, …/pagedmembers', () => {
  let fake: FakeConnector;
  let chat: string;
  let channel: string;

  beforeAll(async () => {
    fake = await startFakeConnector({ limits: false });
    chat = fake.addConversation({ members: [member(1)], tenantId: TENANT });
    channel = fake.addConversation({
      members: Array.from({ length: 120 }, (_, i) => member(i + 1)),
      tenantId: TENANT,
      conversationType: 'channel',
    });
  });
  afterAll(() => fake.close());

  it('should answer TeamsChannelAccount shapes, the object id as both aadObjectId and objectId', async () => {
    const reply = await call(fake, 'GET', conversationPath(chat, '/members'));
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual([
      {
        id: member(1).id,
        name: 'User 1',
        aadObjectId: member(1).aadObjectId,
        objectId: member(1).aadObjectId,
        givenName: 'User',
        surname: '1',
        email: 'user1@contoso.com',
        userPrincipalName: 'user1@contoso.com',
        tenantId: TENANT,
        userRole: 'user',
      },
    ]);
  });

  it('should find one member by Teams id, Entra object id or UPN, else 404 MemberNotFoundInConversation', async () => {
    for (const key of [member(1).id, member(1).aadObjectId as string, 'USER1@contoso.com']) {
      const reply = await call(fake, 'GET', conversationPath(chat, `/members/${encodeURIComponent(key)}`));
      expect({ status: reply.status, id: reply.body.id }).toEqual({ status: 200, id: member(1).id });
    }
    const missing = await call(fake, 'GET', conversationPath(chat, '/members/29:nobody'));
    expectConnectorError(missing, 404, 'MemberNotFoundInConversation', /29:nobody/);
  });

  it('should page at 50 to 500 members, and leave continuationToken off the last page', async () => {
    const pages: number[] = [];
    const ids: string[] = [];
    let token: string | undefined;
    do {
      const query = new URLSearchParams({ pageSize: '10', ...(token ? { continuationToken: token } : {}) });
      const reply = await call(fake, 'GET', conversationPath(channel, `/pagedmembers?${query}`));
      expect(reply.status).toBe(200);
      pages.push(reply.body.members.length);
      ids.push(...reply.body.members.map((m: { id: string }) => m.id));
      token = reply.body.continuationToken;
      if (token === undefined) expect(Object.keys(reply.body)).toEqual(['members']);
    } while (token !== undefined);
    // pageSize 10 is treated as 50.
    expect(pages).toEqual([50, 50, 20]);
    expect(ids).toEqual(Array.from({ length: 120 }, (_, i) => member(i + 1).id));

    const whole = await call(fake, 'GET', conversationPath(channel, '/pagedmembers?pageSize=1000'));
    expect(whole.body.members).toHaveLength(120);
    expect(whole.body.continuationToken).toBeUndefined();
    const byDefault = await call(fake, 'GET', conversationPath(channel, '/pagedmembers'));
    expect(byDefault.body.members).toHaveLength(120);
  });

  it('should refuse a continuation token from elsewhere and a pageSize that is no integer with 400 BadArgument', async () => {
    const first = await call(fake, 'GET', conversationPath(channel, '/pagedmembers?pageSize=50'));
    const foreign = encodeURIComponent(first.body.continuationToken);
    expectConnectorError(
      await call(fake, 'GET', conversationPath(chat, `/pagedmembers?continuationToken=${foreign}`)),
      400,
      'BadArgument',
      /continuationToken/,
    );
    expectConnectorError(
      await call(fake, 'GET', conversationPath(channel, '/pagedmembers?continuationToken=garbage')),
      400,
      'BadArgument',
    );
    expectConnectorError(
      await call(fake, 'GET', conversationPath(channel, '/pagedmembers?pageSize=ten')),
      400,
      'BadArgument',
    );
  });

  it('should answer the full profile of a member known from elsewhere when a 1:1 is opened with a bare id', async () => {
    const created = await call(fake, 'POST', 'v3/conversations', {
      bot: BOT,
      members: [{ id: member(77).aadObjectId }],
      isGroup: false,
      channelData: { tenant: { id: TENANT } },
    });
    const members = await call(fake, 'GET', conversationPath(created.body.id, '/members'));
    expect(members.body).toEqual([
      expect.objectContaining({ id: member(77).id, email: 'user77@contoso.com' }),
    ]);
  });
});
