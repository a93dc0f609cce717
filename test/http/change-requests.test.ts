import { PEOPLE, projectBody, ref } from '../support/fixtures';
import type { TestServer } from '../support/test-server';
import { startTestServer } from '../support/test-server';

describe('change requests and approvals over HTTP', () => {
  let server: TestServer;
  let projectId: string;
  beforeEach(async () => {
    server = await startTestServer();
    const res = await server.as(PEOPLE.head)(
      'POST',
      '/api/projects',
      projectBody({ sponsors: [ref(PEOPLE.sponsor), ref(PEOPLE.otherSponsor)] }),
    );
    projectId = res.body.id;
  });
  afterEach(() => server.close());

  const raise = (overrides: Record<string, unknown> = {}) =>
    server.as(PEOPLE.pm)('POST', '/api/change-requests', {
      projectId,
      title: 'Add the EU warehouse',
      costDelta: 50_000,
      scheduleDeltaDays: 14,
      justification: 'EU customers need next-day delivery.',
      ...overrides,
    });

  it('should raise a request with the sponsors as approvers, in order, and say whose decision is awaited', async () => {
    const res = await raise();
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(`/api/change-requests/${res.body.id}`);
    expect(res.body).toMatchObject({
      state: 'submitted',
      policy: 'sequential',
      approvers: [ref(PEOPLE.sponsor), ref(PEOPLE.otherSponsor)],
      requestedBy: ref(PEOPLE.pm),
      currentApprovers: [ref(PEOPLE.sponsor)],
      decisions: [],
    });
    const mine = await server.as(PEOPLE.sponsor)('GET', '/api/change-requests?mine=to-approve');
    expect(mine.body.changeRequests.map((c: { id: string }) => c.id)).toEqual([res.body.id]);
    const notYet = await server.as(PEOPLE.otherSponsor)('GET', '/api/change-requests?mine=to-approve');
    expect(notYet.body.changeRequests).toEqual([]);
  });

  it("should show an approver from outside the project the project's figures they decide against", async () => {
    // The outsider is neither PM, delegate nor sponsor: only their place among the approvers lets them see it.
    const cr = (await raise({ approvers: [ref(PEOPLE.outsider)], costDelta: 25_000, scheduleDeltaDays: 7 }))
      .body;
    const project = (await server.as(PEOPLE.head)('GET', `/api/projects/${projectId}`)).body;
    expect((await server.as(PEOPLE.outsider)('GET', `/api/projects/${projectId}`)).status).toBe(403);
    const mine = await server.as(PEOPLE.outsider)('GET', '/api/change-requests?mine=to-approve');
    expect(mine.body.changeRequests).toHaveLength(1);
    expect(mine.body.changeRequests[0]).toMatchObject({
      id: cr.id,
      project: {
        id: projectId,
        code: project.code,
        title: project.title,
        program: project.program,
        approvedBudget: project.budget.approved,
        forecastFinish: project.forecastFinish,
      },
    });
    // Only what the decision needs: not the project's people, RAID or status.
    expect(Object.keys(mine.body.changeRequests[0].project).sort()).toEqual(
      ['approvedBudget', 'code', 'forecastFinish', 'id', 'program', 'title'].sort(),
    );
  });

  it('should take decisions in turn, then move the approved budget and forecast finish (the baseline stays)', async () => {
    const before = (await server.as(PEOPLE.head)('GET', `/api/projects/${projectId}`)).body;
    const cr = (await raise()).body;
    const first = await server.as(PEOPLE.sponsor)('POST', `/api/change-requests/${cr.id}/decisions`, {
      decision: 'approved',
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ state: 'submitted', currentApprovers: [ref(PEOPLE.otherSponsor)] });
    const second = await server.as(PEOPLE.otherSponsor)('POST', `/api/change-requests/${cr.id}/decisions`, {
      decision: 'approved',
      comment: 'Worth it.',
    });
    expect(second.body).toMatchObject({ state: 'approved', currentApprovers: [] });
    expect(
      second.body.decisions.map((d: { approver: { id: string }; channel: string }) => [
        d.approver.id,
        d.channel,
      ]),
    ).toEqual([
      [PEOPLE.sponsor.id, 'tab'],
      [PEOPLE.otherSponsor.id, 'tab'],
    ]);
    const after = (await server.as(PEOPLE.head)('GET', `/api/projects/${projectId}`)).body;
    // Recorded against the change request: what it moved, from and to.
    expect(second.body.history).toEqual([
      {
        kind: 'applied',
        at: expect.any(String),
        approvedBudget: { from: before.budget.approved, to: before.budget.approved + 50_000 },
        forecastFinish: { from: before.forecastFinish, to: after.forecastFinish },
      },
    ]);
    expect(after.budget.approved).toBe(before.budget.approved + 50_000);
    expect(after.budget.baseline).toBe(before.budget.baseline);
    expect(Date.parse(after.forecastFinish) - Date.parse(before.forecastFinish)).toBe(14 * 86_400_000);
  });

  it('should refuse out-of-turn, second, forged and settled decisions, storing nothing', async () => {
    const cr = (await raise()).body;
    const url = `/api/change-requests/${cr.id}/decisions`;
    const outOfTurn = await server.as(PEOPLE.otherSponsor)('POST', url, { decision: 'approved' });
    expect(outOfTurn.status).toBe(422);
    expect(outOfTurn.body.detail).toMatch(/not your turn/);
    const stranger = await server.as(PEOPLE.outsider)('POST', url, { decision: 'approved' });
    expect(stranger.status).toBe(404); // they may not even see it
    const pm = await server.as(PEOPLE.pm)('POST', url, { decision: 'approved' });
    expect(pm.status).toBe(403);
    const noReason = await server.as(PEOPLE.sponsor)('POST', url, { decision: 'rejected' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors[0].field).toBe('comment');
    const rejected = await server.as(PEOPLE.sponsor)('POST', url, {
      decision: 'rejected',
      comment: 'Budget frozen.',
    });
    expect(rejected.body.state).toBe('rejected');
    const late = await server.as(PEOPLE.otherSponsor)('POST', url, { decision: 'approved' });
    expect(late.status).toBe(422);
    const stored = await server.as(PEOPLE.head)('GET', `/api/change-requests/${cr.id}`);
    expect(stored.body.decisions).toHaveLength(1);
  });

  it('should settle an `any` request once when two approvers decide at the same instant', async () => {
    const cr = (await raise({ policy: 'any' })).body;
    const url = `/api/change-requests/${cr.id}/decisions`;
    const [a, b] = await Promise.all([
      server.as(PEOPLE.sponsor)('POST', url, { decision: 'approved' }),
      server.as(PEOPLE.otherSponsor)('POST', url, { decision: 'rejected', comment: 'No.' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 422]);
    const stored = await server.as(PEOPLE.head)('GET', `/api/change-requests/${cr.id}`);
    expect(stored.body.decisions).toHaveLength(1);
    expect(stored.body.state).toBe(stored.body.decisions[0].decision);
  });

  it('should let the requester withdraw, and PMO staff reassign an approver who has not decided', async () => {
    const cr = (await raise()).body;
    const reassigned = await server.as(PEOPLE.head)('POST', `/api/change-requests/${cr.id}/reassign`, {
      from: PEOPLE.sponsor.id,
      to: ref(PEOPLE.specialist),
    });
    expect(reassigned.body.currentApprovers).toEqual([ref(PEOPLE.specialist)]);
    expect(reassigned.body.history).toEqual([
      {
        kind: 'reassigned',
        from: ref(PEOPLE.sponsor),
        to: ref(PEOPLE.specialist),
        by: ref(PEOPLE.head),
        at: expect.any(String),
      },
    ]);
    expect(
      (
        await server.as(PEOPLE.pm)('POST', `/api/change-requests/${cr.id}/reassign`, {
          from: PEOPLE.otherSponsor.id,
          to: ref(PEOPLE.head),
        })
      ).status,
    ).toBe(403);
    expect((await server.as(PEOPLE.sponsor)('POST', `/api/change-requests/${cr.id}/withdraw`)).status).toBe(
      403,
    );
    const withdrawn = await server.as(PEOPLE.pm)('POST', `/api/change-requests/${cr.id}/withdraw`);
    expect(withdrawn.body).toMatchObject({ state: 'withdrawn', currentApprovers: [] });
    expect((await server.as(PEOPLE.pm)('POST', `/api/change-requests/${cr.id}/withdraw`)).status).toBe(422);
  });

  it.each([
    [{ title: '' }, 'title'],
    [{ costDelta: 'lots' }, 'costDelta'],
    [{ scheduleDeltaDays: 1.5 }, 'scheduleDeltaDays'],
    [{ policy: 'majority' }, 'policy'],
    [{ justification: undefined }, 'justification'],
  ])('should refuse %j with a problem naming %s', async (overrides, field) => {
    const res = await raise(overrides);
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });
});
