import { createHash } from 'node:crypto';
import { weekBounds } from '../../api/domain/iso-week';
import { isStale, staleThreshold } from '../../api/domain/project';
import { isGuid } from '../../api/domain/people';
import { suggestedOverall } from '../../api/domain/rag';
import { checkStatusAnswers } from '../../api/domain/status-report';
import { DEFAULT_CYCLE, excuseFor, requestDueAt } from '../../api/domain/status-request';
import type { DemoData, DemoOptions, DemoStatusReport } from '../../api/seed/demo-data';
import {
  DEMO_DEFAULTS,
  DEMO_PMO_HEAD_EMAIL,
  DEMO_PMO_ROLES,
  generateDemoData,
} from '../../api/seed/demo-data';
import { Random } from '../../api/seed/random';
import { seedIfEmpty, seedStore } from '../../api/seed/seed-store';
import { SqliteStore } from '../../api/store/sqlite/sqlite-store';
import { checkStakeholder, stakeholderKey } from '../../api/domain/stakeholder';

const NOW = new Date('2026-11-24T12:00:00Z');
const OPTIONS: DemoOptions = { ...DEMO_DEFAULTS, now: NOW, pmoTimeZone: 'Europe/London' };

/** Each project's reports, oldest first, with a resubmission replacing the earlier answer for its week. */
function finalReportsByProject(data: DemoData): Map<string, DemoStatusReport[]> {
  const byProject = new Map<string, Map<string, DemoStatusReport>>();
  for (const r of data.statusReports) {
    let weeks = byProject.get(r.projectId);
    if (!weeks) byProject.set(r.projectId, (weeks = new Map()));
    weeks.set(r.week, r);
  }
  return new Map([...byProject].map(([id, weeks]) => [id, [...weeks.values()]]));
}

describe('Random', () => {
  it('should repeat the same sequence for the same seed', () => {
    const a = new Random(7);
    const b = new Random(7);
    expect(Array.from({ length: 20 }, () => a.nextUint32())).toEqual(
      Array.from({ length: 20 }, () => b.nextUint32()),
    );
  });

  it('should make lowercase version-4 GUIDs', () => {
    const rng = new Random(1);
    for (let i = 0; i < 200; i++) {
      expect(rng.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
  });

  it('should keep int() within its inclusive bounds', () => {
    const rng = new Random(3);
    const seen = new Set(Array.from({ length: 500 }, () => rng.int(1, 5)));
    expect([...seen].sort()).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('generateDemoData', () => {
  const data = generateDemoData(OPTIONS);
  const reports = finalReportsByProject(data);

  it('should give byte-identical data for the same options', () => {
    const again = generateDemoData({ ...OPTIONS, now: new Date(NOW.getTime()) });
    expect(again).toEqual(data);
    expect(JSON.stringify(again)).toBe(JSON.stringify(data));
  });

  it('should give different data for a different seed', () => {
    const other = generateDemoData({ ...OPTIONS, seed: 43 });
    expect(other.projects.map((p) => p.id)).not.toEqual(data.projects.map((p) => p.id));
    expect(other.projects.map((p) => p.title)).not.toEqual(data.projects.map((p) => p.title));
  });

  it('should default to a portfolio of at least 40 projects across programs and departments', () => {
    expect(data.projects.length).toBeGreaterThanOrEqual(40);
    expect(new Set(data.projects.map((p) => p.program)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(data.projects.map((p) => p.department)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(data.projects.map((p) => p.code)).size).toBe(data.projects.length);
    expect(new Set(data.projects.map((p) => p.state))).toEqual(new Set(['active', 'onHold', 'closed']));
  });

  it('should cover at least 12 weeks of history', () => {
    expect(new Set(data.statusReports.map((r) => r.week)).size).toBeGreaterThanOrEqual(12);
    expect(Math.max(...[...reports.values()].map((rs) => rs.length))).toBeGreaterThanOrEqual(12);
  });

  it('should have people in every role, all in the directory', () => {
    const ids = new Set(data.people.map((p) => p.id));
    const head = data.people.find((p) => p.email === DEMO_PMO_HEAD_EMAIL);
    expect(DEMO_PMO_ROLES.pmoHead).toEqual([head?.id]);
    expect(DEMO_PMO_ROLES.projectSpecialist).toHaveLength(2);
    expect(DEMO_PMO_ROLES.projectOfficer).toHaveLength(2);
    for (const id of Object.values(DEMO_PMO_ROLES).flat()) expect(ids.has(id)).toBe(true);
    expect(data.projects.some((p) => p.delegates.length > 0)).toBe(true);
    for (const p of data.projects) {
      expect(p.sponsors.length).toBeGreaterThanOrEqual(1);
      for (const person of [p.projectManager, ...p.sponsors, ...p.delegates])
        expect(ids.has(person.id)).toBe(true);
    }
    expect(new Set(data.projects.map((p) => p.projectManager.id)).size).toBeGreaterThanOrEqual(15);
    expect(new Set(data.people.map((p) => p.email)).size).toBe(data.people.length);
  });

  it('should use GUIDs for every id', () => {
    const ids = [
      data.people,
      data.projects,
      data.statusReports,
      data.raidItems,
      data.changeRequests,
      data.decisions,
      data.statusRequests,
    ]
      .flat()
      .map((x) => x.id);
    expect(ids.every(isGuid)).toBe(true);
    // A resubmission keeps its week's report id; nothing else repeats.
    const distinct = data.statusReports.length - new Set(data.statusReports.map((r) => r.id)).size;
    expect(new Set(ids).size).toBe(ids.length - distinct);
  });

  it('should file only reports that pass the domain checks, inside their week and before now', () => {
    const zoneOf = new Map(data.projects.map((p) => [p.id, p.cadence.timeZone]));
    for (const r of data.statusReports) {
      expect(checkStatusAnswers(r)).toEqual([]);
      expect(r.suggestedOverall).toBe(suggestedOverall(r.rag));
      const { start, end } = weekBounds(r.week, zoneOf.get(r.projectId) ?? 'UTC');
      const at = new Date(r.submittedAt);
      expect(at >= start && at < end && at <= NOW).toBe(true);
    }
    const sorted = [...data.statusReports].sort((a, b) => a.submittedAt.localeCompare(b.submittedAt));
    expect(sorted.map((r) => r.submittedAt)).toEqual(data.statusReports.map((r) => r.submittedAt));
    expect(data.statusReports.some((r) => r.overallOverrideReason)).toBe(true);
    expect(data.statusReports.length - new Set(data.statusReports.map((r) => r.id)).size).toBeGreaterThan(0);
  });

  it('should include stale, slipping and recovering projects', () => {
    const staleBefore = staleThreshold(data.currentWeek);
    const last = (id: string) => reports.get(id)?.at(-1);
    const stale = data.projects.filter((p) => {
      const r = last(p.id);
      return isStale(
        { state: p.state, latestStatus: r ? { ...r.rag, week: r.week, reportedAt: r.submittedAt } : null },
        staleBefore,
      );
    });
    expect(stale.length).toBeGreaterThanOrEqual(2);
    expect(data.projects.some((p) => p.state === 'active' && !reports.has(p.id))).toBe(true);
    const overalls = (id: string) => (reports.get(id) ?? []).map((r) => r.rag.overall);
    const slipping = data.projects.filter(
      (p) => overalls(p.id)[0] === 'green' && overalls(p.id).at(-1) === 'red',
    );
    const recovering = data.projects.filter(
      (p) => overalls(p.id)[0] === 'red' && overalls(p.id).at(-1) === 'green',
    );
    expect(slipping.length).toBeGreaterThanOrEqual(2);
    expect(recovering.length).toBeGreaterThanOrEqual(2);
    // A slipping project's forecast finish drifts later.
    expect(slipping.some((p) => p.forecastFinish > p.baselineFinish)).toBe(true);
  });

  it('should keep progress and cost rising and the project equal to its newest report', () => {
    for (const p of data.projects) {
      const rs = reports.get(p.id) ?? [];
      for (let i = 1; i < rs.length; i++) {
        expect(rs[i].percentComplete).toBeGreaterThanOrEqual(rs[i - 1].percentComplete);
        expect(rs[i].actualCostToDate).toBeGreaterThanOrEqual(rs[i - 1].actualCostToDate);
      }
      const newest = rs.at(-1);
      expect(p.percentComplete).toBe(newest?.percentComplete ?? 0);
      expect(p.budget.actualCost).toBe(newest?.actualCostToDate ?? 0);
      expect(p.forecastFinish).toBe(newest?.forecastFinish ?? p.baselineFinish);
      expect(p.budget.approved).toBeGreaterThanOrEqual(p.budget.baseline);
    }
  });

  it('should record decisions that match their change requests', () => {
    const pending = data.changeRequests.filter((cr) => cr.state === 'submitted');
    expect(pending.length).toBeGreaterThan(0);
    for (const cr of data.changeRequests) {
      const project = data.projects.find((p) => p.id === cr.projectId);
      expect(cr.approvers.map((a) => a.id)).toEqual(project?.sponsors.map((s) => s.id));
      const decisions = data.decisions.filter((d) => d.changeRequestId === cr.id);
      if (cr.state === 'approved') expect(decisions.every((d) => d.decision === 'approved')).toBe(true);
      if (cr.state === 'rejected') expect(decisions.some((d) => d.decision === 'rejected')).toBe(true);
      if (cr.state === 'submitted') expect(decisions.every((d) => d.decision === 'approved')).toBe(true);
      for (const d of decisions) expect(d.at > cr.requestedAt && d.at <= NOW.toISOString()).toBe(true);
    }
  });

  describe('status requests', () => {
    // A Friday afternoon: this week's requests are due for most projects, some answered, some not.
    const friday = generateDemoData({ ...OPTIONS, now: new Date('2026-11-27T16:00:00Z') });

    it.each([
      ['a Tuesday', data, NOW],
      ['a Friday', friday, new Date('2026-11-27T16:00:00Z')],
    ])('should file on %s what the weekly cycle would have filed', (_when, demo, now) => {
      const finals = finalReportsByProject(demo);
      const projects = new Map(demo.projects.map((p) => [p.id, p]));
      const answeredAt = new Map<string, number>();
      for (const r of demo.statusReports) {
        const key = `${r.projectId}|${r.week}`;
        answeredAt.set(key, Math.min(answeredAt.get(key) ?? Infinity, Date.parse(r.submittedAt)));
      }
      const keys = demo.statusRequests.map((r) => `${r.projectId}|${r.week}`);
      expect(new Set(keys).size).toBe(keys.length);
      for (const r of demo.statusRequests) {
        const project = projects.get(r.projectId)!;
        const due = requestDueAt(project, r.week).getTime();
        const answered = answeredAt.get(`${r.projectId}|${r.week}`);
        const since = now.getTime() - due;
        // Filed only once due, and never after now.
        expect(Date.parse(r.createdAt)).toBeGreaterThanOrEqual(due);
        expect(r.createdAt <= now.toISOString()).toBe(true);
        const expectSent = (sent: boolean) => expect(r.sentAt !== null).toBe(sent);
        switch (r.state) {
          case 'submitted':
            expect(answered).toBeDefined();
            expectSent(answered! >= due);
            if (r.remindedAt) expect(Date.parse(r.remindedAt)).toBeLessThanOrEqual(answered!);
            if (r.escalatedAt) expect(Date.parse(r.escalatedAt)).toBeLessThanOrEqual(answered!);
            break;
          case 'pending':
            expect(answered).toBeUndefined();
            expectSent(true);
            expect(since).toBeLessThan(DEFAULT_CYCLE.deadlineAfterMs);
            expect(r.remindedAt !== null).toBe(since >= DEFAULT_CYCLE.reminderAfterMs + 20_000);
            expect(r.escalatedAt).toBeNull();
            break;
          case 'overdue':
            expect(answered).toBeUndefined();
            expectSent(true);
            expect(Date.parse(r.remindedAt!) - due).toBeGreaterThanOrEqual(DEFAULT_CYCLE.reminderAfterMs);
            expect(Date.parse(r.escalatedAt!) - due).toBeGreaterThanOrEqual(DEFAULT_CYCLE.deadlineAfterMs);
            break;
          case 'excused':
            expect(answered).toBeUndefined();
            expectSent(false);
            expect(project.state).not.toBe('active');
            expect(r.reason).toBe(excuseFor(project, { name: '' }, now, 'UTC'));
            break;
          case 'undeliverable':
            expect(answered).toBeUndefined();
            expectSent(false);
            expect(r.reason).toContain(project.projectManager.name);
            break;
        }
      }
      // Every report whose request was due by now answered one.
      const filed = new Map(demo.statusRequests.map((r) => [`${r.projectId}|${r.week}`, r]));
      for (const [projectId, rs] of finals) {
        for (const report of rs) {
          const due = requestDueAt(projects.get(projectId)!, report.week).getTime();
          if (due > now.getTime()) continue;
          expect(filed.get(`${projectId}|${report.week}`)?.state).toBe('submitted');
        }
      }
    });

    it('should show every state in the current week of a Friday afternoon', () => {
      const states = new Set(
        friday.statusRequests.filter((r) => r.week === friday.currentWeek).map((r) => r.state),
      );
      expect(states).toEqual(new Set(['submitted', 'pending', 'overdue', 'excused', 'undeliverable']));
      // Late weeks in the past stay overdue, with the reminder and the escalation on record.
      expect(
        data.statusRequests.filter((r) => r.week < data.currentWeek && r.state === 'overdue').length,
      ).toBeGreaterThan(0);
    });
  });

  it('should refuse options it cannot honour', () => {
    expect(() => generateDemoData({ ...OPTIONS, projects: 0 })).toThrow(RangeError);
    expect(() => generateDemoData({ ...OPTIONS, weeks: 1.5 })).toThrow(RangeError);
    expect(() => generateDemoData({ ...OPTIONS, pmoTimeZone: 'Mars/Olympus' })).toThrow(RangeError);
  });
});

describe('seedStore', () => {
  it('should leave every project with the latest status of its newest report', async () => {
    const data = generateDemoData(OPTIONS);
    const store = new SqliteStore({ path: ':memory:' });
    try {
      const summary = await seedStore(store, data);
      expect(summary.projects).toBe(data.projects.length);
      expect(summary.statusReports + summary.revisions).toBe(data.statusReports.length);
      expect(summary.statusRequests).toBe(data.statusRequests.length);
      const stored = await store.listStatusRequests({ week: data.currentWeek });
      const expected = data.statusRequests.filter((r) => r.week === data.currentWeek);
      expect(new Set(stored.map((r) => r.id))).toEqual(new Set(expected.map((r) => r.id)));
      for (const r of expected) expect(await store.findStatusRequest(r.projectId, r.week)).toEqual(r);
      const reports = finalReportsByProject(data);
      for (const expected of data.projects) {
        const project = await store.getProject(expected.id);
        const newest = (await store.listStatusReports(expected.id, { limit: 1 }))[0];
        expect(newest?.id).toBe(reports.get(expected.id)?.at(-1)?.id);
        expect(project?.latestStatus).toEqual(
          newest ? { week: newest.week, reportedAt: newest.submittedAt, ...newest.rag } : null,
        );
        expect(project?.percentComplete).toBe(expected.percentComplete);
        expect(project?.budget).toEqual(expected.budget);
        expect(project?.forecastFinish).toBe(expected.forecastFinish);
      }
      const revised = data.statusReports.find(
        (r, i) => data.statusReports.findIndex((x) => x.id === r.id) !== i,
      );
      expect(await store.listStatusReportRevisions(revised?.id ?? '')).toHaveLength(1);
    } finally {
      await store.close();
    }
  });

  it('should seed an empty store once with seedIfEmpty', async () => {
    const store = new SqliteStore({ path: ':memory:' });
    try {
      const options = { projects: 12, weeks: 6, now: NOW, pmoTimeZone: 'UTC' };
      const first = await seedIfEmpty(store, options);
      expect(first?.projects).toBe(12);
      expect(await seedIfEmpty(store, options)).toBeNull();
      const page = await store.queryPortfolio({
        filter: {},
        sort: 'code',
        order: 'asc',
        page: 1,
        pageSize: 50,
        staleBefore: staleThreshold(generateDemoData(options).currentWeek),
      });
      expect(page.total).toBe(12);
    } finally {
      await store.close();
    }
  });
});

describe('the demo stakeholder registers', () => {
  const data = generateDemoData(OPTIONS);

  it('should keep every entry within the register rules, with no duplicate', () => {
    for (const s of data.stakeholders) expect(checkStakeholder(s)).toEqual([]);
    const keys = data.stakeholders.map(stakeholderKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(data.stakeholders.map((s) => s.id)).size).toBe(data.stakeholders.length);
  });

  it("should give each program a steering group by email and each project's sponsors a Teams chat", () => {
    const programs = new Set(data.projects.map((p) => p.program));
    const steering = data.stakeholders.filter((s) => s.scope.kind === 'program');
    expect(new Set(steering.map((s) => s.scope.id))).toEqual(programs);
    expect(steering.every((s) => s.role === 'steering' && s.channel === 'email' && s.address)).toBe(true);
    for (const project of data.projects) {
      const sponsors = data.stakeholders.filter((s) => s.scope.id === project.id && s.role === 'sponsor');
      expect(sponsors.map((s) => s.person?.id).sort()).toEqual(project.sponsors.map((p) => p.id).sort());
      expect(sponsors.every((s) => s.channel === 'teamsChat')).toBe(true);
    }
  });

  it('should give some projects a team channel and one or two a customer address', () => {
    const channels = data.stakeholders.filter((s) => s.channel === 'teamsChannel');
    expect(channels.length).toBeGreaterThanOrEqual(3);
    const customers = data.stakeholders.filter((s) => s.role === 'customer');
    expect(customers.length).toBeGreaterThanOrEqual(1);
    expect(customers.length).toBeLessThanOrEqual(2);
    expect(customers.every((s) => s.channel === 'email' && s.address?.endsWith('.example'))).toBe(true);
  });

  it('should leave the rest of the demo byte-identical (the registers draw from their own random stream)', () => {
    // The SHA-256 of the default demo's JSON as it was before the registers existed.
    const { stakeholders: _registers, ...rest } = data;
    const digest = createHash('sha256').update(JSON.stringify(rest)).digest('hex');
    expect(digest).toBe('13fb7d9b2aa5f8d4c105797b9d9f962be31d64c6aacb8ba095e2436da883b28f');
  });

  it('should seed the registers into a store', async () => {
    const small = generateDemoData({ ...OPTIONS, projects: 6, weeks: 3 });
    const store = new SqliteStore({ path: ':memory:' });
    const summary = await seedStore(store, small);
    expect(summary.stakeholders).toBe(small.stakeholders.length);
    expect(await store.listStakeholders({})).toHaveLength(small.stakeholders.length);
    await store.close();
  });
});
