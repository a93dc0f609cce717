import type { IsoWeek } from '../../../api/domain/iso-week';
import type { PersonRef } from '../../../api/domain/people';
import type { PortfolioQuery } from '../../../api/domain/portfolio';
import {
  comparePortfolio,
  emptyTotals,
  matchesPortfolioFilter,
  portfolioPageOf,
  rollUp,
  summarize,
  toRow,
} from '../../../api/domain/portfolio';
import type { LatestStatus, Project, ProjectState } from '../../../api/domain/project';
import { isStale, staleThreshold } from '../../../api/domain/project';
import type { Rag } from '../../../api/domain/rag';

const CURRENT_WEEK = '2026-W11' as IsoWeek;
const STALE_BEFORE = staleThreshold(CURRENT_WEEK); // 2026-W10

const sam: PersonRef = { id: 'sponsor-sam', name: 'Sam Sponsor', email: 'sam@contoso.example' };
const ada: PersonRef = { id: 'sponsor-ada', name: 'Ada Backer', email: 'ada@contoso.example' };
const pm: PersonRef = { id: 'pm-1', name: 'Pat Manager', email: 'pat@contoso.example' };

function status(week: string, overall: Rag): LatestStatus {
  return {
    week: week as IsoWeek,
    reportedAt: '2026-03-01T00:00:00.000Z',
    overall,
    schedule: overall,
    budget: overall,
    scope: overall,
    resources: overall,
  };
}

function project(
  code: string,
  p: {
    program: string;
    department: string;
    sponsors: PersonRef[];
    state?: ProjectState;
    latestStatus: LatestStatus | null;
    budget: [baseline: number, approved: number, actualCost: number, forecastAtCompletion: number];
    baselineFinish: string;
    forecastFinish: string;
  },
): Project {
  const [baseline, approved, actualCost, forecastAtCompletion] = p.budget;
  return {
    id: `id-${code}`,
    code,
    title: `Project ${code}`,
    description: '',
    program: p.program,
    department: p.department,
    projectManager: pm,
    delegates: [],
    sponsors: p.sponsors,
    phase: 'execution',
    state: p.state ?? 'active',
    methodology: 'hybrid',
    startDate: '2026-01-05',
    baselineFinish: p.baselineFinish,
    forecastFinish: p.forecastFinish,
    budget: { baseline, approved, actualCost, forecastAtCompletion },
    percentComplete: 50,
    cadence: { weekday: 5, localTime: '10:00', timeZone: 'Europe/London' },
    latestStatus: p.latestStatus,
    createdAt: '2026-01-05T00:00:00.000Z',
    updatedAt: '2026-01-05T00:00:00.000Z',
    version: 1,
  };
}

// Five projects whose figures are worked out by hand below.
const A1 = project('A1', {
  program: 'Apollo',
  department: 'IT',
  sponsors: [sam],
  latestStatus: status('2026-W11', 'green'),
  budget: [100_000, 110_000, 50_000, 120_000],
  baselineFinish: '2026-06-30',
  forecastFinish: '2026-07-10', // +10 days
});
const A2 = project('A2', {
  program: 'Apollo',
  department: 'Finance',
  sponsors: [sam, ada],
  latestStatus: status('2026-W10', 'red'),
  budget: [200_000, 200_000, 150_000, 190_000],
  baselineFinish: '2026-09-30',
  forecastFinish: '2026-09-20', // -10
});
const B1 = project('B1', {
  program: 'Borealis',
  department: 'IT',
  sponsors: [ada],
  latestStatus: status('2026-W09', 'amber'), // stale
  budget: [50_000, 50_000, 10_000, 50_000],
  baselineFinish: '2026-12-31',
  forecastFinish: '2026-12-31', // 0
});
const B2 = project('B2', {
  program: 'Borealis',
  department: 'IT',
  sponsors: [],
  latestStatus: null, // never reported: stale
  budget: [0, 0, 0, 0],
  baselineFinish: '2026-05-01',
  forecastFinish: '2026-05-31', // +30
});
const C1 = project('C1', {
  program: 'Cygnus',
  department: 'Finance',
  sponsors: [sam],
  state: 'onHold',
  latestStatus: null, // on hold: never stale
  budget: [30_000, 40_000, 5_000, 45_000],
  baselineFinish: '2026-08-01',
  forecastFinish: '2026-08-03', // +2
});
const ALL = [A1, A2, B1, B2, C1];

describe('rollUp', () => {
  const rollups = rollUp(ALL, STALE_BEFORE);

  it('should add up every project into the totals', () => {
    expect(rollups.totals).toEqual({
      projects: 5,
      rag: { green: 1, amber: 1, red: 1, notReported: 2 },
      baseline: 380_000,
      approved: 400_000,
      actualCost: 215_000,
      forecastAtCompletion: 405_000,
      scheduleVarianceDays: 32,
      slipping: 3,
      stale: 2,
    });
  });

  it('should group by program in key order', () => {
    expect(rollups.byProgram.map((g) => [g.key, g.totals.projects])).toEqual([
      ['Apollo', 2],
      ['Borealis', 2],
      ['Cygnus', 1],
    ]);
    const borealis = rollups.byProgram[1].totals;
    expect(borealis.rag).toEqual({ green: 0, amber: 1, red: 0, notReported: 1 });
    expect(borealis.stale).toBe(2);
    expect(borealis.scheduleVarianceDays).toBe(30);
  });

  it('should group by department in key order', () => {
    expect(rollups.byDepartment.map((g) => [g.key, g.totals.projects, g.totals.approved])).toEqual([
      ['Finance', 2, 240_000],
      ['IT', 3, 160_000],
    ]);
  });

  it('should count a project with two sponsors under both, and one without sponsors under none', () => {
    expect(rollups.bySponsor.map((g) => [g.sponsor.id, g.totals.projects])).toEqual([
      ['sponsor-ada', 2], // Ada Backer sorts before Sam Sponsor
      ['sponsor-sam', 3],
    ]);
    expect(rollups.bySponsor[0].sponsor).toEqual(ada);
    const sponsored = rollups.bySponsor.reduce((n, g) => n + g.totals.projects, 0);
    expect(sponsored).toBe(5); // A2 twice, B2 never
  });

  it('should give empty roll-ups for no projects', () => {
    expect(rollUp([], STALE_BEFORE)).toEqual({
      totals: emptyTotals(),
      byProgram: [],
      byDepartment: [],
      bySponsor: [],
    });
  });

  it('should not depend on the order of the projects', () => {
    expect(rollUp([...ALL].reverse(), STALE_BEFORE)).toEqual(rollups);
  });
});

describe('summarize', () => {
  const rollups = rollUp(ALL, STALE_BEFORE);

  it('should derive the portfolio figures', () => {
    expect(summarize(rollups.totals)).toEqual({
      projects: 5,
      byOverallRag: { green: 1, amber: 1, red: 1, notReported: 2 },
      budget: {
        baseline: 380_000,
        approved: 400_000,
        actualCost: 215_000,
        forecastAtCompletion: 405_000,
        variance: 5_000,
        variancePercent: 1.25,
      },
      schedule: { averageVarianceDays: 6.4, slipping: 3 },
      stale: 2,
    });
  });

  it.each([
    // key, variance, variancePercent, averageVarianceDays, slipping, stale
    ['Apollo', 0, 0, 0, 1, 0],
    ['Borealis', 0, 0, 15, 1, 2],
    ['Cygnus', 5_000, 12.5, 2, 1, 0],
  ])('should summarise program %s', (key, variance, percent, avgDays, slipping, stale) => {
    const s = summarize(rollups.byProgram.find((g) => g.key === key)!.totals);
    expect(s.budget.variance).toBe(variance);
    expect(s.budget.variancePercent).toBe(percent);
    expect(s.schedule).toEqual({ averageVarianceDays: avgDays, slipping });
    expect(s.stale).toBe(stale);
  });

  it.each([
    ['Finance', 230_000, 155_000, -5_000, -2.08, -4, 1, 0],
    ['IT', 150_000, 60_000, 10_000, 6.25, 13.33, 2, 2],
  ])(
    'should summarise department %s',
    (key, baseline, actual, variance, percent, avgDays, slipping, stale) => {
      const s = summarize(rollups.byDepartment.find((g) => g.key === key)!.totals);
      expect(s.budget).toMatchObject({ baseline, actualCost: actual, variance, variancePercent: percent });
      expect(s.schedule).toEqual({ averageVarianceDays: avgDays, slipping });
      expect(s.stale).toBe(stale);
    },
  );

  it.each([
    ['sponsor-ada', 2, { green: 0, amber: 1, red: 1, notReported: 0 }, -10_000, -4, -5, 0, 1],
    ['sponsor-sam', 3, { green: 1, amber: 0, red: 1, notReported: 1 }, 5_000, 1.43, 0.67, 2, 0],
  ])('should summarise sponsor %s', (id, projects, rag, variance, percent, avgDays, slipping, stale) => {
    const s = summarize(rollups.bySponsor.find((g) => g.sponsor.id === id)!.totals);
    expect(s.projects).toBe(projects);
    expect(s.byOverallRag).toEqual(rag);
    expect(s.budget.variance).toBe(variance);
    expect(s.budget.variancePercent).toBe(percent);
    expect(s.schedule).toEqual({ averageVarianceDays: avgDays, slipping });
    expect(s.stale).toBe(stale);
  });

  it('should give no variance percentage when nothing is approved', () => {
    expect(summarize(rollUp([B2], STALE_BEFORE).totals).budget.variancePercent).toBeNull();
  });

  it('should average over no projects as zero', () => {
    const s = summarize(emptyTotals());
    expect(s.projects).toBe(0);
    expect(s.schedule.averageVarianceDays).toBe(0);
    expect(s.budget.variancePercent).toBeNull();
  });

  it('should round money to cents', () => {
    const t = {
      ...emptyTotals(),
      projects: 1,
      baseline: 0.1 + 0.2,
      approved: 0.3,
      forecastAtCompletion: 0.1 + 0.2 + 0.005,
    };
    const s = summarize(t);
    expect(s.budget.baseline).toBe(0.3);
    expect(s.budget.variance).toBe(0.01);
  });

  it('should not share the rag counts with the totals it was given', () => {
    const t = rollUp(ALL, STALE_BEFORE).totals;
    summarize(t).byOverallRag.green = 99;
    expect(t.rag.green).toBe(1);
  });
});

describe('toRow', () => {
  it.each([
    ['A1', A1, 'green', 10_000, 10, false],
    ['A2', A2, 'red', -10_000, -10, false],
    ['B1', B1, 'amber', 0, 0, true],
    ['B2', B2, 'notReported', 0, 30, true],
    ['C1', C1, 'notReported', 5_000, 2, false],
  ] as const)(
    'should derive the row figures of %s',
    (_code, p, rag, budgetVariance, scheduleVarianceDays, stale) => {
      expect(toRow(p, STALE_BEFORE)).toEqual({
        project: p,
        overallRag: rag,
        budgetVariance,
        scheduleVarianceDays,
        stale,
      });
    },
  );
});

describe('isStale', () => {
  const at = (state: ProjectState, week: string | null) => ({
    state,
    latestStatus: week === null ? null : status(week, 'green'),
  });

  it.each<[string, ProjectState, string | null, IsoWeek, boolean]>([
    ['an active project reporting this week', 'active', '2026-W11', CURRENT_WEEK, false],
    ['an active project reporting in the previous week', 'active', '2026-W10', CURRENT_WEEK, false],
    ['an active project last reporting two weeks ago', 'active', '2026-W09', CURRENT_WEEK, true],
    ['an active project that never reported', 'active', null, CURRENT_WEEK, true],
    ['an on-hold project that never reported', 'onHold', null, CURRENT_WEEK, false],
    ['an on-hold project last reporting long ago', 'onHold', '2025-W01', CURRENT_WEEK, false],
    ['a closed project that never reported', 'closed', null, CURRENT_WEEK, false],
    ['the previous week across a year end', 'active', '2025-W52', '2026-W01' as IsoWeek, false],
    ['two weeks ago across a year end', 'active', '2025-W51', '2026-W01' as IsoWeek, true],
    ['the previous week after a 53-week year', 'active', '2026-W53', '2027-W01' as IsoWeek, false],
  ])('should judge %s', (_label, state, week, current, stale) => {
    expect(isStale(at(state, week), staleThreshold(current))).toBe(stale);
  });
});

describe('the portfolio query in memory', () => {
  const codesOf = (projects: Project[]) => projects.map((p) => p.code);
  const matching = (filter: Parameters<typeof matchesPortfolioFilter>[1]) =>
    codesOf(ALL.filter((p) => matchesPortfolioFilter(p, filter, STALE_BEFORE)));

  it('should narrow by each filter, values within one filter being alternatives', () => {
    expect(matching({})).toEqual(['A1', 'A2', 'B1', 'B2', 'C1']);
    expect(matching({ program: ['Apollo', 'Cygnus'] })).toEqual(['A1', 'A2', 'C1']);
    expect(matching({ program: ['Apollo'], department: ['IT'] })).toEqual(['A1']);
    expect(matching({ rag: ['notReported', 'red'] })).toEqual(['A2', 'B2', 'C1']);
    expect(matching({ state: ['onHold'] })).toEqual(['C1']);
    expect(matching({ sponsor: ['sponsor-ada'] })).toEqual(['A2', 'B1']);
    expect(matching({ stale: true })).toEqual(['B1', 'B2']);
    expect(matching({ stale: false })).toEqual(['A1', 'A2', 'C1']);
    expect(matching({ involving: 'sponsor-sam' })).toEqual(['A1', 'A2', 'C1']);
    expect(matching({ involving: 'pm-1' })).toEqual(['A1', 'A2', 'B1', 'B2', 'C1']);
    expect(matching({ involving: 'nobody' })).toEqual([]);
  });

  it('should search code, title, program, department and PM name without case, never across fields', () => {
    expect(matching({ q: 'BOREALIS' })).toEqual(['B1', 'B2']);
    expect(matching({ q: 'pat man' })).toEqual(['A1', 'A2', 'B1', 'B2', 'C1']);
    expect(matching({ q: 'project c1' })).toEqual(['C1']);
    expect(matching({ q: 'apollo it' })).toEqual([]);
  });

  it('should sort by the key, ties by code ascending whatever the direction, never-reported first', () => {
    const sorted = (sort: Parameters<typeof comparePortfolio>[0], order: 'asc' | 'desc') =>
      codesOf([...ALL].sort(comparePortfolio(sort, order)));
    expect(sorted('overallRag', 'desc')).toEqual(['A2', 'B1', 'A1', 'B2', 'C1']);
    expect(sorted('lastStatus', 'asc')).toEqual(['B2', 'C1', 'B1', 'A2', 'A1']);
    expect(sorted('lastStatus', 'desc')).toEqual(['A1', 'A2', 'B1', 'B2', 'C1']);
    expect(sorted('scheduleVariance', 'desc')).toEqual(['B2', 'A1', 'C1', 'B1', 'A2']);
    expect(sorted('budgetVariance', 'asc')).toEqual(['A2', 'B1', 'B2', 'C1', 'A1']);
  });

  it('should page the sorted matches and roll up every match, not just the page', () => {
    const query: PortfolioQuery = {
      filter: { department: ['IT'] },
      sort: 'code',
      order: 'desc',
      page: 2,
      pageSize: 2,
      staleBefore: STALE_BEFORE,
    };
    const page = portfolioPageOf(ALL, query);
    expect(page.total).toBe(3);
    expect(codesOf(page.items)).toEqual(['A1']);
    expect(page.totals.projects).toBe(3);
    expect(page.totals.stale).toBe(2);
    expect(page.byProgram.map((g) => g.key)).toEqual(['Apollo', 'Borealis']);
  });
});
