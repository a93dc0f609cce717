/**
 * STORE=sharepoint against the fake Graph serves the same API results as the SQLite store: the same demo
 * PMO seeded into both, the same requests over HTTP, the same JSON back.
 */
import type { Person } from '../../api/domain/people';
import { DEMO_PMO_ROLES, generateDemoData } from '../../api/seed/demo-data';
import { seedStore } from '../../api/seed/seed-store';
import type { SharePointHarness } from '../support/sharepoint-harness';
import { startSharePoint } from '../support/sharepoint-harness';
import type { TestServer } from '../support/test-server';
import { startTestServer } from '../support/test-server';

const NOW = '2026-11-25T12:00:00Z';
const env = {
  PMO_HEAD_IDS: DEMO_PMO_ROLES.pmoHead.join(','),
  PMO_SPECIALIST_IDS: DEMO_PMO_ROLES.projectSpecialist.join(','),
  PMO_OFFICER_IDS: DEMO_PMO_ROLES.projectOfficer.join(','),
  PORTFOLIO_CURRENCY: 'GBP',
};

describe('the API on SharePoint (fake Graph) answers as it does on SQLite', () => {
  const data = generateDemoData({
    projects: 24,
    weeks: 6,
    seed: 5,
    now: new Date(NOW),
    pmoTimeZone: 'Europe/London',
  });
  let sqlite: TestServer;
  let sharepoint: TestServer;
  let harness: SharePointHarness;

  beforeAll(async () => {
    harness = await startSharePoint({ fake: { maxPageSize: 20 } });
    const spStore = await harness.open({ pageSize: 20 });
    sqlite = await startTestServer({ env, now: NOW });
    sharepoint = await startTestServer({ env, now: NOW, store: spStore });
    await seedStore(sqlite.store, data);
    await seedStore(spStore, data);
  }, 60_000);
  afterAll(async () => {
    await sqlite?.close();
    await sharepoint?.close();
    await harness?.close();
  });

  const head = (): Person => data.people.find((p) => p.id === DEMO_PMO_ROLES.pmoHead[0])!;
  const aPm = (): Person => data.people.find((p) => p.id === data.projects[3].projectManager.id)!;

  /** The same request to both servers: same status, same body (request ids aside). */
  async function expectSame(path: string, as: () => Person = head): Promise<unknown> {
    const [a, b] = await Promise.all([sqlite.as(as())('GET', path), sharepoint.as(as())('GET', path)]);
    expect({ path, status: b.status }).toEqual({ path, status: a.status });
    const strip = (body: unknown) =>
      JSON.parse(JSON.stringify(body, (k, v) => (k === 'requestId' ? undefined : v)));
    expect(strip(b.body)).toEqual(strip(a.body));
    return a.body;
  }

  it.each([
    '/api/portfolio',
    '/api/portfolio?sort=overallRag&order=desc&pageSize=10&page=2',
    '/api/portfolio?rag=red,amber&sort=budgetVariance&order=desc',
    '/api/portfolio?stale=true',
    '/api/portfolio?q=migration',
    '/api/portfolio?sort=lastStatus',
    '/api/portfolio?sort=phase&order=desc&state=active,onHold',
    '/api/projects?pageSize=5&sort=scheduleVariance',
    '/api/people',
    '/api/me',
    '/api/portfolio/trend?weeks=8',
    '/api/portfolio/highlights',
    '/api/portfolio/highlights?stale=true',
    '/api/portfolio/highlights?rag=red&rag=amber&q=migration',
    '/api/raid?kind=risk',
    '/api/raid?kind=issue&open=true',
    '/api/raid?kind=risk&high=true',
    '/api/raid?kind=decision&open=false',
    '/api/status-requests',
  ])('GET %s', async (path) => {
    const body = await expectSame(path);
    expect(body).toBeDefined();
  });

  it('should show a PM the same projects, reports, revisions and RAID on both', async () => {
    await expectSame('/api/portfolio', aPm);
    await expectSame('/api/portfolio/trend?weeks=6', aPm);
    await expectSame('/api/portfolio/highlights', aPm);
    await expectSame('/api/raid?kind=risk', aPm);
    for (const project of data.projects.slice(0, 6)) {
      await expectSame(`/api/projects/${project.id}`);
      await expectSame(`/api/projects/${project.id}/status-reports`);
      await expectSame(`/api/projects/${project.id}/status-reports?limit=2`);
      await expectSame(`/api/projects/${project.id}/risks`);
      await expectSame(`/api/projects/${project.id}/issues`);
      await expectSame(`/api/projects/${project.id}/decisions`);
    }
    const resubmitted = data.statusReports.find((r, i) =>
      data.statusReports.slice(0, i).some((e) => e.projectId === r.projectId && e.week === r.week),
    );
    expect(resubmitted).toBeDefined();
    const detail = (await expectSame(
      `/api/projects/${resubmitted!.projectId}/status-reports/${resubmitted!.week}`,
    )) as { revisions: unknown[] };
    expect(detail.revisions.length).toBeGreaterThan(0);
  });

  it('should file a status report the same way on both', async () => {
    const project = data.projects.find((p) => p.state === 'active')!;
    const pm = data.people.find((p) => p.id === project.projectManager.id)!;
    const body = {
      rag: { overall: 'amber', schedule: 'amber', budget: 'green', scope: 'green', resources: 'green' },
      percentComplete: 64,
      accomplishments: 'Cut-over rehearsal done',
      nextSteps: 'Go-live checklist',
      risksAndIssues: '',
      decisionsNeeded: '',
      actualCostToDate: 123_456.78,
      forecastFinish: project.baselineFinish,
    };
    const [a, b] = await Promise.all([
      sqlite.as(pm)('POST', `/api/projects/${project.id}/status-reports`, body),
      sharepoint.as(pm)('POST', `/api/projects/${project.id}/status-reports`, body),
    ]);
    expect(b.status).toBe(a.status);
    const without = (r: { report: { id: string } }) => ({ ...r, report: { ...r.report, id: '(generated)' } });
    expect(without(b.body)).toEqual(without(a.body));
    await expectSame(`/api/projects/${project.id}`);
    await expectSame('/api/portfolio?sort=lastStatus&order=desc');
  });
});
