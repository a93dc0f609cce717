import { statusReportResponse } from '../../api/http/schemas/status';
import { PEOPLE, projectBody, statusBody } from '../support/fixtures';
import type { TestServer } from '../support/test-server';
import { startTestServer } from '../support/test-server';

describe('Status reports API', () => {
  let server: TestServer;
  let projectId: string;
  beforeEach(async () => {
    // Wednesday of ISO week 2026-W48
    server = await startTestServer({ now: '2026-11-25T12:00:00Z' });
    const res = await server.as(PEOPLE.head)('POST', '/api/projects', projectBody());
    projectId = res.body.id;
  });
  afterEach(() => server.close());

  const path = () => `/api/projects/${projectId}/status-reports`;

  it("should file this week's report for the PM and copy its RAG onto the project", async () => {
    const res = await server.as(PEOPLE.pm)('POST', path(), statusBody());
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(`${path()}/2026-W48`);
    expect(statusReportResponse.parse(res.body)).toBeTruthy();
    expect(res.body).toMatchObject({
      week: '2026-W48',
      version: 1,
      suggestedOverall: 'amber',
      overallOverrideReason: null,
      submittedBy: { id: PEOPLE.pm.id, name: PEOPLE.pm.name, email: PEOPLE.pm.email },
      source: 'api',
    });
    const project = (await server.as(PEOPLE.head)('GET', `/api/projects/${projectId}`)).body;
    expect(project).toMatchObject({
      overallRag: 'amber',
      percentComplete: 35,
      forecastFinish: '2027-04-15',
      budget: { actualCost: 300_000 },
      latestStatus: { week: '2026-W48', overall: 'amber', schedule: 'amber' },
      stale: false,
      version: 2,
    });
  });

  it('should update a resubmission in the same week and keep the edit history', async () => {
    await server.as(PEOPLE.pm)('POST', path(), statusBody());
    server.clock.advance(60_000);
    const again = await server.as(PEOPLE.delegate)('POST', path(), statusBody({ percentComplete: 40 }));
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({
      version: 2,
      percentComplete: 40,
      submittedBy: { id: PEOPLE.delegate.id },
    });

    const one = await server.as(PEOPLE.sponsor)('GET', `${path()}/2026-W48`);
    expect(one.status).toBe(200);
    expect(one.body.revisions).toHaveLength(1);
    expect(one.body.revisions[0]).toMatchObject({
      version: 1,
      replacedBy: { id: PEOPLE.delegate.id },
      report: { percentComplete: 35, submittedBy: { id: PEOPLE.pm.id } },
    });
  });

  it('should treat an identical double submit as one', async () => {
    const first = await server.as(PEOPLE.pm)('POST', path(), statusBody());
    const second = await server.as(PEOPLE.pm)('POST', path(), statusBody());
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ id: first.body.id, version: 1, unchanged: true });
  });

  it('should refuse an edit that names a stale version with 409', async () => {
    await server.as(PEOPLE.pm)('POST', path(), statusBody());
    await server.as(PEOPLE.pm)('POST', path(), statusBody({ percentComplete: 37 }));
    const res = await server.as(PEOPLE.pm)('POST', path(), statusBody({ percentComplete: 50, version: 1 }));
    expect(res.status).toBe(409);
    const latest = await server.as(PEOPLE.pm)('GET', `${path()}/2026-W48`);
    expect(latest.body.percentComplete).toBe(37);
  });

  it('should require a reason when overall is better than the worst dimension (the watermelon guard)', async () => {
    const watermelon = statusBody({
      rag: { overall: 'green', schedule: 'red', budget: 'green', scope: 'green', resources: 'green' },
    });
    const refused = await server.as(PEOPLE.pm)('POST', path(), watermelon);
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'overallOverrideReason' })]);
    expect((await server.as(PEOPLE.pm)('GET', path())).body.reports).toHaveLength(0);

    const withReason = await server.as(PEOPLE.pm)('POST', path(), {
      ...watermelon,
      overallOverrideReason: 'Slip is recovered by the phase-2 buffer agreed with the sponsor.',
    });
    expect(withReason.status).toBe(201);
    expect(withReason.body).toMatchObject({ suggestedOverall: 'red', rag: { overall: 'green' } });
  });

  it.each([
    ['a sponsor', PEOPLE.sponsor],
    ['another PM', PEOPLE.otherPm],
    ['an outsider', PEOPLE.outsider],
  ])('should refuse a report from %s with 403 and store nothing', async (_who, person) => {
    const res = await server.as(person)('POST', path(), statusBody());
    expect(res.status).toBe(403);
    expect(await server.store.getStatusReport(projectId, '2026-W48')).toBeUndefined();
  });

  it('should let PMO staff file a report for the PM', async () => {
    const res = await server.as(PEOPLE.officer)('POST', path(), statusBody({ source: 'tab' }));
    expect(res.status).toBe(201);
    expect(res.body.source).toBe('tab');
  });

  it('should refuse a report for a closed project with 422', async () => {
    await server.as(PEOPLE.head)('PATCH', `/api/projects/${projectId}`, { version: 1, state: 'closed' });
    const res = await server.as(PEOPLE.pm)('POST', path(), statusBody());
    expect(res.status).toBe(422);
    expect(res.body.errors[0].field).toBe('projectId');
    expect(await server.store.getStatusReport(projectId, '2026-W48')).toBeUndefined();
  });

  it('should refuse a future week and accept a past one without moving the latest status back', async () => {
    const future = await server.as(PEOPLE.pm)('POST', path(), statusBody({ week: '2026-W49' }));
    expect(future.status).toBe(422);
    expect(future.body.errors[0].field).toBe('week');

    await server.as(PEOPLE.pm)('POST', path(), statusBody());
    const late = await server.as(PEOPLE.pm)(
      'POST',
      path(),
      statusBody({ week: '2026-W47', percentComplete: 20 }),
    );
    expect(late.status).toBe(201);
    const project = (await server.as(PEOPLE.pm)('GET', `/api/projects/${projectId}`)).body;
    expect(project.latestStatus.week).toBe('2026-W48');
    expect(project.percentComplete).toBe(35);

    const list = await server.as(PEOPLE.pm)('GET', path());
    expect(list.body.reports.map((r: { week: string }) => r.week)).toEqual(['2026-W48', '2026-W47']);
  });

  describe('bad input', () => {
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['percent over 100', statusBody({ percentComplete: 140 }), 'percentComplete'],
      ['percent below 0', statusBody({ percentComplete: -3 }), 'percentComplete'],
      ['negative cost', statusBody({ actualCostToDate: -1 }), 'actualCostToDate'],
      ['invalid forecast date', statusBody({ forecastFinish: '2027-13-01' }), 'forecastFinish'],
      [
        'unknown RAG',
        statusBody({
          rag: { overall: 'purple', schedule: 'green', budget: 'green', scope: 'green', resources: 'green' },
        }),
        'rag.overall',
      ],
      [
        'missing dimension',
        statusBody({ rag: { overall: 'green', schedule: 'green', budget: 'green', scope: 'green' } }),
        'rag.resources',
      ],
      ['text over the limit', statusBody({ accomplishments: 'a'.repeat(2001) }), 'accomplishments'],
      ['empty accomplishments', statusBody({ accomplishments: '   ' }), 'accomplishments'],
      ['unknown field', statusBody({ mood: 'happy' }), 'mood'],
      ['malformed week', statusBody({ week: '2026-48' }), 'week'],
      ['a week 53 that does not exist', statusBody({ week: '2025-W53' }), 'week'],
      ['source bot (only the bot may say so)', statusBody({ source: 'bot' }), 'source'],
    ];
    it.each(cases)(
      'should refuse %s with a 400 naming the field and store nothing',
      async (_n, body, field) => {
        const res = await server.as(PEOPLE.pm)('POST', path(), body);
        expect(res.status).toBe(400);
        expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
        expect((await server.store.listStatusReports(projectId)).length).toBe(0);
        expect((await server.store.getProject(projectId))?.version).toBe(1);
      },
    );

    it('should answer 404 for reports of an unknown project', async () => {
      const res = await server.as(PEOPLE.head)('POST', '/api/projects/nope/status-reports', statusBody());
      expect(res.status).toBe(404);
    });

    it('should answer 404 for a week with no report and 400 for a malformed week', async () => {
      expect((await server.as(PEOPLE.pm)('GET', `${path()}/2026-W40`)).status).toBe(404);
      const bad = await server.as(PEOPLE.pm)('GET', `${path()}/last-week`);
      expect(bad.status).toBe(400);
    });
  });
});
