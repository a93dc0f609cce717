import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  RuleViolation,
  ValidationError,
} from '../../../api/domain/errors';
import type { IsoWeek } from '../../../api/domain/iso-week';
import type { Project } from '../../../api/domain/project';
import type { ServiceHarness } from './service-fixtures';
import { actors, NOW, serviceHarness, statusAnswers } from './service-fixtures';

const W11 = '2026-W11' as IsoWeek; // the week of NOW
const HOUR = 3_600_000;

describe('StatusService.submit', () => {
  let h: ServiceHarness;
  let project: Project;

  beforeEach(async () => {
    h = serviceHarness();
    project = await h.createProject();
  });
  afterEach(() => h.store.close());

  it('should file the first report of the week and update the project in the same call', async () => {
    const answers = statusAnswers({
      rag: { overall: 'amber', schedule: 'amber', budget: 'green', scope: 'green', resources: 'green' },
      percentComplete: 45,
      actualCostToDate: 210_000.25,
      forecastFinish: '2026-10-31',
    });
    const result = await h.status.submit(actors.pm, project.id, { answers, source: 'bot' });

    expect(result).toMatchObject({ created: true, unchanged: false });
    expect(result.report).toMatchObject({
      projectId: project.id,
      week: W11,
      version: 1,
      suggestedOverall: 'amber',
      source: 'bot',
      submittedAt: NOW.toISOString(),
      submittedBy: { id: actors.pm.id, name: actors.pm.name, email: actors.pm.email },
      percentComplete: 45,
    });
    const stored = await h.store.getProject(project.id);
    expect(stored).toEqual(result.project);
    expect(stored).toMatchObject({
      latestStatus: {
        week: W11,
        reportedAt: NOW.toISOString(),
        overall: 'amber',
        schedule: 'amber',
        budget: 'green',
        scope: 'green',
        resources: 'green',
      },
      percentComplete: 45,
      forecastFinish: '2026-10-31',
      budget: { ...project.budget, actualCost: 210_000.25 },
      version: project.version + 1,
    });
  });

  it('should update a resubmission in the same week and keep the old answers as a revision', async () => {
    const first = await h.status.submit(actors.pm, project.id, {
      answers: statusAnswers({ percentComplete: 40 }),
      source: 'bot',
    });
    h.clock.advance(2 * HOUR);
    const second = await h.status.submit(actors.delegate, project.id, {
      answers: statusAnswers({ percentComplete: 42, nextSteps: 'Changed my mind.' }),
      source: 'tab',
    });

    expect(second).toMatchObject({ created: false, unchanged: false });
    expect(second.report.id).toBe(first.report.id);
    expect(second.report.version).toBe(2);
    expect(second.report.submittedBy.id).toBe(actors.delegate.id);
    expect(second.project.percentComplete).toBe(42);

    const { report, revisions } = await h.status.get(actors.sponsor, project.id, W11);
    expect(report).toEqual(second.report);
    expect(revisions).toHaveLength(1);
    expect(revisions[0]).toMatchObject({
      reportId: first.report.id,
      version: 1,
      replacedAt: new Date(NOW.getTime() + 2 * HOUR).toISOString(),
      replacedBy: { id: actors.delegate.id },
    });
    expect(revisions[0].snapshot).toEqual(first.report);
    expect(await h.store.listStatusReportRevisions(first.report.id)).toEqual(revisions);
  });

  it('should treat an identical double submit as unchanged and write nothing', async () => {
    const input = { answers: statusAnswers(), source: 'bot' as const };
    const first = await h.status.submit(actors.pm, project.id, input);
    const save = jest.spyOn(h.store, 'saveStatusReport');
    h.clock.advance(60_000);

    const again = await h.status.submit(actors.pm, project.id, input);

    expect(again).toMatchObject({ created: false, unchanged: true });
    expect(again.report).toEqual(first.report);
    expect(save).not.toHaveBeenCalled();
    expect(await h.store.listStatusReportRevisions(first.report.id)).toEqual([]);
    expect((await h.store.getProject(project.id))?.version).toBe(first.project.version);
  });

  it('should treat a resubmission that differs only in an unneeded reason as unchanged', async () => {
    const first = await h.status.submit(actors.pm, project.id, { answers: statusAnswers(), source: 'bot' });
    const again = await h.status.submit(actors.pm, project.id, {
      answers: statusAnswers({ overallOverrideReason: 'not needed, dropped' }),
      source: 'bot',
    });
    expect(again.unchanged).toBe(true);
    expect(again.report.version).toBe(first.report.version);
  });

  it('should file for a past week but refuse a future one', async () => {
    const past = await h.status.submit(actors.pm, project.id, {
      answers: statusAnswers(),
      source: 'tab',
      week: '2026-W09' as IsoWeek,
    });
    expect(past.report.week).toBe('2026-W09');

    const future = h.status.submit(actors.pm, project.id, {
      answers: statusAnswers(),
      source: 'tab',
      week: '2026-W12' as IsoWeek,
    });
    await expect(future).rejects.toBeInstanceOf(RuleViolation);
    expect(await h.store.getStatusReport(project.id, '2026-W12' as IsoWeek)).toBeUndefined();
  });

  it("should judge 'this week' in the project's own time zone", async () => {
    // Sunday 23:30 UTC: still 2026-W10 in London, already Monday of 2026-W11 in Tokyo.
    h.clock.set('2026-03-08T23:30:00.000Z');
    const tokyo = await h.createProject({ code: 'TYO-001', cadence: { timeZone: 'Asia/Tokyo' } });
    const london = await h.createProject({ code: 'LON-001', cadence: { timeZone: 'Europe/London' } });

    const t = await h.status.submit(actors.pm, tokyo.id, { answers: statusAnswers(), source: 'bot' });
    const l = await h.status.submit(actors.pm, london.id, { answers: statusAnswers(), source: 'bot' });
    expect(t.report.week).toBe('2026-W11');
    expect(l.report.week).toBe('2026-W10');
    await expect(
      h.status.submit(actors.pm, london.id, { answers: statusAnswers(), source: 'bot', week: W11 }),
    ).rejects.toBeInstanceOf(RuleViolation);
  });

  it('should refuse a closed project with a RuleViolation', async () => {
    const closed = await h.createProject({ code: 'OLD-001', state: 'closed' });
    await expect(
      h.status.submit(actors.pm, closed.id, { answers: statusAnswers(), source: 'bot' }),
    ).rejects.toBeInstanceOf(RuleViolation);
    expect(await h.store.listStatusReports(closed.id)).toEqual([]);
  });

  it('should accept a project on hold', async () => {
    const paused = await h.createProject({ code: 'HLD-001', state: 'onHold' });
    await expect(
      h.status.submit(actors.pm, paused.id, { answers: statusAnswers(), source: 'bot' }),
    ).resolves.toMatchObject({
      created: true,
    });
  });

  it('should refuse a watermelon without a reason (ValidationError on overallOverrideReason)', async () => {
    const rag = {
      overall: 'green',
      schedule: 'red',
      budget: 'green',
      scope: 'green',
      resources: 'green',
    } as const;
    const attempt = h.status.submit(actors.pm, project.id, {
      answers: statusAnswers({ rag, overallOverrideReason: ' ' }),
      source: 'bot',
    });
    await expect(attempt).rejects.toBeInstanceOf(ValidationError);
    await attempt.catch((e: ValidationError) => {
      expect(e.errors.map((x) => x.field)).toEqual(['overallOverrideReason']);
    });
    expect(await h.store.listStatusReports(project.id)).toEqual([]);
  });

  it('should keep the reason and the suggested overall of an accepted override', async () => {
    const rag = {
      overall: 'green',
      schedule: 'red',
      budget: 'green',
      scope: 'green',
      resources: 'green',
    } as const;
    const result = await h.status.submit(actors.pm, project.id, {
      answers: statusAnswers({ rag, overallOverrideReason: '  Recovery plan approved.  ' }),
      source: 'bot',
    });
    expect(result.report.overallOverrideReason).toBe('Recovery plan approved.');
    expect(result.report.suggestedOverall).toBe('red');
    expect(result.project.latestStatus?.overall).toBe('green');
  });

  it('should drop a reason that is not needed', async () => {
    const result = await h.status.submit(actors.pm, project.id, {
      answers: statusAnswers({ overallOverrideReason: 'why not' }),
      source: 'bot',
    });
    expect(result.report.overallOverrideReason).toBeNull();
  });

  it('should give an outsider ForbiddenError and store nothing', async () => {
    await expect(
      h.status.submit(actors.outsider, project.id, { answers: statusAnswers(), source: 'bot' }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect(await h.store.listStatusReports(project.id)).toEqual([]);
    expect(await h.store.getProject(project.id)).toEqual(project);
  });

  it('should check permission before telling an outsider that a project is closed', async () => {
    const closed = await h.createProject({ code: 'OLD-002', state: 'closed' });
    await expect(
      h.status.submit(actors.outsider, closed.id, { answers: statusAnswers(), source: 'bot' }),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('should report an unknown project as NotFoundError', async () => {
    await expect(
      h.status.submit(actors.pmoHead, 'no-such-project', { answers: statusAnswers(), source: 'api' }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it('should not let a resubmission for an older week overwrite a newer latest status', async () => {
    await h.status.submit(actors.pm, project.id, {
      answers: statusAnswers({
        percentComplete: 60,
        forecastFinish: '2026-11-30',
        actualCostToDate: 300_000,
      }),
      source: 'bot',
    });
    const before = (await h.store.getProject(project.id))!;

    h.clock.advance(HOUR);
    const older = await h.status.submit(actors.pm, project.id, {
      answers: statusAnswers({
        rag: { overall: 'red', schedule: 'red', budget: 'red', scope: 'red', resources: 'red' },
        percentComplete: 10,
        forecastFinish: '2027-01-31',
        actualCostToDate: 1,
      }),
      source: 'tab',
      week: '2026-W10' as IsoWeek,
    });

    expect(older.created).toBe(true);
    expect(older.report.week).toBe('2026-W10');
    const after = await h.store.getProject(project.id);
    expect(after).toEqual(before);
    expect(after?.latestStatus?.week).toBe(W11);
    expect(after?.percentComplete).toBe(60);
    expect((await h.status.list(actors.pm, project.id)).map((r) => r.week)).toEqual([W11, '2026-W10']);
  });

  it('should refuse an edit naming a stale version', async () => {
    await h.status.submit(actors.pm, project.id, {
      answers: statusAnswers({ percentComplete: 1 }),
      source: 'bot',
    });
    await h.status.submit(actors.pm, project.id, {
      answers: statusAnswers({ percentComplete: 2 }),
      source: 'bot',
      expectedVersion: 1,
    });
    await expect(
      h.status.submit(actors.pm, project.id, {
        answers: statusAnswers({ percentComplete: 3 }),
        source: 'tab',
        expectedVersion: 1,
      }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect((await h.store.getStatusReport(project.id, W11))?.percentComplete).toBe(2);
  });
});

describe('StatusService.get / list', () => {
  let h: ServiceHarness;
  let project: Project;

  beforeEach(async () => {
    h = serviceHarness();
    project = await h.createProject();
  });
  afterEach(() => h.store.close());

  it('should report a missing week as NotFoundError', async () => {
    await expect(h.status.get(actors.pm, project.id, '2026-W01' as IsoWeek)).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it('should list newest first with limit and before', async () => {
    for (const week of ['2026-W08', '2026-W10', '2026-W09', '2026-W11']) {
      await h.status.submit(actors.pm, project.id, {
        answers: statusAnswers(),
        source: 'bot',
        week: week as IsoWeek,
      });
    }
    const weeks = async (o: { limit?: number; before?: IsoWeek }) =>
      (await h.status.list(actors.sponsor, project.id, o)).map((r) => r.week);
    expect(await weeks({})).toEqual(['2026-W11', '2026-W10', '2026-W09', '2026-W08']);
    expect(await weeks({ limit: 2 })).toEqual(['2026-W11', '2026-W10']);
    expect(await weeks({ before: '2026-W10' as IsoWeek })).toEqual(['2026-W09', '2026-W08']);
  });
});
