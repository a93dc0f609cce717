/**
 * Change requests decided in chat, over the Bot Framework protocol: the approval card reaches whoever
 * is awaited, each viewer's refresh returns their own view, decisions come from the activity's identity,
 * and every copy the bot sent is updated in place.
 */
import type { Project } from '../../api/domain/project';
import type { BotHarness } from '../support/bot-harness';
import { startBot } from '../support/bot-harness';
import { PEOPLE, projectBody, ref } from '../support/fixtures';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the UMD bundle is what loads in Node
const AC = require('adaptivecards/dist/adaptivecards.js') as {
  AdaptiveCard: new () => { parse(json: unknown, ctx: unknown): void };
  SerializationContext: new () => { eventCount: number; getEventAt(i: number): { message: string } };
};

type Card = Record<string, unknown>;

function expectValidCard(card: unknown): Card {
  const ctx = new AC.SerializationContext();
  new AC.AdaptiveCard().parse(card, ctx);
  expect(Array.from({ length: ctx.eventCount }, (_, i) => ctx.getEventAt(i).message)).toEqual([]);
  expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(28 * 1024);
  return card as Card;
}

function verbs(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => verbs(n, found));
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (o.type === 'Action.Execute') found.push(String(o.verb));
    // The card's own refresh action is not a button.
    for (const [k, v] of Object.entries(o)) if (k !== 'refresh') verbs(v, found);
  }
  return found;
}

const cardIn = (activity: Record<string, unknown>): Card =>
  expectValidCard((activity.attachments as Array<{ content: unknown }>)[0].content);

describe('change request approvals in chat', () => {
  let bot: BotHarness;
  let project: Project;

  beforeEach(async () => {
    bot = await startBot();
    project = await bot.store.createProject({
      ...(projectBody() as unknown as Parameters<BotHarness['store']['createProject']>[0]),
      id: '0a1b2c3d-0000-4000-8000-00000000c001',
      code: 'CRM-007',
      createdAt: '2026-01-05T09:00:00.000Z',
      state: 'active',
      forecastFinish: '2027-03-31',
      percentComplete: 30,
      delegates: [],
      sponsors: [ref(PEOPLE.sponsor), ref(PEOPLE.otherSponsor)],
      budget: {
        baseline: 1_000_000,
        approved: 1_100_000,
        actualCost: 250_000,
        forecastAtCompletion: 1_150_000,
      },
      cadence: { weekday: 5, localTime: '10:00', timeZone: 'Europe/London' },
    });
    for (const p of [PEOPLE.pm, PEOPLE.sponsor, PEOPLE.otherSponsor]) {
      await bot.post(bot.activity(p, { type: 'installationUpdate', action: 'add' }));
    }
  });
  afterEach(() => bot.close());

  const invoke = (
    person: typeof PEOPLE.pm,
    verb: string,
    data: Record<string, unknown>,
    trigger = 'manual',
  ) =>
    bot.post(
      bot.activity(person, {
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', id: verb, verb, data }, trigger },
      }),
    );

  const raise = async (policy = 'sequential') => {
    const res = await fetch(`${bot.url}/api/change-requests`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Dev-User': PEOPLE.pm.email },
      body: JSON.stringify({
        projectId: project.id,
        title: 'Add the EU warehouse',
        costDelta: 50_000,
        scheduleDeltaDays: 14,
        justification: 'EU customers need next-day delivery.',
        policy,
      }),
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };

  const lastCardTo = (person: typeof PEOPLE.pm) =>
    bot.connector.activities(bot.conversationOf(person)).at(-1)!;

  it('should send the card to the awaited approver only, with a refresh for every viewer', async () => {
    const id = await raise('sequential');
    const toFirst = lastCardTo(PEOPLE.sponsor);
    const card = cardIn(toFirst.activity);
    expect(verbs(card).sort()).toEqual(['approvalApprove', 'approvalReject']);
    const refresh = card.refresh as {
      action: { verb: string; data: Record<string, unknown> };
      userIds: string[];
    };
    expect(refresh.action).toMatchObject({ verb: 'approvalRefresh', data: { changeRequestId: id } });
    expect(refresh.userIds.sort()).toEqual([PEOPLE.pm.id, PEOPLE.sponsor.id, PEOPLE.otherSponsor.id].sort());
    // Not the second approver's turn: nothing sent to them yet (only the welcome).
    expect(bot.connector.activities(bot.conversationOf(PEOPLE.otherSponsor))).toHaveLength(1);
  });

  it('should answer each viewer’s refresh with their own view', async () => {
    const id = await raise('sequential');
    const forApprover = await invoke(PEOPLE.sponsor, 'approvalRefresh', { changeRequestId: id }, 'automatic');
    expect(verbs(expectValidCard(forApprover.body.value)).sort()).toEqual([
      'approvalApprove',
      'approvalReject',
    ]);
    const forNext = await invoke(
      PEOPLE.otherSponsor,
      'approvalRefresh',
      { changeRequestId: id },
      'automatic',
    );
    expect(verbs(expectValidCard(forNext.body.value))).toEqual([]);
    expect(JSON.stringify(forNext.body.value)).toMatch(/Not your turn yet/);
    const forRequester = await invoke(PEOPLE.pm, 'approvalRefresh', { changeRequestId: id }, 'automatic');
    expect(verbs(expectValidCard(forRequester.body.value))).toEqual([]);
  });

  it('should take the decision from the activity’s identity, update every copy, and tell the requester', async () => {
    const id = await raise('sequential');
    const firstCopy = lastCardTo(PEOPLE.sponsor);
    const approved = await invoke(PEOPLE.sponsor, 'approvalApprove', {
      changeRequestId: id,
      comment: 'Fine',
    });
    expect(JSON.stringify(approved.body.value)).toMatch(/You approved this change/);
    expect(verbs(expectValidCard(approved.body.value))).toEqual([]);
    // The first approver's copy is updated in place; the second approver now gets theirs.
    const updated = bot.connector
      .activities(bot.conversationOf(PEOPLE.sponsor))
      .find((a) => a.id === firstCopy.id)!;
    expect(updated.updatedCount).toBe(1);
    const secondCopy = lastCardTo(PEOPLE.otherSponsor);
    expect(verbs(cardIn(secondCopy.activity)).sort()).toEqual(['approvalApprove', 'approvalReject']);

    const rejected = await invoke(PEOPLE.otherSponsor, 'approvalReject', {
      changeRequestId: id,
      comment: 'Budget frozen',
    });
    expect(JSON.stringify(rejected.body.value)).toMatch(/You rejected this change/);
    const cr = await bot.store.getChangeRequest(id);
    expect(cr?.state).toBe('rejected');
    expect((await bot.store.listDecisions(id)).map((d) => [d.approver.id, d.decision, d.channel])).toEqual([
      [PEOPLE.sponsor.id, 'approved', 'bot'],
      [PEOPLE.otherSponsor.id, 'rejected', 'bot'],
    ]);
    // Both approvers' copies now show the outcome; the requester heard it.
    expect(
      bot.connector.activities(bot.conversationOf(PEOPLE.otherSponsor)).find((a) => a.id === secondCopy.id)!
        .updatedCount,
    ).toBe(1);
    expect(JSON.stringify(cardIn(lastCardTo(PEOPLE.pm).activity))).toMatch(/Rejected/);
  });

  it('should refuse a forged invoke, a second decision and a rejection without a reason, storing nothing', async () => {
    const id = await raise('sequential');
    const forged = await invoke(PEOPLE.outsider, 'approvalApprove', { changeRequestId: id });
    expect(JSON.stringify(forged.body.value)).toMatch(/not one you can see|not an approver/i);
    const outOfTurn = await invoke(PEOPLE.otherSponsor, 'approvalApprove', { changeRequestId: id });
    expect(JSON.stringify(outOfTurn.body.value)).toMatch(/not your turn/);
    const noReason = await invoke(PEOPLE.sponsor, 'approvalReject', { changeRequestId: id, comment: ' ' });
    expect(JSON.stringify(noReason.body.value)).toMatch(/Say why you reject/);
    expect(await bot.store.listDecisions(id)).toEqual([]);
    await invoke(PEOPLE.sponsor, 'approvalApprove', { changeRequestId: id });
    const again = await invoke(PEOPLE.sponsor, 'approvalApprove', { changeRequestId: id });
    expect(JSON.stringify(again.body.value)).toMatch(/already decided/);
    expect(await bot.store.listDecisions(id)).toHaveLength(1);
  });

  it('should list my pending approvals, and raise a change request from the bot with inputs kept on errors', async () => {
    const id = await raise('all');
    await bot.post(bot.activity(PEOPLE.sponsor, { type: 'message', text: 'pending' }));
    expect(JSON.stringify(cardIn(lastCardTo(PEOPLE.sponsor).activity))).toContain('Add the EU warehouse');

    await bot.post(bot.activity(PEOPLE.pm, { type: 'message', text: 'change request' }));
    expect(verbs(cardIn(lastCardTo(PEOPLE.pm).activity))).toEqual(['changeRequestSubmit']);
    const bad = await invoke(PEOPLE.pm, 'changeRequestSubmit', {
      projectId: project.id,
      title: 'Extra QA cycle',
      costDelta: 'a lot',
      scheduleDeltaDays: '7',
      justification: '',
    });
    const again = JSON.stringify(bad.body.value);
    expect(again).toContain('Extra QA cycle');
    expect(again).toMatch(/Cost change must be a number/);
    expect(again).toMatch(/Say why the change is needed/);
    // The re-rendered card keeps its submission id: submitting it twice (a double click) raises one request.
    const submitAction = (
      bad.body.value.actions as Array<{ verb: string; data: { submissionId: string } }>
    ).find((a) => a.verb === 'changeRequestSubmit')!;
    expect(submitAction.data.submissionId).toMatch(/^[0-9a-f-]{36}$/);
    const fixed = {
      submissionId: submitAction.data.submissionId,
      projectId: project.id,
      title: 'Extra QA cycle',
      costDelta: '20000',
      scheduleDeltaDays: '7',
      justification: 'Defects found late',
      policy: 'any',
    };
    const good = await invoke(PEOPLE.pm, 'changeRequestSubmit', fixed);
    expect(JSON.stringify(good.body.value)).toMatch(/Sent to .* for approval/);
    await invoke(PEOPLE.pm, 'changeRequestSubmit', fixed);
    const all = await bot.store.listChangeRequests({ projectId: project.id });
    expect(all.map((c) => c.title).sort()).toEqual(['Add the EU warehouse', 'Extra QA cycle']);
    expect(all.find((c) => c.id !== id)?.policy).toBe('any');
  });
});
