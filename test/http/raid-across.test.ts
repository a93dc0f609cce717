import { raidAcrossResponse } from '../../api/http/schemas/raid';
import { PEOPLE, projectBody, ref } from '../support/fixtures';
import type { TestServer } from '../support/test-server';
import { startTestServer } from '../support/test-server';

/** GET /api/raid: one kind of RAID item across every project the caller may see, most severe first. */
describe('RAID across projects API', () => {
  let server: TestServer;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    server = await startTestServer();
    const head = server.as(PEOPLE.head);
    ids.fin = (
      await head('POST', '/api/projects', projectBody({ code: 'FIN-001', title: 'Ledger' }))
    ).body.id;
    ids.hr = (
      await head(
        'POST',
        '/api/projects',
        projectBody({
          code: 'HR-001',
          title: 'Payroll',
          projectManager: ref(PEOPLE.otherPm),
          sponsors: [ref(PEOPLE.otherSponsor)],
          delegates: [],
        }),
      )
    ).body.id;
    const add = async (
      who: typeof PEOPLE.pm,
      project: string,
      path: string,
      body: Record<string, unknown>,
    ) => {
      const res = await server.as(who)('POST', `/api/projects/${ids[project]}/${path}`, body);
      expect(res.status).toBe(201);
    };
    await add(PEOPLE.pm, 'fin', 'risks', { title: 'Vendor folds', probability: 4, impact: 5 });
    await add(PEOPLE.pm, 'fin', 'risks', { title: 'Key person leaves', probability: 2, impact: 3 });
    await add(PEOPLE.pm, 'fin', 'risks', { title: 'Old risk', probability: 5, impact: 5, status: 'closed' });
    await add(PEOPLE.otherPm, 'hr', 'risks', {
      title: 'Tax rules change',
      probability: 3,
      impact: 5,
      status: 'mitigating',
    });
    await add(PEOPLE.pm, 'fin', 'issues', { title: 'Test rig down', severity: 'medium' });
    await add(PEOPLE.otherPm, 'hr', 'issues', { title: 'Payslips wrong', severity: 'critical' });
    await add(PEOPLE.pm, 'fin', 'issues', { title: 'Fixed', severity: 'high', status: 'resolved' });
    await add(PEOPLE.pm, 'fin', 'decision-log', {
      title: 'Phased cut-over',
      status: 'decided',
      decidedOn: '2026-10-01',
    });
    await add(PEOPLE.otherPm, 'hr', 'decision-log', {
      title: 'New vendor',
      status: 'decided',
      decidedOn: '2026-11-02',
    });
    await add(PEOPLE.pm, 'fin', 'decision-log', { title: 'Hosting', status: 'proposed' });
  });
  afterAll(() => server.close());

  const list = async (query: string, person = PEOPLE.head) => {
    const res = await server.as(person)('GET', `/api/raid${query}`);
    expect(res.status).toBe(200);
    return raidAcrossResponse.parse(res.body).items;
  };
  const titles = (items: Array<{ title: string }>) => items.map((i) => i.title);

  it('should list risks across projects, highest score first, each with its score and project', async () => {
    const items = await list('?kind=risk');
    expect(titles(items)).toEqual(['Old risk', 'Vendor folds', 'Tax rules change', 'Key person leaves']);
    expect(items[1]).toMatchObject({
      kind: 'risk',
      score: 20,
      projectId: ids.fin,
      project: { id: ids.fin, code: 'FIN-001', title: 'Ledger' },
    });
    expect(items[2].project).toEqual({ id: ids.hr, code: 'HR-001', title: 'Payroll' });
  });

  it('should narrow to open or settled items, and to high ones', async () => {
    expect(titles(await list('?kind=risk&open=true'))).toEqual([
      'Vendor folds',
      'Tax rules change',
      'Key person leaves',
    ]);
    expect(titles(await list('?kind=risk&open=false'))).toEqual(['Old risk']);
    expect(titles(await list('?kind=risk&high=true'))).toEqual(['Vendor folds', 'Tax rules change']);
    expect(titles(await list('?kind=issue&high=true'))).toEqual(['Payslips wrong']);
    expect(titles(await list('?kind=risk&open=false&high=true'))).toEqual([]);
  });

  it('should list issues by severity and decisions newest first', async () => {
    expect(titles(await list('?kind=issue'))).toEqual(['Payslips wrong', 'Fixed', 'Test rig down']);
    const decisions = await list('?kind=decision');
    expect(titles(decisions)).toEqual(['Hosting', 'New vendor', 'Phased cut-over']); // Hosting: raised today
    expect(decisions.every((d) => d.score === undefined)).toBe(true);
    expect(titles(await list('?kind=decision&open=true'))).toEqual(['Hosting']);
  });

  it('should show PMs and sponsors only their own projects’ items, and an outsider none', async () => {
    expect(titles(await list('?kind=risk', PEOPLE.otherPm))).toEqual(['Tax rules change']);
    expect(titles(await list('?kind=issue', PEOPLE.otherSponsor))).toEqual(['Payslips wrong']);
    expect(titles(await list('?kind=risk', PEOPLE.delegate))).toEqual([
      'Old risk',
      'Vendor folds',
      'Key person leaves',
    ]);
    expect(await list('?kind=risk', PEOPLE.outsider)).toEqual([]);
  });

  it.each([
    ['', 'kind'],
    ['?kind=risks', 'kind'],
    ['?kind=risk&open=yes', 'open'],
    ['?kind=issue&high=1', 'high'],
    ['?kind=decision&high=true', 'high'],
    ['?kind=risk&project=x', 'project'],
  ])("should refuse '%s' with a 400 naming the parameter", async (query, field) => {
    const res = await server.as(PEOPLE.head)('GET', `/api/raid${query}`);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
  });
});
