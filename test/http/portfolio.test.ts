import { portfolioResponse } from '../../api/http/schemas/portfolio';
import { PEOPLE, projectBody, ref, statusBody } from '../support/fixtures';
import type { TestServer } from '../support/test-server';
import { startTestServer } from '../support/test-server';

describe('Portfolio API', () => {
  let server: TestServer;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    server = await startTestServer({ now: '2026-11-25T12:00:00Z' });
    const head = server.as(PEOPLE.head);
    const make = async (code: string, extra: Record<string, unknown>) => {
      const res = await head('POST', '/api/projects', projectBody({ code, ...extra }));
      expect(res.status).toBe(201);
      ids[code] = res.body.id;
    };
    await make('FIN-001', {
      title: "O'Brien ledger",
      budget: { baseline: 100, approved: 100, forecastAtCompletion: 150 },
    });
    await make('FIN-002', {
      title: 'Zürich 100% rollout',
      budget: { baseline: 200, approved: 200, forecastAtCompletion: 180 },
    });
    await make('HR-001', {
      title: 'Payroll_v2',
      program: 'People',
      department: 'HR',
      projectManager: ref(PEOPLE.otherPm),
      sponsors: [ref(PEOPLE.otherSponsor), ref(PEOPLE.sponsor)],
      delegates: [],
      phase: 'planning',
      baselineFinish: '2027-01-31',
      forecastFinish: '2027-02-10',
      budget: { baseline: 300, approved: 300, forecastAtCompletion: 300 },
    });
    await make('OPS-001', {
      title: 'Warehouse move',
      program: 'Operations',
      department: 'Operations',
      state: 'onHold',
    });
    // FIN-001 red this week; FIN-002 green two weeks ago (stale); HR-001 amber last week (fresh)
    await server.as(PEOPLE.pm)(
      'POST',
      `/api/projects/${ids['FIN-001']}/status-reports`,
      statusBody({
        rag: { overall: 'red', schedule: 'red', budget: 'amber', scope: 'green', resources: 'green' },
        forecastFinish: '2027-03-31',
      }),
    );
    await server.as(PEOPLE.pm)(
      'POST',
      `/api/projects/${ids['FIN-002']}/status-reports`,
      statusBody({
        week: '2026-W46',
        rag: { overall: 'green', schedule: 'green', budget: 'green', scope: 'green', resources: 'green' },
        forecastFinish: '2027-03-31',
      }),
    );
    await server.as(PEOPLE.otherPm)(
      'POST',
      `/api/projects/${ids['HR-001']}/status-reports`,
      statusBody({
        week: '2026-W47',
        forecastFinish: '2027-02-10',
      }),
    );
  });
  afterAll(() => server.close());

  const get = (query = '', person = PEOPLE.head) => server.as(person)('GET', `/api/portfolio${query}`);
  const codes = (body: { projects: Array<{ code: string }> }) => body.projects.map((p) => p.code);

  it('should return every project with a summary that matches the OpenAPI schema', async () => {
    const res = await get();
    expect(res.status).toBe(200);
    portfolioResponse.parse(res.body);
    expect(res.body).toMatchObject({
      total: 4,
      page: 1,
      pageSize: 50,
      currentWeek: '2026-W48',
      currency: 'USD',
    });
    expect(codes(res.body)).toEqual(['FIN-001', 'FIN-002', 'HR-001', 'OPS-001']);
    const s = res.body.summary;
    expect(s.byOverallRag).toEqual({ green: 1, amber: 1, red: 1, notReported: 1 });
    expect(s.budget).toMatchObject({
      baseline: 1_000_600,
      approved: 1_100_600,
      forecastAtCompletion: 1_150_630,
    });
    expect(s.budget.variance).toBe(50_030);
    expect(s.stale).toBe(1); // FIN-002; OPS-001 is on hold, so never stale
    expect(s.schedule.slipping).toBe(1); // HR-001: 10 days late
    expect(s.byProgram.map((g: { program: string; projects: number }) => [g.program, g.projects])).toEqual([
      ['Finance Transformation', 2],
      ['Operations', 1],
      ['People', 1],
    ]);
    const sasha = s.bySponsor.find((g: { sponsor: { id: string } }) => g.sponsor.id === PEOPLE.sponsor.id);
    expect(sasha).toMatchObject({ sponsor: ref(PEOPLE.sponsor), projects: 4 });
  });

  it.each([
    ['?program=People', ['HR-001']],
    ['?department=Finance&department=HR', ['FIN-001', 'FIN-002', 'HR-001']],
    ['?rag=red', ['FIN-001']],
    ['?rag=notReported', ['OPS-001']],
    ['?phase=planning', ['HR-001']],
    ['?state=onHold', ['OPS-001']],
    [`?pm=${PEOPLE.otherPm.id}`, ['HR-001']],
    [`?sponsor=${PEOPLE.otherSponsor.id}`, ['HR-001']],
    ['?q=payroll', ['HR-001']],
    ['?q=ZÜRICH', ['FIN-002']],
    ['?q=100%25', ['FIN-002']],
    ['?q=_', ['HR-001']],
    ["?q=o'brien", ['FIN-001']],
    ["?q=' or 1=1 --", []],
    ['?stale=true', ['FIN-002']],
    ['?stale=false', ['FIN-001', 'HR-001', 'OPS-001']],
    ['?sort=overallRag&order=desc', ['FIN-001', 'HR-001', 'FIN-002', 'OPS-001']],
    ['?sort=scheduleVariance&order=desc', ['HR-001', 'FIN-001', 'FIN-002', 'OPS-001']],
    ['?sort=title', ['FIN-001', 'HR-001', 'OPS-001', 'FIN-002']],
  ])('should filter and sort %s', async (query, expected) => {
    const res = await get(query);
    expect(res.status).toBe(200);
    expect(codes(res.body)).toEqual(expected);
    expect(res.body.total).toBe(expected.length);
    expect(res.body.summary.projects).toBe(expected.length);
  });

  it('should page with the total over all matches', async () => {
    const p1 = await get('?pageSize=3&page=1');
    const p2 = await get('?pageSize=3&page=2');
    expect(p1.body.total).toBe(4);
    expect(codes(p1.body)).toEqual(['FIN-001', 'FIN-002', 'HR-001']);
    expect(codes(p2.body)).toEqual(['OPS-001']);
    expect(p2.body.summary.projects).toBe(4);
  });

  it('should show a PM and a sponsor only their own projects, and an outsider none', async () => {
    expect(codes((await get('', PEOPLE.otherPm)).body)).toEqual(['HR-001']);
    expect(codes((await get('', PEOPLE.otherSponsor)).body)).toEqual(['HR-001']);
    expect(codes((await get('', PEOPLE.delegate)).body)).toEqual(['FIN-001', 'FIN-002', 'OPS-001']);
    const none = await get('', PEOPLE.outsider);
    expect(none.status).toBe(200);
    expect(none.body.total).toBe(0);
    // a PM cannot widen their view with filters
    expect((await get(`?pm=${PEOPLE.pm.id}`, PEOPLE.otherPm)).body.total).toBe(0);
  });

  it.each([
    ['?rag=purple', 'rag'],
    ['?pageSize=5001', 'pageSize'],
    ['?page=0', 'page'],
    ['?sort=cost', 'sort'],
    ['?pm=not-a-guid', 'pm'],
    ['?stale=maybe', 'stale'],
    [`?q=${'x'.repeat(101)}`, 'q'],
    ['?colour=red', 'colour'],
  ])('should refuse %s with a 400 naming the parameter', async (query, field) => {
    const res = await get(query);
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toMatch(new RegExp(`^${field}`));
  });
});
