import { projectResponse } from '../../api/http/schemas/projects';
import { PEOPLE, projectBody, ref } from '../support/fixtures';
import type { TestServer } from '../support/test-server';
import { startTestServer } from '../support/test-server';

describe('Projects API', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(() => server.close());

  const head = () => server.as(PEOPLE.head);

  async function createProject(overrides: Record<string, unknown> = {}) {
    const res = await head()('POST', '/api/projects', projectBody(overrides));
    expect(res.status).toBe(201);
    return res.body;
  }

  it('should create a project as PMO staff and read it back with derived figures', async () => {
    const created = await createProject();
    expect(projectResponse.parse(created)).toBeTruthy();
    expect(created).toMatchObject({
      code: 'ERP-001',
      version: 1,
      overallRag: 'notReported',
      budgetVariance: 50_000,
      stale: true,
      projectManager: ref(PEOPLE.pm),
      sponsors: [ref(PEOPLE.sponsor)],
    });
    // forecast finish defaults to the baseline finish
    expect(created.scheduleVarianceDays).toBe(0);

    const res = await head()('GET', `/api/projects/${created.id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe('"1"');
    expect(res.body).toEqual(created);
  });

  it.each([
    ['the PM', PEOPLE.pm, 200],
    ['a delegate', PEOPLE.delegate, 200],
    ['a sponsor', PEOPLE.sponsor, 200],
    ['a project officer', PEOPLE.officer, 200],
    ['another PM', PEOPLE.otherPm, 403],
    ['an outsider', PEOPLE.outsider, 403],
  ])('should let %s read the project: %i', async (_who, person, status) => {
    const created = await createProject();
    const res = await server.as(person)('GET', `/api/projects/${created.id}`);
    expect(res.status).toBe(status);
    if (status === 403) expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
  });

  it.each([
    ['the PM', PEOPLE.pm],
    ['a sponsor', PEOPLE.sponsor],
    ['an outsider', PEOPLE.outsider],
  ])('should refuse project creation by %s with 403', async (_who, person) => {
    const res = await server.as(person)('POST', '/api/projects', projectBody());
    expect(res.status).toBe(403);
    expect(await server.store.isEmpty()).toBe(true);
  });

  it('should update with the version read and refuse a stale version with 409', async () => {
    const created = await createProject();
    const ok = await head()('PATCH', `/api/projects/${created.id}`, {
      version: 1,
      phase: 'closure',
      budget: { approved: 1_200_000 },
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      version: 2,
      phase: 'closure',
      budget: { approved: 1_200_000, baseline: 1_000_000 },
    });

    const stale = await head()('PATCH', `/api/projects/${created.id}`, { version: 1, title: 'Lost update' });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ status: 409, currentVersion: 2 });
    const after = await head()('GET', `/api/projects/${created.id}`);
    expect(after.body.title).toBe('ERP replacement');
  });

  it('should refuse a duplicate project code with 409', async () => {
    await createProject();
    const res = await head()('POST', '/api/projects', projectBody({ code: 'erp-001' }));
    expect(res.status).toBe(409);
  });

  it('should list projects with the portfolio filters', async () => {
    await createProject();
    await createProject({
      code: 'HR-002',
      program: 'People',
      department: 'HR',
      projectManager: ref(PEOPLE.otherPm),
    });
    const res = await head()('GET', '/api/projects?department=HR');
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(1);
    expect(res.body.projects[0].code).toBe('HR-002');
    const mine = await server.as(PEOPLE.otherPm)('GET', '/api/projects');
    expect(mine.body.projects.map((p: { code: string }) => p.code)).toEqual(['HR-002']);
  });

  describe('bad input', () => {
    const cases: Array<[string, unknown, string, number?]> = [
      ['unknown field', projectBody({ colour: 'blue' }), 'colour'],
      ['missing title', { ...projectBody(), title: undefined }, 'title'],
      ['title too long', projectBody({ title: 'x'.repeat(201) }), 'title'],
      ['invalid date', projectBody({ startDate: '2026-02-30' }), 'startDate'],
      ['date in the wrong format', projectBody({ baselineFinish: '31/12/2026' }), 'baselineFinish'],
      ['finish before start', projectBody({ baselineFinish: '2025-12-31' }), 'baselineFinish'],
      ['percent over 100', projectBody({ percentComplete: 101 }), 'percentComplete'],
      ['percent below 0', projectBody({ percentComplete: -1 }), 'percentComplete'],
      ['negative budget', projectBody({ budget: { baseline: -5 } }), 'budget.baseline'],
      ['budget as text', projectBody({ budget: { baseline: '1000' } }), 'budget.baseline'],
      [
        'PM without a GUID',
        projectBody({ projectManager: { id: 'pat', name: 'Pat', email: 'pat@x.test' } }),
        'projectManager.id',
      ],
      ['no sponsor', projectBody({ sponsors: [] }), 'sponsors'],
      ['bad time zone', projectBody({ cadence: { timeZone: 'Mars/Olympus' } }), 'cadence.timeZone'],
      ['unknown phase', projectBody({ phase: 'dreaming' }), 'phase'],
    ];
    it.each(cases)('should refuse %s with a 400 naming the field', async (_name, body, field) => {
      const res = await head()('POST', '/api/projects', body);
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(await server.store.isEmpty()).toBe(true);
    });

    it('should refuse malformed JSON with 400', async () => {
      const res = await head()('POST', '/api/projects', '{"code": "A",');
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ status: 400, title: 'The body is not valid JSON' });
      expect(await server.store.isEmpty()).toBe(true);
    });

    it('should refuse a body that is not JSON with 415', async () => {
      const res = await head()('POST', '/api/projects', 'code=A', {
        'Content-Type': 'application/x-www-form-urlencoded',
      });
      expect(res.status).toBe(415);
    });

    it('should answer 404 for an unknown project id, on read and on update', async () => {
      const missing = '11111111-1111-4111-8111-111111111111';
      expect((await head()('GET', `/api/projects/${missing}`)).status).toBe(404);
      const res = await head()('PATCH', `/api/projects/${missing}`, { version: 1, title: 'X' });
      expect(res.status).toBe(404);
      expect(res.body.detail).toContain(missing);
    });

    it('should refuse a PATCH without a version, and one that changes nothing it knows', async () => {
      const created = await createProject();
      const noVersion = await head()('PATCH', `/api/projects/${created.id}`, { title: 'New' });
      expect(noVersion.status).toBe(400);
      expect(noVersion.body.errors[0].field).toBe('version');
      const unknown = await head()('PATCH', `/api/projects/${created.id}`, { version: 1, code: 'NEW-1' });
      expect(unknown.status).toBe(400);
      expect(unknown.body.errors[0].field).toBe('code');
      expect((await head()('GET', `/api/projects/${created.id}`)).body.version).toBe(1);
    });
  });
});
