/** The Agents SDK's own ConnectorClient (what the bot uses) against the fake, without credentials. */

import { Activity } from '@microsoft/agents-activity';
import { ConnectorClient, HttpError } from '@microsoft/agents-hosting';
import type { FakeConnector } from './fake-connector';
import { startFakeConnector } from './fake-connector';
import { BOT, TENANT, adaptiveCard, manualClock, member } from './test-support';

describe('the Agents SDK ConnectorClient against the fake', () => {
  let fake: FakeConnector;
  let client: ConnectorClient;
  const clock = manualClock();

  beforeAll(async () => {
    fake = await startFakeConnector({ pathPrefix: 'teams', clock: clock.now });
    client = ConnectorClient.createClientWithToken(fake.url, '');
  });
  afterAll(() => fake.close());

  const activity = (o: object) =>
    Activity.fromObject({ channelId: 'msteams', serviceUrl: fake.url, from: BOT, ...o });

  it('should open a 1:1 chat, send, reply, update and delete through the SDK', async () => {
    fake.addConversation({ members: [member(1)], tenantId: TENANT });
    const created = await client.createConversation({
      isGroup: false,
      agent: BOT,
      members: [{ id: member(1).id }],
      tenantId: TENANT,
      channelData: { tenant: { id: TENANT } },
      activity: activity({ type: 'message', text: 'Your weekly status is due' }),
    });
    expect(created.id).toBe(fake.conversations()[0].id);
    const conversationId = created.id;

    const sent = await client.sendToConversation(
      conversationId,
      activity({ type: 'message', attachments: [adaptiveCard('1.5')] }),
    );
    const replied = await client.replyToActivity(
      conversationId,
      sent.id,
      activity({ type: 'message', text: 'Thanks' }),
    );
    expect(replied.id).toMatch(/^\d+$/);
    const updated = await client.updateActivity(
      conversationId,
      sent.id,
      activity({
        type: 'message',
        attachments: [adaptiveCard('1.5', [{ type: 'TextBlock', text: 'Submitted' }])],
      }),
    );
    expect(updated.id).toBe(sent.id);
    expect(fake.activities(conversationId).find((a) => a.id === sent.id)?.updatedCount).toBe(1);

    await client.deleteActivity(conversationId, replied.id);
    expect(fake.activities(conversationId).map((a) => a.id)).not.toContain(replied.id);

    const me = await client.getConversationMember(member(1).id, conversationId);
    expect(me).toMatchObject({ id: member(1).id, aadObjectId: member(1).aadObjectId });
    expect(fake.requests.every((r) => r.path.startsWith('/teams/v3/conversations'))).toBe(true);
  });

  it('should surface the fake’s refusals as HttpError with status and body', async () => {
    const conversationId = fake.addConversation({ members: [member(2)], tenantId: TENANT });
    const tooNew = client.sendToConversation(
      conversationId,
      activity({ type: 'message', attachments: [adaptiveCard('1.6')] }),
    );
    await expect(tooNew).rejects.toMatchObject({
      status: 400,
      response: { data: { error: { code: 'BadArgument' } } },
    });

    clock.advance(10_000);
    for (let i = 0; i < 7; i += 1)
      await client.sendToConversation(conversationId, activity({ type: 'message', text: `${i}` }));
    const error = await client
      .sendToConversation(conversationId, activity({ type: 'message', text: 'one too many' }))
      .catch((err: unknown) => err);
    expect(error).toBeInstanceOf(HttpError);
    const { response } = error as HttpError;
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('1');
    expect(response.data).toMatchObject({ error: { code: 'Throttled' } });
  });
});
