/**
 * The bot over its real protocol: Teams-shaped activity JSON POSTed to /api/messages, replies and
 * proactive cards landing on a fake Bot Connector that enforces Teams' limits.
 */
import type { IsoWeek } from '../../api/domain/iso-week';
import type { Project } from '../../api/domain/project';
import type { BotHarness } from '../support/bot-harness';
import { startBot } from '../support/bot-harness';
import { PEOPLE, projectBody, ref, statusBody } from '../support/fixtures';
import { startTestIssuer } from '../support/test-jwks';

// The Agents SDK's UMD bundle parses cards in Node (its ESM build does not load there).
// eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
const AC = require('adaptivecards/dist/adaptivecards.js') as {
  AdaptiveCard: new () => { parse(json: unknown, ctx: unknown): void };
  SerializationContext: new () => { eventCount: number; getEventAt(i: number): { message: string } };
};

type Card = { type: string; version: string; body: unknown[] } & Record<string, unknown>;

/** Parses a card as Teams' renderer does; fails the test on any problem; checks the size. */
function expectValidCard(card: unknown): Card {
  const ctx = new AC.SerializationContext();
  new AC.AdaptiveCard().parse(card, ctx);
  const problems = Array.from({ length: ctx.eventCount }, (_, i) => ctx.getEventAt(i).message);
  expect(problems).toEqual([]);
  expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(28 * 1024);
  return card as Card;
}

const cardOf = (activity: Record<string, unknown>): Card => {
  const attachments = activity.attachments as Array<{ contentType: string; content: unknown }>;
  expect(attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
  return expectValidCard(attachments[0].content);
};

/** Every Action.Execute in a card, wherever it sits. */
function executeActions(node: unknown, found: Array<{ verb: string; data: Record<string, unknown> }> = []) {
  if (Array.isArray(node)) node.forEach((n) => executeActions(n, found));
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (o.type === 'Action.Execute')
      found.push({ verb: String(o.verb), data: (o.data ?? {}) as Record<string, unknown> });
    Object.values(o).forEach((v) => executeActions(v, found));
  }
  return found;
}

const answers = {
  overall: 'amber',
  schedule: 'amber',
  budget: 'green',
  scope: 'green',
  resources: 'green',
  overallOverrideReason: '',
  percentComplete: '55',
  accomplishments: 'Cut-over rehearsal done',
  nextSteps: 'Go-live checklist',
  risksAndIssues: 'Vendor slow on fixes',
  decisionsNeeded: '',
  actualCostToDate: '260000',
  forecastFinish: '2027-04-30',
};

describe('the bot over the Bot Framework protocol', () => {
  let bot: BotHarness;
  let project: Project;

  beforeEach(async () => {
    bot = await startBot();
    const created = await bot.store.createProject({
      ...(projectBody() as unknown as Parameters<BotHarness['store']['createProject']>[0]),
      id: '0a1b2c3d-0000-4000-8000-00000000a001',
      code: 'ERP-001',
      createdAt: '2026-01-05T09:00:00.000Z',
      state: 'active',
      forecastFinish: '2027-03-31',
      percentComplete: 30,
      delegates: [ref(PEOPLE.delegate)],
      budget: {
        baseline: 1_000_000,
        approved: 1_100_000,
        actualCost: 250_000,
        forecastAtCompletion: 1_150_000,
      },
      cadence: { weekday: 5, localTime: '10:00', timeZone: 'Europe/London' },
    });
    project = created;
  });
  afterEach(() => bot.close());

  const invoke = (person: typeof PEOPLE.pm, verb: string, data: Record<string, unknown>) =>
    bot.post(
      bot.activity(person, {
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', id: 'submit', verb, data }, trigger: 'manual' },
      }),
    );

  it('should remember a PM on install and welcome them with the commands it knows', async () => {
    const res = await bot.post(bot.activity(PEOPLE.pm, { type: 'installationUpdate', action: 'add' }));
    expect(res.status).toBeLessThan(300);
    const stored = await bot.store.getConversation(PEOPLE.pm.id);
    expect(stored).toMatchObject({
      kind: 'personal',
      conversationId: bot.conversationOf(PEOPLE.pm),
      serviceUrl: bot.connector.url,
    });
    const [welcome] = bot.connector.activities(bot.conversationOf(PEOPLE.pm));
    const text = JSON.stringify(cardOf(welcome.activity));
    for (const command of ['help', 'status', 'my projects', 'away until', 'back'])
      expect(text).toContain(command);

    // Teams follows the install with a conversationUpdate: one welcome, not two.
    await bot.post(
      bot.activity(PEOPLE.pm, { type: 'conversationUpdate', membersAdded: [{ id: `29:${PEOPLE.pm.id}` }] }),
    );
    expect(bot.connector.activities(bot.conversationOf(PEOPLE.pm))).toHaveLength(1);

    await bot.post(bot.activity(PEOPLE.pm, { type: 'installationUpdate', action: 'remove' }));
    expect(await bot.store.getConversation(PEOPLE.pm.id)).toBeUndefined();
  });

  it('should remember a team install by its channel, and forget it when the app is removed from the team', async () => {
    const channelId = '19:abc123@thread.tacv2';
    const inTeam = (action: string) =>
      bot.activity(PEOPLE.head, {
        type: 'installationUpdate',
        action,
        conversation: {
          id: channelId,
          conversationType: 'channel',
          tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
          isGroup: true,
        },
        channelData: {
          tenant: { id: '72f988bf-86f1-41af-91ab-2d7cd011db47' },
          team: { id: channelId },
          channel: { id: channelId },
        },
      });
    await bot.post(inTeam('add'));
    expect(await bot.store.getConversation(channelId)).toMatchObject({
      kind: 'channel',
      conversationId: channelId,
    });
    expect(await bot.store.getConversation(PEOPLE.head.id)).toBeUndefined();
    await bot.post(inTeam('remove'));
    expect(await bot.store.getConversation(channelId)).toBeUndefined();
  });

  it('should answer `status` with the form for the PM’s one project, prefilled and ready to submit', async () => {
    await bot.post(bot.activity(PEOPLE.pm, { type: 'message', text: '  STATUS ' }));
    const [reply] = bot.connector.activities(bot.conversationOf(PEOPLE.pm));
    const card = cardOf(reply.activity);
    const [submit] = executeActions(card).filter((a) => a.verb === 'statusSubmit');
    expect(submit.data).toMatchObject({ projectId: project.id, week: '2026-W48' });
  });

  it('should file a submitted card through the status service and turn it into a read-only summary', async () => {
    const res = await invoke(PEOPLE.pm, 'statusSubmit', {
      projectId: project.id,
      week: '2026-W48',
      ...answers,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    const summary = expectValidCard(res.body.value);
    expect(JSON.stringify(summary)).toContain('Pat Manager');
    expect(executeActions(summary).map((a) => a.verb)).toEqual(['statusEdit']);
    const report = await bot.store.getStatusReport(project.id, '2026-W48' as IsoWeek);
    expect(report).toMatchObject({ source: 'bot', percentComplete: 55, submittedBy: { id: PEOPLE.pm.id } });

    // A double submit (a retried card) files nothing twice.
    await invoke(PEOPLE.pm, 'statusSubmit', { projectId: project.id, week: '2026-W48', ...answers });
    expect((await bot.store.getStatusReport(project.id, '2026-W48' as IsoWeek))?.version).toBe(1);
  });

  it('should reopen a filed report for editing this week, and file the change as a new version', async () => {
    await invoke(PEOPLE.pm, 'statusSubmit', { projectId: project.id, week: '2026-W48', ...answers });
    const edit = await invoke(PEOPLE.pm, 'statusEdit', { projectId: project.id, week: '2026-W48' });
    const form = expectValidCard(edit.body.value);
    expect(JSON.stringify(form)).toContain('Cut-over rehearsal done');
    const submit = executeActions(form).find((a) => a.verb === 'statusSubmit')!;
    expect(submit.data).toMatchObject({ projectId: project.id, week: '2026-W48', expectedVersion: 1 });
    await invoke(PEOPLE.pm, 'statusSubmit', { ...submit.data, ...answers, percentComplete: '60' });
    const report = await bot.store.getStatusReport(project.id, '2026-W48' as IsoWeek);
    expect(report).toMatchObject({ version: 2, percentComplete: 60 });
    // A card still naming version 1 is refused, answers kept, nothing changed.
    const stale = await invoke(PEOPLE.pm, 'statusSubmit', {
      ...submit.data,
      ...answers,
      percentComplete: '70',
    });
    expect(JSON.stringify(stale.body.value)).toMatch(/changed since version 1/);
    expect((await bot.store.getStatusReport(project.id, '2026-W48' as IsoWeek))?.percentComplete).toBe(60);
  });

  it('should answer `my projects`, `away until`, `back` and anything else', async () => {
    const say = async (text: string) => {
      await bot.post(bot.activity(PEOPLE.pm, { type: 'message', text }));
      return bot.connector.activities(bot.conversationOf(PEOPLE.pm)).at(-1)!.activity;
    };
    const mine = JSON.stringify(cardOf(await say('My Projects')));
    expect(mine).toContain('ERP-001');
    expect(await say('away until 2026-12-04')).toMatchObject({ text: expect.stringContaining('2026-12-04') });
    expect((await bot.store.getPerson(PEOPLE.pm.id))?.awayUntil).toBe('2026-12-04');
    expect((await say('away until 2020-01-01')).text).toMatch(/today \(2026-11-25\) or later/);
    expect((await say('away until someday')).text).toMatch(/could not read "someday"/);
    expect((await say('back')).text).toMatch(/Welcome back/);
    expect((await bot.store.getPerson(PEOPLE.pm.id))?.awayUntil).toBeUndefined();
    expect(JSON.stringify(cardOf(await say('what can you do?')))).toContain('my projects');
  });

  it('should re-render the card with the message beside each bad field and every other answer kept', async () => {
    const bad = { ...answers, overall: 'green', budget: 'red', nextSteps: '', percentComplete: 'lots' };
    const res = await invoke(PEOPLE.pm, 'statusSubmit', { projectId: project.id, week: '2026-W48', ...bad });
    expect(res.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    const text = JSON.stringify(expectValidCard(res.body.value));
    expect(text).toContain('Cut-over rehearsal done');
    expect(text).toContain('Vendor slow on fixes');
    expect(text).toMatch(/Say what comes next/);
    expect(text).toMatch(/Percent complete must be a number/);
    expect(await bot.store.getStatusReport(project.id, '2026-W48' as IsoWeek)).toBeUndefined();

    // Numbers fixed, but overall green over a red budget needs a reason: the watermelon guard.
    const watermelon = { ...bad, nextSteps: 'Go-live', percentComplete: '55' };
    const again = await invoke(PEOPLE.pm, 'statusSubmit', {
      projectId: project.id,
      week: '2026-W48',
      ...watermelon,
    });
    expect(JSON.stringify(again.body.value)).toMatch(/say why the project is healthier overall/);
    expect(await bot.store.getStatusReport(project.id, '2026-W48' as IsoWeek)).toBeUndefined();
  });

  it('should refuse someone who is not the PM, a delegate or PMO staff, whatever the card says, and store nothing', async () => {
    const res = await invoke(PEOPLE.outsider, 'statusSubmit', {
      projectId: project.id,
      week: '2026-W48',
      ...answers,
    });
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body.value)).toMatch(/Not yours to report/);
    expect(await bot.store.getStatusReport(project.id, '2026-W48' as IsoWeek)).toBeUndefined();
    // A delegate may.
    const byDelegate = await invoke(PEOPLE.delegate, 'statusSubmit', {
      projectId: project.id,
      week: '2026-W48',
      ...answers,
    });
    expect(JSON.stringify(byDelegate.body.value)).not.toMatch(/Not yours/);
    expect((await bot.store.getStatusReport(project.id, '2026-W48' as IsoWeek))?.submittedBy.id).toBe(
      PEOPLE.delegate.id,
    );
  });

  it('should send the weekly request proactively when PMO staff run the cycle, and record the card', async () => {
    await bot.post(bot.activity(PEOPLE.pm, { type: 'installationUpdate', action: 'add' }));
    bot.connector.resetLog();
    const res = await fetch(`${bot.url}/api/status-requests/run`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Dev-User': PEOPLE.head.email },
      body: JSON.stringify({ force: true }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ sent: 1 });
    const sent = bot.connector.activities(bot.conversationOf(PEOPLE.pm)).at(-1)!;
    const card = cardOf(sent.activity);
    expect(executeActions(card).find((a) => a.verb === 'statusSubmit')?.data).toMatchObject({
      projectId: project.id,
    });
    const request = await bot.store.findStatusRequest(project.id, '2026-W48' as IsoWeek);
    expect(request).toMatchObject({
      state: 'pending',
      cardActivityId: sent.id,
      conversationId: bot.conversationOf(PEOPLE.pm),
    });
    const delivery = await bot.store.getDelivery(`statusRequest:${request!.id}`);
    expect(delivery).toMatchObject({ state: 'sent', activityId: sent.id });

    const refused = await fetch(`${bot.url}/api/status-requests/run`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Dev-User': PEOPLE.pm.email },
      body: '{}',
    });
    expect(refused.status).toBe(403);
  });

  it('should send the reminder card when PMO staff ask for it now, through the proactive sender, each time they ask', async () => {
    await bot.post(bot.activity(PEOPLE.pm, { type: 'installationUpdate', action: 'add' }));
    const asHead = (path: string, body: unknown) =>
      fetch(`${bot.url}${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Dev-User': PEOPLE.head.email },
        body: JSON.stringify(body),
      });
    await asHead('/api/status-requests/run', { force: true });
    const request = (await bot.store.findStatusRequest(project.id, '2026-W48' as IsoWeek))!;
    const cardsToPm = () =>
      bot.connector.activities(bot.conversationOf(PEOPLE.pm)).filter((a) => a.activity.attachments);
    expect(cardsToPm()).toHaveLength(2); // the welcome and the request

    const res = await asHead('/api/status-requests/reminders', { requestIds: [request.id] });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ results: [{ id: request.id, outcome: 'sent' }] });
    const reminder = cardsToPm().at(-1)!;
    expect(cardsToPm()).toHaveLength(3);
    const card = cardOf(reminder.activity);
    expect(JSON.stringify(card)).toContain('Reminder: the 2026-W48 status for ERP-001 is not in yet.');
    expect(executeActions(card).find((a) => a.verb === 'statusSubmit')?.data).toMatchObject({
      projectId: project.id,
    });
    const reminded = (await bot.store.getStatusRequest(request.id))!;
    expect(reminded).toMatchObject({
      state: 'pending',
      remindedAt: expect.any(String),
      cardActivityId: request.cardActivityId,
    });
    expect(await bot.store.getDelivery(`reminder:${request.id}`)).toMatchObject({
      state: 'sent',
      purpose: 'reminder',
      activityId: reminder.id,
    });

    // Asked again (the PM still has not answered): a second reminder goes, keyed after the first.
    bot.clock.advance(3600_000);
    const again = await asHead('/api/status-requests/reminders', { requestIds: [request.id] });
    expect(await again.json()).toEqual({ results: [{ id: request.id, outcome: 'sent' }] });
    expect(cardsToPm()).toHaveLength(4);
    expect(await bot.store.getDelivery(`reminder:${request.id}:${reminded.remindedAt}`)).toMatchObject({
      state: 'sent',
    });
  });

  it('should turn the request card in the PM’s chat into the summary when the report comes from the tab', async () => {
    await bot.post(bot.activity(PEOPLE.pm, { type: 'installationUpdate', action: 'add' }));
    await fetch(`${bot.url}/api/status-requests/run`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Dev-User': PEOPLE.head.email },
      body: JSON.stringify({ force: true }),
    });
    const card = bot.connector.activities(bot.conversationOf(PEOPLE.pm)).at(-1)!;
    const res = await fetch(`${bot.url}/api/projects/${project.id}/status-reports`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Dev-User': PEOPLE.pm.email },
      body: JSON.stringify(statusBody()),
    });
    expect(res.status).toBe(201);
    const updated = bot.connector.activities(bot.conversationOf(PEOPLE.pm)).find((a) => a.id === card.id)!;
    expect(updated.updatedCount).toBe(1);
    const summary = cardOf(updated.activity);
    expect(JSON.stringify(summary)).toMatch(/Submitted by/);
    expect(executeActions(summary).map((a) => a.verb)).toEqual(['statusEdit']);
    expect((await bot.store.findStatusRequest(project.id, '2026-W48' as IsoWeek))?.state).toBe('submitted');
  });

  it('should retry a throttled proactive send after its Retry-After, and send it once', async () => {
    await bot.post(bot.activity(PEOPLE.pm, { type: 'installationUpdate', action: 'add' }));
    // The SDK sends a proactive message as a reply to the continuation's own id, as botbuilder did.
    bot.connector.injectFault({
      status: 429,
      retryAfter: '2',
      count: 2,
      match: (r) => r.operation === 'replyToActivity',
    });
    const res = await fetch(`${bot.url}/api/status-requests/run`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Dev-User': PEOPLE.head.email },
      body: JSON.stringify({ force: true }),
    });
    expect(await res.json()).toMatchObject({ sent: 1 });
    const cards = bot.connector
      .activities(bot.conversationOf(PEOPLE.pm))
      .filter((a) => a.activity.attachments);
    expect(cards).toHaveLength(2); // the welcome and the request: once
    expect(bot.connector.requests.filter((r) => r.status === 429)).toHaveLength(2);
  });

  it('should record a PM who never installed the bot as undeliverable and tell the PMO', async () => {
    await bot.post(bot.activity(PEOPLE.head, { type: 'installationUpdate', action: 'add' }));
    await fetch(`${bot.url}/api/status-requests/run`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Dev-User': PEOPLE.head.email },
      body: JSON.stringify({ force: true }),
    });
    expect(await bot.store.findStatusRequest(project.id, '2026-W48' as IsoWeek)).toMatchObject({
      state: 'undeliverable',
    });
    const toHead = bot.connector.activities(bot.conversationOf(PEOPLE.head));
    expect(JSON.stringify(cardOf(toHead.at(-1)!.activity))).toContain('ERP-001');
  });

  it('should tell sponsors and the PMO when a project turns red, quoting the PM', async () => {
    await bot.post(bot.activity(PEOPLE.sponsor, { type: 'installationUpdate', action: 'add' }));
    const red = {
      ...answers,
      overall: 'red',
      schedule: 'red',
      risksAndIssues: 'Data migration failed twice',
    };
    await invoke(PEOPLE.pm, 'statusSubmit', { projectId: project.id, week: '2026-W48', ...red });
    const alert = bot.connector.activities(bot.conversationOf(PEOPLE.sponsor)).at(-1)!;
    expect(JSON.stringify(cardOf(alert.activity))).toContain('Data migration failed twice');
  });

  it('should answer anything but POST on /api/messages with 405 and Allow: POST', async () => {
    const head = await fetch(`${bot.url}/api/messages`, { method: 'HEAD' });
    expect(head.status).toBe(405);
    expect(head.headers.get('allow')).toBe('POST');
  });

  it('should accept unauthenticated activities only when the bot has no credentials', async () => {
    const secured = await startBot({
      env: {
        BOT_ID: '5f0c1d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f',
        BOT_PASSWORD: 'not-used-in-this-test',
        BOT_TENANT_ID: '72f988bf-86f1-41af-91ab-2d7cd011db47',
      },
    });
    try {
      const message = secured.activity(PEOPLE.pm, { type: 'message', text: 'help' });
      expect((await secured.post(message)).status).toBe(401);
      expect((await secured.post(message, { Authorization: 'Basic abc' })).status).toBe(401);
      expect((await secured.post(message, { Authorization: 'Bearer not-a-jwt' })).status).toBe(401);
      expect(secured.connector.requests).toEqual([]);
    } finally {
      await secured.close();
    }
  });

  it('should let a validly signed Bot Connector token past the check, and refuse a wrong key or audience', async () => {
    // The SDK looks up the signing keys of a non-Bot-Framework issuer under its configured authority:
    // pointed at a local issuer, a real signature check runs offline.
    const issuer = await startTestIssuer();
    const botId = '5f0c1d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f';
    const tenant = '72f988bf-86f1-41af-91ab-2d7cd011db47';
    const secured = await startBot({
      env: { BOT_ID: botId, BOT_PASSWORD: 'unused', BOT_TENANT_ID: tenant },
      botAuth: {
        clientId: botId,
        clientSecret: 'unused',
        tenantId: tenant,
        authority: issuer.jwksUrl.replace('/discovery/v2.0/keys', ''),
      },
    });
    try {
      await secured.store.saveConversation({
        key: PEOPLE.pm.id,
        kind: 'personal',
        conversationId: secured.conversationOf(PEOPLE.pm),
        serviceUrl: secured.connector.url,
        tenantId: tenant,
        reference: '{}',
        updatedAt: '2026-11-25T12:00:00.000Z',
      });
      // An uninstall sends nothing back, so the turn needs no outgoing token.
      const uninstall = secured.activity(PEOPLE.pm, { type: 'installationUpdate', action: 'remove' });
      const claims = {
        aud: botId,
        iss: `https://login.microsoftonline.com/${tenant}/v2.0`,
        tid: tenant,
        serviceurl: secured.connector.url,
      };
      const rogue = await issuer.sign(claims, { withKey: 'rogue' });
      expect((await secured.post(uninstall, { Authorization: `Bearer ${rogue}` })).status).toBe(401);
      expect(await secured.store.getConversation(PEOPLE.pm.id)).toBeDefined();
      const otherAudience = await issuer.sign({ ...claims, aud: 'someone-else' });
      expect((await secured.post(uninstall, { Authorization: `Bearer ${otherAudience}` })).status).toBe(401);
      const valid = await issuer.sign(claims);
      // Past the token check the SDK fetches its own token from Entra ID for the turn, which fails
      // offline (500): what matters here is that the signature check let the request in.
      expect((await secured.post(uninstall, { Authorization: `Bearer ${valid}` })).status).not.toBe(401);
    } finally {
      await secured.close();
      await issuer.close();
    }
  });
});
