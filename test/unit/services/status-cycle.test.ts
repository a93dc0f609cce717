import { ForbiddenError } from '../../../api/domain/errors';
import type { IsoWeek } from '../../../api/domain/iso-week';
import type { Project } from '../../../api/domain/project';
import { requestDueAt } from '../../../api/domain/status-request';
import { serviceContext } from '../../../api/services/context';
import type { Delivery, LateProject, StatusNotifier } from '../../../api/services/status-cycle-service';
import { StatusCycleService } from '../../../api/services/status-cycle-service';
import type { ServiceHarness } from './service-fixtures';
import { actors, ref, sequentialIds, serviceHarness, statusAnswers } from './service-fixtures';

const HOUR = 3600_000;

/** Records what the cycle asked the bot to send; a PM listed in `unreachable` has no conversation. */
class RecordingNotifier implements StatusNotifier {
  requests: Array<{
    code: string;
    week: IsoWeek;
    reminder: boolean;
    prefillWeek: IsoWeek | null;
    dueAt: string;
  }> = [];
  escalations: Array<{ week: IsoWeek; late: string[]; undeliverable: string[] }> = [];
  unreachable = new Set<string>();

  async requestStatus(input: Parameters<StatusNotifier['requestStatus']>[0]): Promise<Delivery> {
    if (this.unreachable.has(input.project.projectManager.id)) {
      return {
        delivered: false,
        reason: `${input.project.projectManager.name} has not installed PMO Hub in Teams.`,
      };
    }
    this.requests.push({
      code: input.project.code,
      week: input.request.week,
      reminder: input.reminder,
      prefillWeek: input.prefill?.week ?? null,
      dueAt: input.dueAt.toISOString(),
    });
    return {
      delivered: true,
      activityId: `activity-${this.requests.length}`,
      conversationId: `a:${input.project.code}`,
    };
  }

  async escalate(input: { week: IsoWeek; late: LateProject[]; undeliverable: LateProject[] }): Promise<void> {
    this.escalations.push({
      week: input.week,
      late: input.late.map((l) => l.project.code),
      undeliverable: input.undeliverable.map((l) => l.project.code),
    });
  }
}

describe('StatusCycleService: the weekly cycle, driven by a fake clock', () => {
  let h: ServiceHarness;
  let notifier: RecordingNotifier;
  let cycle: StatusCycleService;

  beforeEach(async () => {
    h = serviceHarness();
    notifier = new RecordingNotifier();
    cycle = new StatusCycleService(h.ctx, notifier);
    for (const a of Object.values(actors)) await h.store.upsertPerson(ref(a));
  });
  afterEach(() => h.store.close());

  /** Moves the clock hour by hour to `until`, running the cycle each time (as the scheduler does). */
  async function runHourly(until: string): Promise<void> {
    while (h.clock.now() < new Date(until)) {
      h.clock.advance(HOUR);
      await cycle.run();
    }
  }

  it('should ask at the cadence, remind after 24 h, escalate after 48 h: once each', async () => {
    // Friday 10:00 London (GMT in March before the 29th).
    h.clock.set('2026-03-09T00:00:00Z'); // Monday of 2026-W11
    const project = await h.createProject({ code: 'CYC-1' });
    await runHourly('2026-03-15T23:00:00Z');

    expect(notifier.requests).toEqual([
      {
        code: 'CYC-1',
        week: '2026-W11',
        reminder: false,
        prefillWeek: null,
        dueAt: '2026-03-13T10:00:00.000Z',
      },
      {
        code: 'CYC-1',
        week: '2026-W11',
        reminder: true,
        prefillWeek: null,
        dueAt: '2026-03-13T10:00:00.000Z',
      },
    ]);
    expect(notifier.escalations).toEqual([{ week: '2026-W11', late: ['CYC-1'], undeliverable: [] }]);
    const request = (await h.store.findStatusRequest(project.id, '2026-W11' as IsoWeek))!;
    expect(request).toMatchObject({
      state: 'overdue',
      sentAt: '2026-03-13T10:00:00.000Z',
      remindedAt: '2026-03-14T10:00:00.000Z',
      escalatedAt: '2026-03-15T10:00:00.000Z',
      cardActivityId: 'activity-1',
      conversationId: 'a:CYC-1',
    });
  });

  it('should stop chasing once the PM submits, and prefill next week with this week', async () => {
    h.clock.set('2026-03-13T09:00:00Z');
    const project = await h.createProject({ code: 'CYC-2' });
    await runHourly('2026-03-13T12:00:00Z');
    expect(notifier.requests).toHaveLength(1);
    await h.status.submit(actors.pm, project.id, { answers: statusAnswers(), source: 'bot' });
    await runHourly('2026-03-20T12:00:00Z');
    expect(
      notifier.requests.map((r) => `${r.week}${r.reminder ? ' reminder' : ''} ← ${r.prefillWeek}`),
    ).toEqual(['2026-W11 ← null', '2026-W12 ← 2026-W11']);
    expect(notifier.escalations).toEqual([]);
    expect((await h.store.findStatusRequest(project.id, '2026-W11' as IsoWeek))?.state).toBe('submitted');
  });

  it('should record a report filed before the request as submitted, and send nothing', async () => {
    h.clock.set('2026-03-11T09:00:00Z');
    const project = await h.createProject({ code: 'CYC-3' });
    await h.status.submit(actors.pm, project.id, { answers: statusAnswers(), source: 'tab' });
    await runHourly('2026-03-16T00:00:00Z');
    expect(notifier.requests).toEqual([]);
    expect((await h.store.findStatusRequest(project.id, '2026-W11' as IsoWeek))?.state).toBe('submitted');
  });

  it('should ask each project at its own local time, across time zones and a daylight-saving change', async () => {
    // Monday of 2026-W13 at noon UTC: already W13 in New York (08:00) and Sydney (23:00). Europe moves to
    // summer time on Sunday 29 March.
    h.clock.set('2026-03-23T12:00:00Z');
    await h.createProject({
      code: 'TZ-LDN',
      cadence: { weekday: 5, localTime: '10:00', timeZone: 'Europe/London' },
    });
    await h.createProject({
      code: 'TZ-NYC',
      cadence: { weekday: 1, localTime: '09:00', timeZone: 'America/New_York' },
    });
    await h.createProject({
      code: 'TZ-SYD',
      cadence: { weekday: 3, localTime: '16:30', timeZone: 'Australia/Sydney' },
    });
    await runHourly('2026-04-06T00:00:00Z');
    const firstAsks = notifier.requests
      .filter((r) => !r.reminder)
      .map((r) => `${r.code} ${r.week} ${r.dueAt}`);
    expect(firstAsks).toEqual([
      'TZ-NYC 2026-W13 2026-03-23T13:00:00.000Z', // EDT (UTC−4) since 8 March
      'TZ-SYD 2026-W13 2026-03-25T05:30:00.000Z', // AEDT (UTC+11)
      'TZ-LDN 2026-W13 2026-03-27T10:00:00.000Z', // GMT
      'TZ-NYC 2026-W14 2026-03-30T13:00:00.000Z',
      'TZ-SYD 2026-W14 2026-04-01T05:30:00.000Z',
      'TZ-LDN 2026-W14 2026-04-03T09:00:00.000Z', // BST (UTC+1) after 29 March: still 10:00 in London
    ]);
  });

  it('should move a local time skipped by the clocks forward, as clocks do', () => {
    const project = { cadence: { weekday: 7 as const, localTime: '01:30', timeZone: 'Europe/London' } };
    expect(requestDueAt(project, '2026-W13' as IsoWeek).toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });

  it('should excuse a PM who is away, and projects on hold or closed, sending nothing', async () => {
    h.clock.set('2026-03-13T09:00:00Z');
    const away = await h.createProject({ code: 'EXC-AWAY' });
    const held = await h.createProject({ code: 'EXC-HOLD', projectManager: ref(actors.otherPm) });
    await h.projects.update(actors.pmoHead, held.id, { state: 'onHold' }, held.version);
    await h.store.setAway(actors.pm.id, '2026-03-20');
    await runHourly('2026-03-17T00:00:00Z');
    expect(notifier.requests).toEqual([]);
    expect(await h.store.findStatusRequest(away.id, '2026-W11' as IsoWeek)).toMatchObject({
      state: 'excused',
      reason: 'Pat Manager is away until 2026-03-20.',
    });
    expect((await h.store.findStatusRequest(held.id, '2026-W11' as IsoWeek))?.reason).toBe(
      'The project is on hold.',
    );
    // Back the week after: asked again.
    await h.store.setAway(actors.pm.id, null);
    await runHourly('2026-03-20T12:00:00Z');
    expect(notifier.requests.map((r) => `${r.code} ${r.week}`)).toEqual(['EXC-AWAY 2026-W12']);
  });

  it('should record a PM the bot cannot reach as undeliverable and tell the PMO at once', async () => {
    h.clock.set('2026-03-13T09:00:00Z');
    const project = await h.createProject({ code: 'UND-1' });
    notifier.unreachable.add(actors.pm.id);
    await runHourly('2026-03-16T00:00:00Z');
    expect(notifier.escalations).toEqual([{ week: '2026-W11', late: [], undeliverable: ['UND-1'] }]);
    expect(await h.store.findStatusRequest(project.id, '2026-W11' as IsoWeek)).toMatchObject({
      state: 'undeliverable',
      reason: 'Pat Manager has not installed PMO Hub in Teams.',
    });
  });

  it('should send one card when two servers run the cycle at the same moment', async () => {
    h.clock.set('2026-03-13T10:00:00Z');
    await h.createProject({ code: 'RACE-1' });
    await h.createProject({ code: 'RACE-2', projectManager: ref(actors.otherPm) });
    const other = new StatusCycleService(
      serviceContext(h.store, {
        clock: h.clock,
        newId: sequentialIds('other'),
        pmoTimeZone: 'Europe/London',
      }),
      notifier,
    );
    const [a, b] = await Promise.all([cycle.run(), other.run()]);
    expect(a.sent + b.sent).toBe(2);
    expect(notifier.requests.map((r) => r.code).sort()).toEqual(['RACE-1', 'RACE-2']);
    await Promise.all([cycle.run(), other.run()]);
    expect(notifier.requests).toHaveLength(2);
  });

  it('should send this week’s request now to every active project that has none, when forced', async () => {
    h.clock.set('2026-03-10T09:00:00Z'); // Tuesday: Friday's requests are not due
    await h.createProject({ code: 'F-1' });
    await h.createProject({ code: 'F-2', projectManager: ref(actors.otherPm) });
    expect(await cycle.run()).toMatchObject({ sent: 0, notDue: 2 });
    expect(await cycle.runAsStaff(actors.specialist, { force: true })).toMatchObject({ sent: 2 });
    expect(await cycle.runAsStaff(actors.pmoHead, { force: true })).toMatchObject({ sent: 0 });
    await expect(cycle.runAsStaff(actors.pm, { force: true })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('should list late projects of one week in one escalation', async () => {
    h.clock.set('2026-03-13T09:00:00Z');
    const projects: Project[] = [];
    for (const code of ['L-1', 'L-2', 'L-3']) projects.push(await h.createProject({ code }));
    await h.status.submit(actors.pm, projects[1].id, {
      answers: statusAnswers(),
      source: 'bot',
      week: '2026-W11' as IsoWeek,
    });
    await runHourly('2026-03-16T00:00:00Z');
    expect(notifier.escalations).toEqual([{ week: '2026-W11', late: ['L-1', 'L-3'], undeliverable: [] }]);
  });

  describe('the PMO chasing by hand', () => {
    const W11 = '2026-W11' as IsoWeek;
    const requestOf = async (project: Project) => (await h.store.findStatusRequest(project.id, W11))!;

    it('should send the reminder at once, as the cycle would, and the cycle then adds none of its own', async () => {
      h.clock.set('2026-03-13T10:00:00Z'); // Friday 10:00 London: due
      const project = await h.createProject({ code: 'NOW-1' });
      await cycle.run();
      const request = await requestOf(project);
      h.clock.set('2026-03-13T15:00:00Z');
      expect(await cycle.remindNow(actors.officer, [request.id])).toEqual([
        { id: request.id, outcome: 'sent' },
      ]);
      expect(notifier.requests.at(-1)).toEqual({
        code: 'NOW-1',
        week: '2026-W11',
        reminder: true,
        prefillWeek: null,
        dueAt: '2026-03-13T10:00:00.000Z',
      });
      expect(await h.store.getStatusRequest(request.id)).toMatchObject({
        state: 'pending',
        remindedAt: '2026-03-13T15:00:00.000Z',
        version: request.version + 1,
      });

      await runHourly('2026-03-16T00:00:00Z');
      expect(notifier.requests.filter((r) => r.reminder)).toHaveLength(1);
      expect(notifier.escalations).toEqual([{ week: '2026-W11', late: ['NOW-1'], undeliverable: [] }]);
      // Overdue: the PMO may chase again.
      expect(await cycle.remindNow(actors.pmoHead, [request.id])).toEqual([
        { id: request.id, outcome: 'sent' },
      ]);
      expect(notifier.requests.filter((r) => r.reminder)).toHaveLength(2);
      expect((await h.store.getStatusRequest(request.id))?.remindedAt).toBe('2026-03-16T00:00:00.000Z');
    });

    it('should give every id its own outcome, saying why when nothing was sent', async () => {
      h.clock.set('2026-03-13T10:00:00Z');
      const unreachable = await h.createProject({ code: 'OUT-1' });
      const answered = await h.createProject({ code: 'OUT-2' });
      const away = await h.createProject({ code: 'OUT-3', projectManager: ref(actors.otherPm) });
      await h.store.setAway(actors.otherPm.id, '2026-03-20');
      await cycle.run();
      await h.status.submit(actors.pm, answered.id, { answers: statusAnswers(), source: 'tab' });
      notifier.unreachable.add(actors.pm.id); // uninstalled the bot since the request
      const [a, b, c] = await Promise.all([unreachable, answered, away].map(requestOf));

      const results = await cycle.remindNow(actors.pmoHead, [a.id, b.id, c.id, 'no-such-request', a.id]);
      expect(results).toEqual([
        { id: a.id, outcome: 'undeliverable', reason: 'Pat Manager has not installed PMO Hub in Teams.' },
        {
          id: b.id,
          outcome: 'skipped',
          reason: 'The 2026-W11 status is already in: there is nothing to remind Pat Manager of.',
        },
        {
          id: c.id,
          outcome: 'skipped',
          reason: 'Quinn Other is excused from the 2026-W11 status: Quinn Other is away until 2026-03-20.',
        },
        { id: 'no-such-request', outcome: 'notFound', reason: 'There is no status request with this id.' },
      ]);
      // As with the cycle's own: a reminder that could not be delivered is recorded all the same.
      expect((await h.store.getStatusRequest(a.id))?.remindedAt).toBe('2026-03-13T10:00:00.000Z');
      expect((await h.store.getStatusRequest(b.id))?.remindedAt).toBeNull();
    });

    it('should list a week’s requests by PM, then project code, with counts per state', async () => {
      h.clock.set('2026-03-13T10:00:00Z');
      await h.createProject({ code: 'B-2' });
      await h.createProject({ code: 'A-9', projectManager: ref(actors.otherPm) });
      await h.createProject({ code: 'B-1' });
      await h.store.setAway(actors.otherPm.id, '2026-03-20');
      await cycle.run();
      const week = await cycle.listWeek(actors.specialist);
      expect(week.week).toBe('2026-W11');
      expect(week.counts).toEqual({ pending: 2, submitted: 0, overdue: 0, excused: 1, undeliverable: 0 });
      expect(
        week.rows.map((r) => `${r.project.projectManager.name} ${r.project.code} ${r.request.state}`),
      ).toEqual(['Pat Manager B-1 pending', 'Pat Manager B-2 pending', 'Quinn Other A-9 excused']);
      expect(week.rows[0].dueAt.toISOString()).toBe('2026-03-13T10:00:00.000Z');
      expect((await cycle.listWeek(actors.pmoHead, '2026-W10' as IsoWeek)).rows).toEqual([]);
    });

    it('should refuse anyone but PMO staff, sending nothing', async () => {
      h.clock.set('2026-03-13T10:00:00Z');
      const project = await h.createProject({ code: 'NO-1' });
      await cycle.run();
      const request = await requestOf(project);
      const sent = notifier.requests.length;
      await expect(cycle.remindNow(actors.pm, [request.id])).rejects.toBeInstanceOf(ForbiddenError);
      await expect(cycle.listWeek(actors.sponsor)).rejects.toBeInstanceOf(ForbiddenError);
      expect(notifier.requests).toHaveLength(sent);
      expect((await requestOf(project)).remindedAt).toBeNull();
    });
  });
});
