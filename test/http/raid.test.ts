import { PEOPLE, projectBody, ref } from '../support/fixtures';
import type { TestServer } from '../support/test-server';
import { startTestServer } from '../support/test-server';

describe('RAID API (risks, issues, decision log)', () => {
  let server: TestServer;
  let base: string;
  beforeEach(async () => {
    server = await startTestServer();
    const res = await server.as(PEOPLE.head)('POST', '/api/projects', projectBody());
    base = `/api/projects/${res.body.id}`;
  });
  afterEach(() => server.close());

  it('should let the PM add a risk, score it and update it with its version', async () => {
    const created = await server.as(PEOPLE.pm)('POST', `${base}/risks`, {
      title: 'Vendor insolvency',
      probability: 4,
      impact: 5,
      owner: ref(PEOPLE.pm),
      dueDate: '2026-12-15',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      kind: 'risk',
      score: 20,
      status: 'open',
      version: 1,
      createdBy: ref(PEOPLE.pm),
    });
    const url = `${base}/risks/${created.body.id}`;
    const updated = await server.as(PEOPLE.pm)('PATCH', url, {
      version: 1,
      status: 'mitigating',
      mitigation: 'Escrow',
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ status: 'mitigating', mitigation: 'Escrow', version: 2 });
    const stale = await server.as(PEOPLE.pm)('PATCH', url, { version: 1, status: 'closed' });
    expect(stale.status).toBe(409);
    expect((await server.as(PEOPLE.sponsor)('GET', url)).body.status).toBe('mitigating');
  });

  it('should keep issues and decision-log entries apart from risks', async () => {
    await server.as(PEOPLE.pm)('POST', `${base}/issues`, { title: 'Test env down', severity: 'high' });
    await server.as(PEOPLE.delegate)('POST', `${base}/decision-log`, {
      title: 'Adopt phased cut-over',
      status: 'decided',
      decidedBy: ref(PEOPLE.sponsor),
      decidedOn: '2026-11-20',
      rationale: 'Lower risk',
    });
    expect((await server.as(PEOPLE.sponsor)('GET', `${base}/risks`)).body.items).toHaveLength(0);
    expect((await server.as(PEOPLE.sponsor)('GET', `${base}/issues`)).body.items).toMatchObject([
      { kind: 'issue', severity: 'high', status: 'open' },
    ]);
    expect((await server.as(PEOPLE.sponsor)('GET', `${base}/decision-log`)).body.items).toMatchObject([
      { kind: 'decision', status: 'decided', decidedBy: ref(PEOPLE.sponsor) },
    ]);
  });

  it.each([
    ['a sponsor', PEOPLE.sponsor],
    ['another PM', PEOPLE.otherPm],
  ])('should refuse edits by %s with 403', async (_who, person) => {
    const res = await server.as(person)('POST', `${base}/issues`, { title: 'X', severity: 'low' });
    expect(res.status).toBe(403);
    expect((await server.as(PEOPLE.head)('GET', `${base}/issues`)).body.items).toHaveLength(0);
  });

  it.each([
    ['probability 6', { title: 'R', probability: 6, impact: 1 }, 'probability'],
    ['impact 2.5', { title: 'R', probability: 1, impact: 2.5 }, 'impact'],
    ['bad due date', { title: 'R', probability: 1, impact: 1, dueDate: '2026-02-29' }, 'dueDate'],
    ['unknown status', { title: 'R', probability: 1, impact: 1, status: 'ignored' }, 'status'],
    ['no title', { probability: 1, impact: 1 }, 'title'],
  ])('should refuse a risk with %s (400 naming the field)', async (_n, body, field) => {
    const res = await server.as(PEOPLE.pm)('POST', `${base}/risks`, body);
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe(field);
  });

  it('should answer 404 for an item of another kind or an unknown id', async () => {
    const issue = await server.as(PEOPLE.pm)('POST', `${base}/issues`, { title: 'I', severity: 'low' });
    expect((await server.as(PEOPLE.pm)('GET', `${base}/risks/${issue.body.id}`)).status).toBe(404);
    expect(
      (await server.as(PEOPLE.pm)('PATCH', `${base}/issues/nope`, { version: 1, title: 'x' })).status,
    ).toBe(404);
  });
});
