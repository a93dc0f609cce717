import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { ChangeRequest, ChangeRequestState, Decision } from '../../domain/change-request';
import { ConflictError, NotFoundError } from '../../domain/errors';
import type { IsoWeek } from '../../domain/iso-week';
import type { Person, PersonRef } from '../../domain/people';
import type {
  PortfolioFilter,
  PortfolioPage,
  PortfolioQuery,
  PortfolioRollups,
  PortfolioSort,
  RollupTotals,
} from '../../domain/portfolio';
import type { NewProject, Project, ProjectChanges } from '../../domain/project';
import { budgetVariance, overallRagOf, phaseRank, scheduleVarianceDays } from '../../domain/project';
import { ragRank } from '../../domain/rag';
import type { RagHistoryEntry } from '../../domain/rag-history';
import type { RaidItemOf, RaidKind, RaidStatusOf } from '../../domain/raid';
import type { StatusReport, StatusReportRevision } from '../../domain/status-report';
import type { ConversationRecord, DeliveryRecord } from '../../domain/bot-delivery';
import type { StatusRequest, StatusRequestState } from '../../domain/status-request';
import type { Stakeholder } from '../../domain/stakeholder';
import { stakeholderKey } from '../../domain/stakeholder';
import type { SavedStatusReport, SaveStatusReport, Store } from '../store';
import { MIGRATIONS } from './migrations';
import type { ProjectRow } from './project-row';
import { projectFromRow, projectToRow } from './project-row';

type Params = Record<string, string | number | null>;

const ROLLUP_CACHE_SIZE = 64;

/** The project columns a status report changes: its latest status and what the domain derives from it. */
const STATUS_COLUMNS = [
  'last_status_week',
  'last_status_at',
  'overall_rag',
  'overall_rank',
  'schedule_rag',
  'budget_rag',
  'scope_rag',
  'resources_rag',
  'percent_complete',
  'actual_cost',
  'forecast_finish',
  'budget_variance',
  'schedule_variance_days',
] as const satisfies ReadonlyArray<keyof ProjectRow>;
const STATEMENT_CACHE_SIZE = 500;

/** Column each portfolio sort orders by; ties are broken by code, ascending, so paging is stable. */
const SORT_COLUMNS: Record<PortfolioSort, string> = {
  code: 'p.code',
  title: 'p.title',
  program: 'p.program',
  department: 'p.department',
  projectManager: 'p.pm_name',
  phase: 'p.phase_rank',
  overallRag: 'p.overall_rank',
  percentComplete: 'p.percent_complete',
  budgetVariance: 'p.budget_variance',
  scheduleVariance: 'p.schedule_variance_days',
  lastStatus: 'p.last_status_week',
  forecastFinish: 'p.forecast_finish',
};

const TOTALS_COLUMNS = `
  count(*) AS projects,
  coalesce(sum(p.overall_rag = 'green'), 0) AS green,
  coalesce(sum(p.overall_rag = 'amber'), 0) AS amber,
  coalesce(sum(p.overall_rag = 'red'), 0) AS red,
  coalesce(sum(p.overall_rag = 'notReported'), 0) AS notReported,
  coalesce(sum(p.budget_baseline), 0) AS baseline,
  coalesce(sum(p.budget_approved), 0) AS approved,
  coalesce(sum(p.actual_cost), 0) AS actualCost,
  coalesce(sum(p.forecast_at_completion), 0) AS forecastAtCompletion,
  coalesce(sum(p.schedule_variance_days), 0) AS scheduleVarianceDays,
  coalesce(sum(p.schedule_variance_days > 0), 0) AS slipping,
  coalesce(sum(${staleCondition()}), 0) AS stale`;

/** Mirrors the domain's `isStale` so the store can filter and count on it (the contract suite checks they agree). */
function staleCondition(): string {
  return `(p.state = 'active' AND (p.last_status_week IS NULL OR p.last_status_week < @staleBefore))`;
}

interface TotalsRow {
  projects: number;
  green: number;
  amber: number;
  red: number;
  notReported: number;
  baseline: number;
  approved: number;
  actualCost: number;
  forecastAtCompletion: number;
  scheduleVarianceDays: number;
  slipping: number;
  stale: number;
}

function toTotals(r: TotalsRow): RollupTotals {
  return {
    projects: r.projects,
    rag: { green: r.green, amber: r.amber, red: r.red, notReported: r.notReported },
    baseline: r.baseline,
    approved: r.approved,
    actualCost: r.actualCost,
    forecastAtCompletion: r.forecastAtCompletion,
    scheduleVarianceDays: r.scheduleVarianceDays,
    slipping: r.slipping,
    stale: r.stale,
  };
}

/** `%` and `_` in user text are literal, not wildcards. */
function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export interface SqliteStoreOptions {
  /** A file path, or `:memory:` for tests. */
  path: string;
}

/** The embedded default store: one SQLite file, WAL, versioned migrations, zero set-up. */
export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  private readonly db: Database.Database;
  /** Bumped by every write to projects; part of the roll-up cache's validity stamp. */
  private generation = 0;
  private readonly rollupCache = new Map<string, { stamp: string; value: PortfolioRollups }>();
  private readonly statements = new Map<string, Database.Statement>();

  constructor(options: SqliteStoreOptions) {
    if (options.path !== ':memory:')
      fs.mkdirSync(path.dirname(path.resolve(options.path)), { recursive: true });
    this.db = new Database(options.path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    // Two processes on one file (a second instance, the seeding CLI) wait for each other's writes.
    this.db.pragma('busy_timeout = 5000');
    this.migrate();
  }

  /** The schema version the file is at (the last migration applied). */
  get schemaVersion(): number {
    return this.db.pragma('user_version', { simple: true }) as number;
  }

  private migrate(): void {
    for (const m of MIGRATIONS) {
      if (m.version <= this.schemaVersion) continue;
      this.db
        .transaction(() => {
          this.db.exec(m.sql);
          this.db.pragma(`user_version = ${m.version}`);
        })
        .immediate();
    }
  }

  /** For benchmarks and diagnostics only: the raw connection. */
  get connection(): Database.Database {
    return this.db;
  }

  async close(): Promise<void> {
    this.db.close();
  }

  /**
   * Bulk jobs (seeding): one IMMEDIATE transaction around `work`. The methods' own `db.transaction()`
   * calls see `db.inTransaction` and become savepoints, so a failing write still undoes only itself, and
   * a throw from `work` rolls everything back. Nested calls join the outer batch.
   */
  async runInBatch<T>(work: () => Promise<T>): Promise<T> {
    if (this.db.inTransaction) return work();
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const result = await work();
      this.db.exec('COMMIT');
      return result;
    } catch (err) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw err;
    }
  }

  // ---- people ----

  async upsertPerson(person: Person): Promise<Person> {
    this.statement(
      `INSERT INTO people (id, name, email, email_lower, department, job_title, time_zone, updated_at)
         VALUES (@id, @name, @email, @emailLower, @department, @jobTitle, @timeZone, @updatedAt)
         ON CONFLICT(id) DO UPDATE SET name = excluded.name, email = excluded.email,
           email_lower = excluded.email_lower,
           department = coalesce(excluded.department, people.department),
           job_title = coalesce(excluded.job_title, people.job_title),
           time_zone = coalesce(excluded.time_zone, people.time_zone),
           updated_at = excluded.updated_at`,
    ).run({
      id: person.id,
      name: person.name,
      email: person.email,
      emailLower: person.email.toLowerCase(),
      department: person.department ?? null,
      jobTitle: person.jobTitle ?? null,
      timeZone: person.timeZone ?? null,
      updatedAt: new Date().toISOString(),
    });
    return (await this.getPerson(person.id)) as Person;
  }

  async getPerson(id: string): Promise<Person | undefined> {
    const row = this.statement('SELECT * FROM people WHERE id = ?').get(id) as PersonRow | undefined;
    return row && personFromRow(row);
  }

  async findPersonByEmail(email: string): Promise<Person | undefined> {
    const row = this.statement('SELECT * FROM people WHERE email_lower = ? ORDER BY id LIMIT 1').get(
      email.toLowerCase(),
    ) as PersonRow | undefined;
    return row && personFromRow(row);
  }

  async setAway(personId: string, until: string | null): Promise<Person> {
    const result = this.statement('UPDATE people SET away_until = ?, updated_at = ? WHERE id = ?').run(
      until,
      new Date().toISOString(),
      personId,
    );
    if (result.changes !== 1) throw new NotFoundError('Person', personId);
    return (await this.getPerson(personId)) as Person;
  }

  async listPeople(): Promise<Person[]> {
    return (this.statement('SELECT * FROM people ORDER BY name, id').all() as PersonRow[]).map(personFromRow);
  }

  // ---- projects ----

  async isEmpty(): Promise<boolean> {
    return this.statement('SELECT 1 FROM projects LIMIT 1').get() === undefined;
  }

  async createProject(input: NewProject & { id: string; createdAt: string }): Promise<Project> {
    const project: Project = {
      ...input,
      latestStatus: null,
      updatedAt: input.createdAt,
      version: 1,
    };
    this.db
      .transaction(() => {
        if (this.statement('SELECT 1 FROM projects WHERE code = ?').get(project.code)) {
          throw new ConflictError(`A project with code '${project.code}' already exists.`);
        }
        this.insertProjectRow(project);
      })
      .immediate();
    return project;
  }

  private insertProjectRow(project: Project): void {
    const row = projectToRow(project, derivedColumns(project));
    const columns = Object.keys(row);
    this.statement(
      `INSERT INTO projects (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
    ).run(row);
    this.writeProjectPeople(project);
  }

  private writeProjectPeople(project: Project): void {
    // Every write to a project passes here (insert and replace): the cached roll-ups are now stale.
    this.generation += 1;
    this.statement('DELETE FROM project_people WHERE project_id = ?').run(project.id);
    const insert = this.statement(
      `INSERT OR IGNORE INTO project_people (project_id, person_id, role, person_name, person_email)
       VALUES (?, ?, ?, ?, ?)`,
    );
    const add = (role: string, p: PersonRef) => insert.run(project.id, p.id, role, p.name, p.email);
    add('projectManager', project.projectManager);
    project.delegates.forEach((d) => add('delegate', d));
    project.sponsors.forEach((s) => add('sponsor', s));
  }

  async getProject(id: string): Promise<Project | undefined> {
    const row = this.statement('SELECT * FROM projects WHERE id = ?').get(id) as ProjectRow | undefined;
    return row && projectFromRow(row);
  }

  async getProjectByCode(code: string): Promise<Project | undefined> {
    const row = this.statement('SELECT * FROM projects WHERE code = ?').get(code) as ProjectRow | undefined;
    return row && projectFromRow(row);
  }

  async updateProject(
    id: string,
    changes: ProjectChanges,
    expectedVersion: number,
    at: string,
  ): Promise<Project> {
    return this.db
      .transaction(() => {
        const current = this.requireProject(id);
        if (current.version !== expectedVersion) {
          throw new ConflictError(
            `Project ${current.code} has changed since version ${expectedVersion} (now ${current.version}): reload and try again.`,
            current.version,
          );
        }
        const next: Project = { ...current, ...changes, updatedAt: at, version: current.version + 1 };
        this.replaceProjectRow(next, current.version);
        return next;
      })
      .immediate();
  }

  private requireProject(id: string): Project {
    const row = this.statement('SELECT * FROM projects WHERE id = ?').get(id) as ProjectRow | undefined;
    if (!row) throw new NotFoundError('Project', id);
    return projectFromRow(row);
  }

  /**
   * Writes `next` over the stored row at `expectedVersion`. `only` limits the columns written (a status
   * report changes a handful, and leaves the people rows alone); version and updated_at always go.
   */
  private replaceProjectRow(
    next: Project,
    expectedVersion: number,
    only?: ReadonlyArray<keyof ProjectRow>,
  ): void {
    const row = projectToRow(next, derivedColumns(next));
    const columns = only ? [...only, 'updated_at', 'version'] : Object.keys(row).filter((c) => c !== 'id');
    const result = this.statement(
      `UPDATE projects SET ${columns.map((c) => `${c} = @${c}`).join(', ')}
         WHERE id = @id AND version = @expectedVersion`,
    ).run({ ...row, expectedVersion });
    if (result.changes !== 1) throw new ConflictError(`Project ${next.code} changed during the update.`);
    if (only)
      this.generation += 1; // the people rows stay as they are, but the roll-ups are stale
    else this.writeProjectPeople(next);
  }

  async queryPortfolio(query: PortfolioQuery): Promise<PortfolioPage> {
    const { where, params } = buildWhere(query.filter);
    const allParams = { ...params, staleBefore: query.staleBefore };
    const order = query.order === 'desc' ? 'DESC' : 'ASC';
    const sortColumn = SORT_COLUMNS[query.sort];
    const rows = this.statement(
      `SELECT p.* FROM projects p ${where}
         ORDER BY ${sortColumn} ${order}, p.code ASC
         LIMIT @limit OFFSET @offset`,
    ).all({
      ...allParams,
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    }) as ProjectRow[];

    const rollups = this.rollups(where, allParams);
    return { total: rollups.totals.projects, items: rows.map(projectFromRow), ...rollups };
  }

  /**
   * Roll-ups over every match. They scan the whole filtered set, so they are cached per filter and
   * thrown away when any project changes: our own writes bump `generation`, another process's commits
   * change SQLite's `data_version`. Nothing is cached inside an open transaction (it may roll back).
   */
  private rollups(where: string, params: Params): PortfolioRollups {
    const key = JSON.stringify([where, params]);
    const stamp = `${this.generation}:${this.db.pragma('data_version', { simple: true })}`;
    const cached = this.rollupCache.get(key);
    if (cached && cached.stamp === stamp) return cached.value;

    const totals = toTotals(
      this.statement(`SELECT ${TOTALS_COLUMNS} FROM projects p ${where}`).get(params) as TotalsRow,
    );
    const grouped = (column: string) =>
      (
        this.statement(
          `SELECT ${column} AS key, ${TOTALS_COLUMNS} FROM projects p ${where} GROUP BY ${column} ORDER BY ${column}`,
        ).all(params) as Array<TotalsRow & { key: string }>
      ).map((r) => ({ key: r.key, totals: toTotals(r) }));
    const bySponsor = (
      this.statement(
        `SELECT s.person_id AS sponsorId, max(s.person_name) AS sponsorName, max(s.person_email) AS sponsorEmail,
           ${TOTALS_COLUMNS}
         FROM projects p JOIN project_people s ON s.project_id = p.id AND s.role = 'sponsor'
         ${where}
         GROUP BY s.person_id ORDER BY sponsorName, sponsorId`,
      ).all(params) as Array<TotalsRow & { sponsorId: string; sponsorName: string; sponsorEmail: string }>
    ).map((r) => ({
      sponsor: { id: r.sponsorId, name: r.sponsorName, email: r.sponsorEmail },
      totals: toTotals(r),
    }));
    const value: PortfolioRollups = {
      totals,
      byProgram: grouped('p.program'),
      byDepartment: grouped('p.department'),
      bySponsor,
    };
    if (!this.db.inTransaction) {
      this.rollupCache.delete(key);
      this.rollupCache.set(key, { stamp, value });
      // Least recently stored goes first: a Map keeps insertion order.
      if (this.rollupCache.size > ROLLUP_CACHE_SIZE)
        this.rollupCache.delete(this.rollupCache.keys().next().value as string);
    }
    return value;
  }

  /** Prepared statements, kept: the portfolio's SQL is built from a small set of shapes. */
  private statement(sql: string): Database.Statement {
    let stmt = this.statements.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      if (this.statements.size >= STATEMENT_CACHE_SIZE) this.statements.clear();
      this.statements.set(sql, stmt);
    }
    return stmt;
  }

  // ---- status reports ----

  async saveStatusReport(input: SaveStatusReport): Promise<SavedStatusReport> {
    return this.db
      .transaction(() => {
        const project = this.requireProject(input.report.projectId);
        const existing = this.readStatusReport(input.report.projectId, input.report.week);
        if (input.expectedVersion !== undefined && existing && existing.version !== input.expectedVersion) {
          throw new ConflictError(
            `The ${input.report.week} report changed since version ${input.expectedVersion} (now ${existing.version}).`,
            existing.version,
          );
        }
        if (input.expectedVersion !== undefined && !existing) {
          throw new NotFoundError('Status report', `${project.code} ${input.report.week}`);
        }
        let report: StatusReport;
        if (existing) {
          report = { ...input.report, id: existing.id, version: existing.version + 1 };
          this.statement(
            `INSERT INTO status_report_revisions (report_id, version, snapshot_json, replaced_at, replaced_by_json)
               VALUES (?, ?, ?, ?, ?)`,
          ).run(
            existing.id,
            existing.version,
            JSON.stringify(existing),
            report.submittedAt,
            JSON.stringify(report.submittedBy),
          );
          const result = this.statement(
            `UPDATE status_reports SET submitted_at = ?, overall_rag = ?, body_json = ?, version = ?
               WHERE id = ? AND version = ?`,
          ).run(
            report.submittedAt,
            report.rag.overall,
            JSON.stringify(report),
            report.version,
            existing.id,
            existing.version,
          );
          if (result.changes !== 1) throw new ConflictError('The status report changed during the update.');
        } else {
          report = { ...input.report, version: 1 };
          this.statement(
            `INSERT INTO status_reports (id, project_id, week, submitted_at, overall_rag, body_json, version)
               VALUES (?, ?, ?, ?, ?, ?, 1)`,
          ).run(
            report.id,
            report.projectId,
            report.week,
            report.submittedAt,
            report.rag.overall,
            JSON.stringify(report),
          );
        }
        const update = input.projectUpdate;
        let stored = project;
        // Guard for a race with a later week: a newer latest status is never overwritten.
        if (update && !(project.latestStatus && project.latestStatus.week > update.latestStatus.week)) {
          const next: Project = {
            ...project,
            latestStatus: update.latestStatus,
            percentComplete: update.percentComplete,
            budget: { ...project.budget, actualCost: update.actualCost },
            forecastFinish: update.forecastFinish,
            updatedAt: report.submittedAt,
            version: project.version + 1,
          };
          this.replaceProjectRow(next, project.version, STATUS_COLUMNS);
          stored = next;
        }
        return { report, created: !existing, project: stored };
      })
      .immediate();
  }

  private readStatusReport(projectId: string, week: string): StatusReport | undefined {
    const row = this.statement(
      'SELECT body_json, version FROM status_reports WHERE project_id = ? AND week = ?',
    ).get(projectId, week) as { body_json: string; version: number } | undefined;
    return row && { ...(JSON.parse(row.body_json) as StatusReport), version: row.version };
  }

  async getStatusReport(projectId: string, week: IsoWeek): Promise<StatusReport | undefined> {
    return this.readStatusReport(projectId, week);
  }

  async listStatusReports(
    projectId: string,
    options: { limit?: number; before?: IsoWeek } = {},
  ): Promise<StatusReport[]> {
    const rows = this.statement(
      `SELECT body_json, version FROM status_reports
         WHERE project_id = @projectId AND (@before IS NULL OR week < @before)
         ORDER BY week DESC LIMIT @limit`,
    ).all({ projectId, before: options.before ?? null, limit: options.limit ?? -1 }) as Array<{
      body_json: string;
      version: number;
    }>;
    return rows.map((r) => ({ ...(JSON.parse(r.body_json) as StatusReport), version: r.version }));
  }

  async listStatusReportRevisions(reportId: string): Promise<StatusReportRevision[]> {
    const rows = this.statement(
      `SELECT report_id, version, snapshot_json, replaced_at, replaced_by_json FROM status_report_revisions
         WHERE report_id = ? ORDER BY version`,
    ).all(reportId) as Array<{
      report_id: string;
      version: number;
      snapshot_json: string;
      replaced_at: string;
      replaced_by_json: string;
    }>;
    return rows.map((r) => ({
      reportId: r.report_id,
      version: r.version,
      snapshot: JSON.parse(r.snapshot_json) as StatusReport,
      replacedAt: r.replaced_at,
      replacedBy: JSON.parse(r.replaced_by_json) as PersonRef,
    }));
  }

  /** One query on the (week, project, overall) index: the report bodies are never read. */
  async listRagHistory(weeks: readonly IsoWeek[]): Promise<RagHistoryEntry[]> {
    if (weeks.length === 0) return [];
    const params: Params = {};
    return this.statement(
      `SELECT project_id AS projectId, week, overall_rag AS overall
         FROM status_reports WHERE ${inList('week', 'week', weeks, params)}
         ORDER BY week, project_id`,
    ).all(params) as RagHistoryEntry[];
  }

  // ---- RAID ----

  async createRaidItem<K extends RaidKind>(item: RaidItemOf<K>): Promise<RaidItemOf<K>> {
    const stored = { ...item, version: 1 };
    this.db
      .transaction(() => {
        this.requireProject(item.projectId);
        this.statement(
          `INSERT INTO raid_items (id, kind, project_id, status, created_at, body_json, version)
           VALUES (?, ?, ?, ?, ?, ?, 1)`,
        ).run(item.id, item.kind, item.projectId, item.status, item.createdAt, JSON.stringify(stored));
      })
      .immediate();
    return stored;
  }

  async getRaidItem<K extends RaidKind>(kind: K, id: string): Promise<RaidItemOf<K> | undefined> {
    const row = this.statement('SELECT body_json, version FROM raid_items WHERE id = ? AND kind = ?').get(
      id,
      kind,
    ) as { body_json: string; version: number } | undefined;
    return row && { ...(JSON.parse(row.body_json) as RaidItemOf<K>), version: row.version };
  }

  async updateRaidItem<K extends RaidKind>(
    item: RaidItemOf<K>,
    expectedVersion: number,
  ): Promise<RaidItemOf<K>> {
    return this.db
      .transaction(() => {
        const current = this.statement('SELECT version FROM raid_items WHERE id = ? AND kind = ?').get(
          item.id,
          item.kind,
        ) as { version: number } | undefined;
        if (!current)
          throw new NotFoundError(
            item.kind === 'decision' ? 'Decision log entry' : capital(item.kind),
            item.id,
          );
        if (current.version !== expectedVersion) {
          throw new ConflictError(
            `This ${item.kind} has changed since version ${expectedVersion} (now ${current.version}): reload and try again.`,
            current.version,
          );
        }
        const stored = { ...item, version: current.version + 1 };
        this.statement(
          'UPDATE raid_items SET status = ?, body_json = ?, version = ? WHERE id = ? AND version = ?',
        ).run(item.status, JSON.stringify(stored), stored.version, item.id, current.version);
        return stored;
      })
      .immediate();
  }

  async listRaidItems<K extends RaidKind>(kind: K, projectId: string): Promise<RaidItemOf<K>[]> {
    const rows = this.statement(
      'SELECT body_json, version FROM raid_items WHERE project_id = ? AND kind = ? ORDER BY created_at, id',
    ).all(projectId, kind) as Array<{ body_json: string; version: number }>;
    return rows.map((r) => ({ ...(JSON.parse(r.body_json) as RaidItemOf<K>), version: r.version }));
  }

  async listRaidItemsOfKind<K extends RaidKind>(
    kind: K,
    filter: { statuses?: readonly RaidStatusOf<K>[] } = {},
  ): Promise<RaidItemOf<K>[]> {
    if (filter.statuses?.length === 0) return [];
    const params: Params = { kind };
    const byStatus = filter.statuses ? ` AND ${inList('status', 'status', filter.statuses, params)}` : '';
    const rows = this.statement(
      `SELECT body_json, version FROM raid_items WHERE kind = @kind${byStatus} ORDER BY created_at, id`,
    ).all(params) as Array<{ body_json: string; version: number }>;
    return rows.map((r) => ({ ...(JSON.parse(r.body_json) as RaidItemOf<K>), version: r.version }));
  }

  // ---- change requests ----

  async createChangeRequest(cr: ChangeRequest): Promise<ChangeRequest> {
    const stored = { ...cr, version: 1 };
    this.db
      .transaction(() => {
        this.requireProject(cr.projectId);
        this.statement(
          `INSERT INTO change_requests (id, project_id, state, requested_at, body_json, version) VALUES (?, ?, ?, ?, ?, 1)`,
        ).run(cr.id, cr.projectId, cr.state, cr.requestedAt, JSON.stringify(stored));
      })
      .immediate();
    return stored;
  }

  async getChangeRequest(id: string): Promise<ChangeRequest | undefined> {
    const row = this.statement('SELECT body_json, version FROM change_requests WHERE id = ?').get(id) as
      { body_json: string; version: number } | undefined;
    return row && changeRequestFromRow(row);
  }

  async listChangeRequests(filter: {
    projectId?: string;
    state?: ChangeRequestState[];
  }): Promise<ChangeRequest[]> {
    const clauses: string[] = [];
    const params: Params = {};
    if (filter.projectId) {
      clauses.push('project_id = @projectId');
      params.projectId = filter.projectId;
    }
    if (filter.state?.length) clauses.push(inList('state', 'state', filter.state, params));
    const where = clauses.length ? `WHERE ${clauses.join(' AND ')}` : '';
    const rows = this.statement(
      `SELECT body_json, version FROM change_requests ${where} ORDER BY requested_at DESC, id`,
    ).all(params) as Array<{ body_json: string; version: number }>;
    return rows.map(changeRequestFromRow);
  }

  async appendDecision(decision: Decision): Promise<Decision> {
    this.db
      .transaction(() => {
        if (!this.statement('SELECT 1 FROM change_requests WHERE id = ?').get(decision.changeRequestId)) {
          throw new NotFoundError('Change request', decision.changeRequestId);
        }
        this.statement(
          'INSERT INTO decisions (id, change_request_id, at, body_json) VALUES (?, ?, ?, ?)',
        ).run(decision.id, decision.changeRequestId, decision.at, JSON.stringify(decision));
      })
      .immediate();
    return decision;
  }

  async listDecisions(changeRequestId: string): Promise<Decision[]> {
    const rows = this.statement(
      'SELECT body_json FROM decisions WHERE change_request_id = ? ORDER BY at, rowid',
    ).all(changeRequestId) as Array<{ body_json: string }>;
    return rows.map((r) => JSON.parse(r.body_json) as Decision);
  }

  async updateChangeRequest(cr: ChangeRequest, expectedVersion: number): Promise<ChangeRequest> {
    return this.db.transaction(() => this.writeChangeRequest(cr, expectedVersion)).immediate();
  }

  private writeChangeRequest(cr: ChangeRequest, expectedVersion: number): ChangeRequest {
    const current = this.statement('SELECT version FROM change_requests WHERE id = ?').get(cr.id) as
      { version: number } | undefined;
    if (!current) throw new NotFoundError('Change request', cr.id);
    if (current.version !== expectedVersion) {
      throw new ConflictError(
        `The change request changed since version ${expectedVersion} (now ${current.version}).`,
        current.version,
      );
    }
    const stored = { ...cr, version: current.version + 1 };
    this.statement('UPDATE change_requests SET state = ?, body_json = ?, version = ? WHERE id = ?').run(
      stored.state,
      JSON.stringify(stored),
      stored.version,
      stored.id,
    );
    return stored;
  }

  async recordDecision(input: {
    decision: Decision;
    changeRequest: ChangeRequest;
    expectedVersion: number;
  }): Promise<{ decision: Decision; changeRequest: ChangeRequest }> {
    return this.db
      .transaction(() => {
        const changeRequest = this.writeChangeRequest(input.changeRequest, input.expectedVersion);
        this.statement(
          'INSERT INTO decisions (id, change_request_id, at, body_json) VALUES (?, ?, ?, ?)',
        ).run(
          input.decision.id,
          input.decision.changeRequestId,
          input.decision.at,
          JSON.stringify(input.decision),
        );
        return { decision: input.decision, changeRequest };
      })
      .immediate();
  }

  // ---- the weekly status cycle ----

  async createStatusRequest(request: StatusRequest): Promise<{ request: StatusRequest; created: boolean }> {
    return this.db
      .transaction(() => {
        this.requireProject(request.projectId);
        const stored = { ...request, version: 1 };
        const result = this.statement(
          `INSERT INTO status_requests (id, project_id, week, state, body_json, version)
             VALUES (?, ?, ?, ?, ?, 1) ON CONFLICT (project_id, week) DO NOTHING`,
        ).run(stored.id, stored.projectId, stored.week, stored.state, JSON.stringify(stored));
        if (result.changes === 1) return { request: stored, created: true };
        return { request: this.readStatusRequest(request.projectId, request.week)!, created: false };
      })
      .immediate();
  }

  private readStatusRequest(projectId: string, week: string): StatusRequest | undefined {
    const row = this.statement(
      'SELECT body_json, version FROM status_requests WHERE project_id = ? AND week = ?',
    ).get(projectId, week) as { body_json: string; version: number } | undefined;
    return row && { ...(JSON.parse(row.body_json) as StatusRequest), version: row.version };
  }

  async getStatusRequest(id: string): Promise<StatusRequest | undefined> {
    const row = this.statement('SELECT body_json, version FROM status_requests WHERE id = ?').get(id) as
      { body_json: string; version: number } | undefined;
    return row && { ...(JSON.parse(row.body_json) as StatusRequest), version: row.version };
  }

  async findStatusRequest(projectId: string, week: IsoWeek): Promise<StatusRequest | undefined> {
    return this.readStatusRequest(projectId, week);
  }

  async updateStatusRequest(request: StatusRequest, expectedVersion: number): Promise<StatusRequest> {
    return this.db
      .transaction(() => {
        const current = this.statement('SELECT version FROM status_requests WHERE id = ?').get(request.id) as
          { version: number } | undefined;
        if (!current) throw new NotFoundError('Status request', request.id);
        if (current.version !== expectedVersion) {
          throw new ConflictError(
            `The status request changed since version ${expectedVersion} (now ${current.version}).`,
            current.version,
          );
        }
        const stored = { ...request, version: current.version + 1 };
        this.statement('UPDATE status_requests SET state = ?, body_json = ?, version = ? WHERE id = ?').run(
          stored.state,
          JSON.stringify(stored),
          stored.version,
          stored.id,
        );
        return stored;
      })
      .immediate();
  }

  async listStatusRequests(filter: {
    week?: IsoWeek;
    states?: StatusRequestState[];
    projectId?: string;
  }): Promise<StatusRequest[]> {
    const clauses: string[] = [];
    const params: Params = {};
    if (filter.week) {
      clauses.push('week = @week');
      params.week = filter.week;
    }
    if (filter.projectId) {
      clauses.push('project_id = @projectId');
      params.projectId = filter.projectId;
    }
    if (filter.states?.length) clauses.push(inList('state', 'state', filter.states, params));
    const where = clauses.length ? `WHERE ${clauses.join(' AND ')}` : '';
    const rows = this.statement(
      `SELECT body_json, version FROM status_requests ${where} ORDER BY week, project_id`,
    ).all(params) as Array<{ body_json: string; version: number }>;
    return rows.map((r) => ({ ...(JSON.parse(r.body_json) as StatusRequest), version: r.version }));
  }

  // ---- the stakeholder register ----

  async createStakeholder(stakeholder: Stakeholder): Promise<Stakeholder> {
    const stored = { ...stakeholder, version: 1 };
    const result = this.statement(
      `INSERT INTO stakeholders (id, scope_kind, scope_id, natural_key, body_json, version)
         VALUES (?, ?, ?, ?, ?, 1) ON CONFLICT DO NOTHING`,
    ).run(stored.id, stored.scope.kind, stored.scope.id, stakeholderKey(stored), JSON.stringify(stored));
    if (result.changes !== 1)
      throw new ConflictError(`This stakeholder is already in the ${stored.scope.kind}'s register.`);
    return stored;
  }

  async getStakeholder(id: string): Promise<Stakeholder | undefined> {
    const row = this.statement('SELECT body_json, version FROM stakeholders WHERE id = ?').get(id) as
      { body_json: string; version: number } | undefined;
    return row && stakeholderFromRow(row);
  }

  async updateStakeholder(stakeholder: Stakeholder, expectedVersion: number): Promise<Stakeholder> {
    return this.db
      .transaction(() => {
        this.stakeholderAt(stakeholder.id, expectedVersion);
        const stored = { ...stakeholder, version: expectedVersion + 1 };
        const clash = this.statement('SELECT id FROM stakeholders WHERE natural_key = ? AND id <> ?').get(
          stakeholderKey(stored),
          stored.id,
        );
        if (clash)
          throw new ConflictError(`This stakeholder is already in the ${stored.scope.kind}'s register.`);
        this.statement(
          `UPDATE stakeholders SET scope_kind = ?, scope_id = ?, natural_key = ?, body_json = ?, version = ?
             WHERE id = ?`,
        ).run(
          stored.scope.kind,
          stored.scope.id,
          stakeholderKey(stored),
          JSON.stringify(stored),
          stored.version,
          stored.id,
        );
        return stored;
      })
      .immediate();
  }

  async deleteStakeholder(id: string, expectedVersion: number): Promise<void> {
    this.db
      .transaction(() => {
        this.stakeholderAt(id, expectedVersion);
        this.statement('DELETE FROM stakeholders WHERE id = ?').run(id);
      })
      .immediate();
  }

  private stakeholderAt(id: string, expectedVersion: number): void {
    const current = this.statement('SELECT version FROM stakeholders WHERE id = ?').get(id) as
      { version: number } | undefined;
    if (!current) throw new NotFoundError('Stakeholder', id);
    if (current.version !== expectedVersion) {
      throw new ConflictError(
        `This stakeholder changed since version ${expectedVersion} (now ${current.version}): reload and try again.`,
        current.version,
      );
    }
  }

  async listStakeholders(filter: { projectId?: string; program?: string }): Promise<Stakeholder[]> {
    const clauses: string[] = [];
    const params: Params = {};
    if (filter.projectId !== undefined) {
      clauses.push("(scope_kind = 'project' AND scope_id = @projectId)");
      params.projectId = filter.projectId;
    }
    if (filter.program !== undefined) {
      clauses.push("(scope_kind = 'program' AND scope_id = @program)");
      params.program = filter.program;
    }
    const where = clauses.length ? `WHERE ${clauses.join(' OR ')}` : '';
    const rows = this.statement(
      `SELECT body_json, version FROM stakeholders ${where}
         ORDER BY CASE scope_kind WHEN 'program' THEN 0 ELSE 1 END, scope_id, id`,
    ).all(params) as Array<{ body_json: string; version: number }>;
    return rows.map(stakeholderFromRow);
  }

  async saveConversation(record: ConversationRecord): Promise<void> {
    this.statement(
      `INSERT INTO conversations (key, body_json, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET body_json = excluded.body_json, updated_at = excluded.updated_at`,
    ).run(record.key, JSON.stringify(record), record.updatedAt);
  }

  async getConversation(key: string): Promise<ConversationRecord | undefined> {
    const row = this.statement('SELECT body_json FROM conversations WHERE key = ?').get(key) as
      { body_json: string } | undefined;
    return row && (JSON.parse(row.body_json) as ConversationRecord);
  }

  async deleteConversation(key: string): Promise<void> {
    this.statement('DELETE FROM conversations WHERE key = ?').run(key);
  }

  async getDelivery(key: string): Promise<DeliveryRecord | undefined> {
    const row = this.statement('SELECT body_json FROM deliveries WHERE key = ?').get(key) as
      { body_json: string } | undefined;
    return row && (JSON.parse(row.body_json) as DeliveryRecord);
  }

  async claimDelivery(record: DeliveryRecord): Promise<boolean> {
    const result = this.statement(
      `INSERT INTO deliveries (key, state, recipient_id, body_json, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (key) DO NOTHING`,
    ).run(record.key, record.state, record.recipientId, JSON.stringify(record), record.updatedAt);
    return result.changes === 1;
  }

  async saveDelivery(record: DeliveryRecord): Promise<void> {
    this.statement(
      `INSERT INTO deliveries (key, state, recipient_id, body_json, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET state = excluded.state, body_json = excluded.body_json,
           updated_at = excluded.updated_at`,
    ).run(record.key, record.state, record.recipientId, JSON.stringify(record), record.updatedAt);
  }
}

function stakeholderFromRow(r: { body_json: string; version: number }): Stakeholder {
  return { ...(JSON.parse(r.body_json) as Stakeholder), version: r.version };
}

/** Requests stored before they kept a history read back with an empty one. */
function changeRequestFromRow(r: { body_json: string; version: number }): ChangeRequest {
  const cr = JSON.parse(r.body_json) as ChangeRequest;
  return { ...cr, history: cr.history ?? [], version: r.version };
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const SEARCH_SEPARATOR = '\u001f';

/** The columns the domain derives, computed by the domain's own functions at write time. */
function derivedColumns(project: Project) {
  const overall = overallRagOf(project);
  return {
    overall_rag: overall,
    overall_rank: ragRank(overall),
    phase_rank: phaseRank(project.phase),
    budget_variance: budgetVariance(project.budget),
    schedule_variance_days: scheduleVarianceDays(project),
    search_text: [
      project.code,
      project.title,
      project.program,
      project.department,
      project.projectManager.name,
    ]
      // A separator no one types, so a search cannot match across two fields ("migration apollo").
      .join(SEARCH_SEPARATOR)
      .toLowerCase(),
  };
}

function inList(column: string, name: string, values: readonly string[], params: Params): string {
  const names = values.map((v, i) => {
    params[`${name}${i}`] = v;
    return `@${name}${i}`;
  });
  return `${column} IN (${names.join(', ')})`;
}

function peopleClause(role: string, name: string, ids: readonly string[], params: Params): string {
  return `EXISTS (SELECT 1 FROM project_people pp WHERE pp.project_id = p.id AND pp.role = '${role}' AND ${inList(
    'pp.person_id',
    name,
    ids,
    params,
  )})`;
}

function buildWhere(filter: PortfolioFilter): { where: string; params: Params } {
  const clauses: string[] = [];
  const params: Params = {};
  if (filter.program?.length) clauses.push(inList('p.program', 'program', filter.program, params));
  if (filter.department?.length)
    clauses.push(inList('p.department', 'department', filter.department, params));
  if (filter.rag?.length) clauses.push(inList('p.overall_rag', 'rag', filter.rag, params));
  if (filter.phase?.length) clauses.push(inList('p.phase', 'phase', filter.phase, params));
  if (filter.state?.length) clauses.push(inList('p.state', 'state', filter.state, params));
  if (filter.pm?.length) clauses.push(inList('p.pm_id', 'pm', filter.pm, params));
  if (filter.sponsor?.length) clauses.push(peopleClause('sponsor', 'sponsor', filter.sponsor, params));
  if (filter.q) {
    params.q = likePattern(filter.q);
    // No field holds the separator, so text containing it matches nothing (rather than spanning fields).
    clauses.push(filter.q.includes(SEARCH_SEPARATOR) ? '0' : `p.search_text LIKE @q ESCAPE '\\'`);
  }
  if (filter.stale !== undefined) clauses.push(filter.stale ? staleCondition() : `NOT ${staleCondition()}`);
  if (filter.involving) {
    params.involving = filter.involving;
    clauses.push('p.id IN (SELECT project_id FROM project_people WHERE person_id = @involving)');
  }
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

interface PersonRow {
  id: string;
  name: string;
  email: string;
  department: string | null;
  job_title: string | null;
  time_zone: string | null;
  away_until: string | null;
}

function personFromRow(r: PersonRow): Person {
  const person: Person = { id: r.id, name: r.name, email: r.email };
  if (r.department) person.department = r.department;
  if (r.job_title) person.jobTitle = r.job_title;
  if (r.time_zone) person.timeZone = r.time_zone;
  if (r.away_until) person.awayUntil = r.away_until;
  return person;
}
