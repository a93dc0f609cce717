import type { LatestStatus } from '../domain/project';
import { projectUpdateFromReport } from '../domain/status-report';
import type { Store } from '../store/store';
import type { DemoData, DemoOptions } from './demo-data';
import { DEMO_DEFAULTS, generateDemoData } from './demo-data';

export interface SeedSummary {
  people: number;
  projects: number;
  /** Distinct (project, week) reports. */
  statusReports: number;
  /** Resubmissions: each kept the earlier answer as a revision. */
  revisions: number;
  risks: number;
  issues: number;
  decisionLog: number;
  changeRequests: number;
  decisions: number;
  statusRequests: number;
  stakeholders: number;
  elapsedMs: number;
}

/** Writes per batch: large enough that commits are cheap, small enough that progress shows. */
const BATCH = 5_000;

/**
 * Writes demo data through the Store interface only, in dependency order: people, projects, status reports
 * (oldest first, each with the project update the domain derives), the weekly status requests, RAID,
 * change requests, decisions, the stakeholder registers.
 * Stores that offer `runInBatch` get the writes grouped into few transactions; others get one per write.
 */
export async function seedStore(
  store: Store,
  data: DemoData,
  onProgress?: (msg: string) => void,
): Promise<SeedSummary> {
  const started = performance.now();
  const progress = onProgress ?? (() => undefined);
  const inBatch = <T>(work: () => Promise<T>): Promise<T> =>
    store.runInBatch ? store.runInBatch(work) : work();

  /** Runs `write` over `items` in batches, reporting progress about every tenth of the way. */
  async function writeAll<T>(
    label: string,
    items: readonly T[],
    write: (item: T) => Promise<unknown>,
  ): Promise<void> {
    const step = Math.max(BATCH, Math.ceil(items.length / 10));
    let nextReport = step;
    for (let i = 0; i < items.length; i += BATCH) {
      const chunk = items.slice(i, i + BATCH);
      await inBatch(async () => {
        for (const item of chunk) await write(item);
      });
      const done = Math.min(items.length, i + BATCH);
      if (done >= nextReport || done === items.length) {
        progress(`${label}: ${done.toLocaleString('en-US')} of ${items.length.toLocaleString('en-US')}`);
        nextReport += step;
      }
    }
  }

  await writeAll('people', data.people, (p) => store.upsertPerson(p));
  await writeAll('projects', data.projects, (p) => store.createProject(p));

  // The seeder is the only writer, so it knows each project's latest status without reading it back.
  const latest = new Map<string, LatestStatus>();
  // Only a project's newest week decides its latest-status fields; copying every older week onto the
  // project first would rewrite its row (and every index on it) 50 times for the same end state.
  const newestWeek = new Map<string, string>();
  for (const r of data.statusReports) {
    if ((newestWeek.get(r.projectId) ?? '') < r.week) newestWeek.set(r.projectId, r.week);
  }
  let revisions = 0;
  await writeAll('status reports', data.statusReports, async (report) => {
    const projectUpdate =
      newestWeek.get(report.projectId) === report.week
        ? projectUpdateFromReport({ latestStatus: latest.get(report.projectId) ?? null }, report)
        : null;
    const saved = await store.saveStatusReport({ report, projectUpdate });
    if (!saved.created) revisions += 1;
    if (projectUpdate) latest.set(report.projectId, projectUpdate.latestStatus);
  });

  await writeAll('status requests', data.statusRequests, (r) => store.createStatusRequest(r));
  await writeAll('RAID items', data.raidItems, (item) => store.createRaidItem(item));
  await writeAll('change requests', data.changeRequests, (cr) => store.createChangeRequest(cr));
  await writeAll('decisions', data.decisions, (d) => store.appendDecision(d));
  await writeAll('stakeholders', data.stakeholders, (s) => store.createStakeholder(s));

  const count = (kind: string) => data.raidItems.filter((r) => r.kind === kind).length;
  return {
    people: data.people.length,
    projects: data.projects.length,
    statusReports: data.statusReports.length - revisions,
    revisions,
    risks: count('risk'),
    issues: count('issue'),
    decisionLog: count('decision'),
    changeRequests: data.changeRequests.length,
    decisions: data.decisions.length,
    statusRequests: data.statusRequests.length,
    stakeholders: data.stakeholders.length,
    elapsedMs: Math.round(performance.now() - started),
  };
}

export type SeedIfEmptyOptions = Omit<DemoOptions, 'projects' | 'weeks'> &
  Partial<Pick<DemoOptions, 'projects' | 'weeks'>> & { onProgress?: (msg: string) => void };

/**
 * Generates and seeds the demo only when the store has no project yet (start-up of a fresh install).
 * Returns the summary, or null when the store already had data.
 */
export async function seedIfEmpty(store: Store, options: SeedIfEmptyOptions): Promise<SeedSummary | null> {
  if (!(await store.isEmpty())) return null;
  const data = generateDemoData({
    projects: options.projects ?? DEMO_DEFAULTS.projects,
    weeks: options.weeks ?? DEMO_DEFAULTS.weeks,
    seed: options.seed ?? DEMO_DEFAULTS.seed,
    now: options.now,
    pmoTimeZone: options.pmoTimeZone,
  });
  return seedStore(store, data, options.onProgress);
}
