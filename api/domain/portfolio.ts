import type { IsoWeek } from './iso-week';
import type { PersonRef } from './people';
import type { Project, ProjectPhase, ProjectState } from './project';
import { budgetVariance, isStale, overallRagOf, phaseRank, scheduleVarianceDays } from './project';
import type { RagOrNone } from './rag';
import { ragRank } from './rag';

export const PORTFOLIO_SORTS = [
  'code',
  'title',
  'program',
  'department',
  'projectManager',
  'phase',
  'overallRag',
  'percentComplete',
  'budgetVariance',
  'scheduleVariance',
  'lastStatus',
  'forecastFinish',
] as const;
export type PortfolioSort = (typeof PORTFOLIO_SORTS)[number];

/** Every filter narrows; values inside one filter are alternatives (program A or B). */
export interface PortfolioFilter {
  program?: string[];
  department?: string[];
  rag?: RagOrNone[];
  phase?: ProjectPhase[];
  state?: ProjectState[];
  /** Entra object ids of project managers. */
  pm?: string[];
  /** Entra object ids of sponsors. */
  sponsor?: string[];
  /** Free text matched against code, title, program, department and PM name, case-insensitively. */
  q?: string;
  /** true: only stale projects; false: only fresh ones. */
  stale?: boolean;
  /**
   * Set by the service, never by the caller: restricts the portfolio to projects where this person is
   * PM, delegate or sponsor (what a non-PMO caller may see).
   */
  involving?: string;
}

export interface PortfolioQuery {
  filter: PortfolioFilter;
  /**
   * Ties are broken by project code, ascending, whatever the order, so pages never overlap. `phase`
   * sorts in lifecycle order (`phaseRank`), `overallRag` by severity (`ragRank`).
   */
  sort: PortfolioSort;
  order: 'asc' | 'desc';
  /** 1-based. */
  page: number;
  pageSize: number;
  /** A project whose latest report is older than this week is stale (see `staleThreshold`). */
  staleBefore: IsoWeek;
}

/** Sums and counts over a set of projects: what storage can add up without knowing the rules. */
export interface RollupTotals {
  projects: number;
  rag: Record<RagOrNone, number>;
  baseline: number;
  approved: number;
  actualCost: number;
  forecastAtCompletion: number;
  scheduleVarianceDays: number;
  /** Projects whose forecast finish is after their baseline finish. */
  slipping: number;
  stale: number;
}

export interface PortfolioRollups {
  totals: RollupTotals;
  byProgram: Array<{ key: string; totals: RollupTotals }>;
  byDepartment: Array<{ key: string; totals: RollupTotals }>;
  bySponsor: Array<{ sponsor: PersonRef; totals: RollupTotals }>;
}

/** One page of the portfolio plus the roll-ups over every project that matched (not just the page). */
export interface PortfolioPage extends PortfolioRollups {
  total: number;
  items: Project[];
}

export function emptyTotals(): RollupTotals {
  return {
    projects: 0,
    rag: { green: 0, amber: 0, red: 0, notReported: 0 },
    baseline: 0,
    approved: 0,
    actualCost: 0,
    forecastAtCompletion: 0,
    scheduleVarianceDays: 0,
    slipping: 0,
    stale: 0,
  };
}

/** Adds one project to running totals (in place). Stores that cannot aggregate natively use this. */
export function addToTotals(totals: RollupTotals, project: Project, staleBefore: IsoWeek): RollupTotals {
  const slip = scheduleVarianceDays(project);
  totals.projects += 1;
  totals.rag[overallRagOf(project)] += 1;
  totals.baseline += project.budget.baseline;
  totals.approved += project.budget.approved;
  totals.actualCost += project.budget.actualCost;
  totals.forecastAtCompletion += project.budget.forecastAtCompletion;
  totals.scheduleVarianceDays += slip;
  if (slip > 0) totals.slipping += 1;
  if (isStale(project, staleBefore)) totals.stale += 1;
  return totals;
}

/** Roll-ups of a project list, grouped as the dashboard shows them. Pure; the reference for every store. */
export function rollUp(projects: readonly Project[], staleBefore: IsoWeek): PortfolioRollups {
  const totals = emptyTotals();
  const programs = new Map<string, RollupTotals>();
  const departments = new Map<string, RollupTotals>();
  const sponsors = new Map<string, { sponsor: PersonRef; totals: RollupTotals }>();
  const into = (map: Map<string, RollupTotals>, key: string, p: Project) => {
    let t = map.get(key);
    if (!t) map.set(key, (t = emptyTotals()));
    addToTotals(t, p, staleBefore);
  };
  for (const p of projects) {
    addToTotals(totals, p, staleBefore);
    into(programs, p.program, p);
    into(departments, p.department, p);
    for (const s of p.sponsors) {
      let entry = sponsors.get(s.id);
      if (!entry) sponsors.set(s.id, (entry = { sponsor: s, totals: emptyTotals() }));
      addToTotals(entry.totals, p, staleBefore);
    }
  }
  const byKey = <T>(m: Map<string, T>) =>
    [...m.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, t]) => ({ key, totals: t }));
  return {
    totals,
    byProgram: byKey(programs),
    byDepartment: byKey(departments),
    bySponsor: [...sponsors.values()].sort((a, b) => a.sponsor.name.localeCompare(b.sponsor.name)),
  };
}

/** The figures a PMO reads off a set of projects. */
export interface PortfolioSummary {
  projects: number;
  byOverallRag: Record<RagOrNone, number>;
  budget: {
    baseline: number;
    approved: number;
    actualCost: number;
    forecastAtCompletion: number;
    /** Forecast at completion minus approved: positive is an overrun. */
    variance: number;
    /** Variance as a percentage of the approved budget (null when nothing is approved). */
    variancePercent: number | null;
  };
  schedule: {
    /** Mean days late (negative: early) of forecast finish against baseline finish. */
    averageVarianceDays: number;
    slipping: number;
  };
  stale: number;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export function summarize(t: RollupTotals): PortfolioSummary {
  const variance = t.forecastAtCompletion - t.approved;
  return {
    projects: t.projects,
    byOverallRag: { ...t.rag },
    budget: {
      baseline: round2(t.baseline),
      approved: round2(t.approved),
      actualCost: round2(t.actualCost),
      forecastAtCompletion: round2(t.forecastAtCompletion),
      variance: round2(variance),
      variancePercent: t.approved > 0 ? round2((variance / t.approved) * 100) : null,
    },
    schedule: {
      averageVarianceDays: t.projects > 0 ? round2(t.scheduleVarianceDays / t.projects) : 0,
      slipping: t.slipping,
    },
    stale: t.stale,
  };
}

/** A portfolio row: the project plus what the rules derive from it. */
export interface PortfolioRow {
  project: Project;
  overallRag: RagOrNone;
  budgetVariance: number;
  scheduleVarianceDays: number;
  stale: boolean;
}

export function toRow(project: Project, staleBefore: IsoWeek): PortfolioRow {
  return {
    project,
    overallRag: overallRagOf(project),
    budgetVariance: budgetVariance(project.budget),
    scheduleVarianceDays: scheduleVarianceDays(project),
    stale: isStale(project, staleBefore),
  };
}

// ---- the portfolio query over projects in memory (stores that cannot filter and sort natively) ----

/** Whether a project passes every filter (what `PortfolioFilter` documents). */
export function matchesPortfolioFilter(p: Project, f: PortfolioFilter, staleBefore: IsoWeek): boolean {
  const allows = <T>(values: readonly T[] | undefined, value: T) => !values?.length || values.includes(value);
  if (!allows(f.program, p.program) || !allows(f.department, p.department)) return false;
  if (!allows(f.rag, overallRagOf(p)) || !allows(f.phase, p.phase) || !allows(f.state, p.state)) return false;
  if (!allows(f.pm, p.projectManager.id)) return false;
  if (f.sponsor?.length && !p.sponsors.some((s) => f.sponsor!.includes(s.id))) return false;
  if (f.q) {
    const needle = f.q.toLowerCase();
    const fields = [p.code, p.title, p.program, p.department, p.projectManager.name];
    if (!fields.some((field) => field.toLowerCase().includes(needle))) return false;
  }
  if (f.stale !== undefined && isStale(p, staleBefore) !== f.stale) return false;
  if (f.involving) {
    const people = [p.projectManager, ...p.delegates, ...p.sponsors];
    if (!people.some((person) => person.id === f.involving)) return false;
  }
  return true;
}

type SortKey = string | number | null;
const SORT_KEYS: Record<PortfolioSort, (p: Project) => SortKey> = {
  code: (p) => p.code,
  title: (p) => p.title,
  program: (p) => p.program,
  department: (p) => p.department,
  projectManager: (p) => p.projectManager.name,
  phase: (p) => phaseRank(p.phase),
  overallRag: (p) => ragRank(overallRagOf(p)),
  percentComplete: (p) => p.percentComplete,
  budgetVariance: (p) => budgetVariance(p.budget),
  scheduleVariance: (p) => scheduleVarianceDays(p),
  // Never reported sorts first ascending, as SQL sorts NULL.
  lastStatus: (p) => p.latestStatus?.week ?? null,
  forecastFinish: (p) => p.forecastFinish,
};

/** Code-unit order, as the SQL store compares text (not locale order: pages must be stable). */
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function byKey(a: SortKey, b: SortKey): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return byText(String(a), String(b));
}

/** The portfolio order: the sort key in the asked direction, ties by code ascending. */
export function comparePortfolio(
  sort: PortfolioSort,
  order: 'asc' | 'desc',
): (a: Project, b: Project) => number {
  const key = SORT_KEYS[sort];
  const direction = order === 'asc' ? 1 : -1;
  return (a, b) => direction * byKey(key(a), key(b)) || byText(a.code, b.code);
}

/** One page of `projects` for `query`, with the roll-ups over every match. */
export function portfolioPageOf(projects: readonly Project[], query: PortfolioQuery): PortfolioPage {
  const matches = projects.filter((p) => matchesPortfolioFilter(p, query.filter, query.staleBefore));
  matches.sort(comparePortfolio(query.sort, query.order));
  const start = (query.page - 1) * query.pageSize;
  return {
    total: matches.length,
    items: matches.slice(start, start + query.pageSize),
    ...rollUp(matches, query.staleBefore),
  };
}
