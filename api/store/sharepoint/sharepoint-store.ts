import type { ConversationRecord, DeliveryRecord } from '../../domain/bot-delivery';
import type { ChangeRequest, ChangeRequestState, Decision } from '../../domain/change-request';
import { ConflictError, NotFoundError } from '../../domain/errors';
import type { IsoWeek } from '../../domain/iso-week';
import type { Person } from '../../domain/people';
import type { PortfolioPage, PortfolioQuery } from '../../domain/portfolio';
import { portfolioPageOf } from '../../domain/portfolio';
import type { NewProject, Project, ProjectChanges } from '../../domain/project';
import type { Rag } from '../../domain/rag';
import type { RagHistoryEntry } from '../../domain/rag-history';
import type { RaidItemOf, RaidKind, RaidStatusOf } from '../../domain/raid';
import type { StatusReport, StatusReportRevision } from '../../domain/status-report';
import type { StatusRequest, StatusRequestState } from '../../domain/status-request';
import type { Stakeholder } from '../../domain/stakeholder';
import type { SaveStatusReport, SavedStatusReport, Store } from '../store';
import type { GraphCall, GraphResult } from './graph-errors';
import { errorFor, isSuccess, isUniqueViolation } from './graph-errors';
import type { GraphExecutor } from './graph-executor';
import type { ListItem } from './graph-lists';
import {
  expectOk,
  fieldEquals,
  fieldIn,
  getAll,
  isSendable,
  itemFrom,
  itemsQuery,
  listsOf,
  MAX_PAGE_SIZE,
  resolveSiteId,
} from './graph-lists';
import type { Fields } from './list-codecs';
import {
  changeRequestFromFields,
  changeRequestToFields,
  conversationFromFields,
  conversationToFields,
  decisionFromFields,
  decisionToFields,
  deliveryFromFields,
  deliveryToFields,
  latestStatusFields,
  personFromFields,
  personToFields,
  projectFromFields,
  projectToFields,
  raidFromFields,
  raidToFields,
  reportFromFields,
  reportKey,
  reportToFields,
  requestKey,
  revisionFromFields,
  revisionToFields,
  statusRequestFromFields,
  stakeholderFromFields,
  stakeholderToFields,
  statusRequestToFields,
  toSpInstant,
} from './list-codecs';
import type { ListKey } from './list-schema';
import { LISTS, listSpec, SCHEMA_VERSION } from './list-schema';
import { readSchemaVersion } from './provisioning';

export interface SharePointStoreOptions {
  executor: GraphExecutor;
  site: { id: string } | { url: string };
  /** Items per page; SharePoint's maximum unless a test wants to see paging. */
  pageSize?: number;
}

/** How often a write that lost a race with another writer is tried again before giving up. */
const MAX_WRITE_ROUNDS = 25;
/** Keys per coalesced lookup query: keeps URLs short (each key is a 36-character GUID). */
const KEYS_PER_QUERY = 15;

const RAID_LISTS: Record<RaidKind, ListKey> = { risk: 'risks', issue: 'issues', decision: 'decisionLog' };

/**
 * The production store: SharePoint lists through Microsoft Graph (see list-schema for the lists).
 *
 * - Lookups by id go through small loaders that merge the lookups made at the same moment into one
 *   query (`PmoId eq 'a' or PmoId eq 'b' …`), so a burst of requests costs a few Graph calls.
 * - Writes that belong together travel in one `$batch` (a report, its revision and its project's
 *   latest-status fields), with `dependsOn` so nothing lands after a failed predecessor.
 * - Every update sends `If-Match` with the eTag read; a 412 means another writer won, and becomes the
 *   store's ConflictError (or, where the contract says "replace", a fresh read and another round).
 * - Uniqueness (project code, one report per project and week) is enforced by SharePoint's unique
 *   columns, so two servers cannot both win; the loser sees 409.
 * - The portfolio is read whole (ceil(N / 5,000) requests) and filtered, sorted and rolled up in memory
 *   by the domain's own functions.
 */
export class SharePointStore implements Store {
  readonly kind = 'sharepoint' as const;
  private readonly pageSize: number;
  private readonly projectLoader: ItemLoader;
  private readonly reportLoader: ItemLoader;
  private readonly personLoader: ItemLoader;

  private constructor(
    private readonly executor: GraphExecutor,
    readonly siteId: string,
    private readonly listIds: Record<ListKey, string>,
    pageSize: number,
  ) {
    this.pageSize = Math.min(pageSize, MAX_PAGE_SIZE);
    this.projectLoader = new ItemLoader((keys) => this.query('projects', fieldIn('PmoId', keys)), 'PmoId');
    this.reportLoader = new ItemLoader(
      (keys) => this.query('statusReports', fieldIn('ReportKey', keys)),
      'ReportKey',
    );
    this.personLoader = new ItemLoader((keys) => this.query('people', fieldIn('PmoId', keys)), 'PmoId');
  }

  /** Finds the site and its lists; refuses a site that was not provisioned for this version. */
  static async open(options: SharePointStoreOptions): Promise<SharePointStore> {
    const siteId = await resolveSiteId(options.executor, options.site);
    const lists = await listsOf(options.executor, siteId);
    const ids: Partial<Record<ListKey, string>> = {};
    const missing: string[] = [];
    for (const spec of LISTS) {
      const found = lists.find((l) => l.displayName === spec.displayName);
      if (found) ids[spec.key] = found.id;
      else missing.push(spec.displayName);
    }
    const provision = 'run `npm run provision:sharepoint` against it first';
    if (missing.length > 0) {
      throw new Error(`SharePoint site ${siteId} has no list ${missing.join(', ')}: ${provision}.`);
    }
    const version = await readSchemaVersion(options.executor, siteId, ids.settings as string);
    if (version === undefined || version < SCHEMA_VERSION) {
      throw new Error(
        `SharePoint site ${siteId} is at schema version ${version ?? 'none'}, this build needs ${SCHEMA_VERSION}: ${provision}.`,
      );
    }
    if (version > SCHEMA_VERSION) {
      throw new Error(
        `SharePoint site ${siteId} is at schema version ${version}, newer than this build (${SCHEMA_VERSION}): deploy the newer build.`,
      );
    }
    return new SharePointStore(
      options.executor,
      siteId,
      ids as Record<ListKey, string>,
      options.pageSize ?? MAX_PAGE_SIZE,
    );
  }

  async close(): Promise<void> {
    // Nothing held open: the Graph client keeps no connection state of its own.
  }

  // ---- plumbing ----

  private listPath(list: ListKey): string {
    return `/sites/${this.siteId}/lists/${this.listIds[list]}`;
  }

  private select(list: ListKey): string[] {
    return ['Title', ...listSpec(list).columns.map((c) => c.name)];
  }

  /** Every item of `list` matching `filter` (indexed columns only), all pages; `select` narrows the fields. */
  private async query(
    list: ListKey,
    filter?: string,
    select: readonly string[] = this.select(list),
  ): Promise<ListItem[]> {
    const url = itemsQuery(this.listPath(list), { select, filter, top: this.pageSize });
    return (await getAll<unknown>(this.executor, url)).map(itemFrom);
  }

  /** Items whose `column` equals `value` exactly (SharePoint compares text case-insensitively). */
  private async queryEq(list: ListKey, column: string, value: string): Promise<ListItem[]> {
    if (!isSendable(value)) return [];
    return (await this.query(list, fieldEquals(column, value))).filter((i) => i.fields[column] === value);
  }

  private createCall(list: ListKey, fields: Fields): GraphCall {
    return { method: 'POST', url: `${this.listPath(list)}/items`, body: { fields } };
  }

  private updateCall(list: ListKey, item: ListItem, fields: Fields): GraphCall {
    return {
      method: 'PATCH',
      url: `${this.listPath(list)}/items/${item.itemId}/fields`,
      headers: { 'If-Match': item.eTag },
      body: fields,
    };
  }

  /**
   * An item's fields after an update: Graph answers with the whole fieldValueSet, where a cleared field
   * is absent; what we read before fills anything a stand-in leaves out, except what we cleared.
   */
  private static afterUpdate(before: Fields, call: GraphCall, result: GraphResult): Fields {
    const merged: Fields = {
      ...before,
      ...SharePointStore.fieldsOf({ ...result, body: expectOk(call, result) }),
    };
    for (const [name, value] of Object.entries((call.body ?? {}) as Fields)) {
      if (value === null) delete merged[name];
    }
    return merged;
  }

  /** Fields of a create (a listItem) or an update (a fieldValueSet) response. */
  private static fieldsOf(result: GraphResult): Fields {
    const body = result.body as { fields?: Fields } & Fields;
    return body.fields ?? body;
  }

  private async create(list: ListKey, fields: Fields): Promise<{ result: GraphResult; call: GraphCall }> {
    const call = this.createCall(list, fields);
    return { call, result: await this.executor.send(call) };
  }

  // ---- people ----

  async upsertPerson(person: Person): Promise<Person> {
    for (let round = 0; round < MAX_WRITE_ROUNDS; round += 1) {
      const existing = await this.personLoader.load(person.id);
      const at = new Date().toISOString();
      if (!existing) {
        const { call, result } = await this.create('people', personToFields(person, at));
        if (isUniqueViolation(result)) continue; // someone added them a moment ago: update instead
        return personFromFields(SharePointStore.fieldsOf({ ...result, body: expectOk(call, result) }));
      }
      const current = personFromFields(existing.fields);
      // Like the SQL store: a sign-in that says nothing of department, job title or zone keeps what is on file.
      const merged: Person = { id: person.id, name: person.name, email: person.email };
      const department = person.department ?? current.department;
      const jobTitle = person.jobTitle ?? current.jobTitle;
      const timeZone = person.timeZone ?? current.timeZone;
      if (department) merged.department = department;
      if (jobTitle) merged.jobTitle = jobTitle;
      if (timeZone) merged.timeZone = timeZone;
      // Away is set and cleared by setAway alone; a sign-in never touches it.
      const { AwayUntil: _away, ...fields } = personToFields(merged, at);
      const call = this.updateCall('people', existing, fields);
      const result = await this.executor.send(call);
      if (result.status === 412) continue;
      return personFromFields(SharePointStore.fieldsOf({ ...result, body: expectOk(call, result) }));
    }
    throw new ConflictError(`Person ${person.id} kept changing while it was being saved.`);
  }

  async getPerson(id: string): Promise<Person | undefined> {
    const item = await this.personLoader.load(id);
    return item && personFromFields(item.fields);
  }

  async findPersonByEmail(email: string): Promise<Person | undefined> {
    const items = await this.queryEq('people', 'EmailKey', email.toLowerCase());
    const people = items.map((i) => personFromFields(i.fields)).sort((a, b) => compareText(a.id, b.id));
    return people[0];
  }

  async setAway(personId: string, until: string | null): Promise<Person> {
    for (let round = 0; round < MAX_WRITE_ROUNDS; round += 1) {
      const item = await this.personLoader.load(personId);
      if (!item) throw new NotFoundError('Person', personId);
      const call = this.updateCall('people', item, {
        AwayUntil: until ? `${until}T00:00:00Z` : null,
        UpdatedAt: toSpInstant(new Date().toISOString()),
      });
      const result = await this.executor.send(call);
      if (result.status === 412) continue;
      return personFromFields(SharePointStore.afterUpdate(item.fields, call, result));
    }
    throw new ConflictError(`Person ${personId} kept changing while marking them away.`);
  }

  async listPeople(): Promise<Person[]> {
    return (await this.query('people'))
      .map((i) => personFromFields(i.fields))
      .sort((a, b) => compareText(a.name, b.name) || compareText(a.id, b.id));
  }

  // ---- projects ----

  async isEmpty(): Promise<boolean> {
    const call: GraphCall = {
      method: 'GET',
      url: `${this.listPath('projects')}/items?$select=id&$top=1`,
    };
    const body = expectOk(call, await this.executor.send(call)) as { value?: unknown[] };
    return (body.value ?? []).length === 0;
  }

  async createProject(input: NewProject & { id: string; createdAt: string }): Promise<Project> {
    const project: Project = { ...input, latestStatus: null, updatedAt: input.createdAt, version: 1 };
    const { call, result } = await this.create('projects', projectToFields(project));
    if (isUniqueViolation(result)) {
      throw new ConflictError(`A project with code '${project.code}' already exists.`);
    }
    return projectFromFields(SharePointStore.fieldsOf({ ...result, body: expectOk(call, result) }));
  }

  async getProject(id: string): Promise<Project | undefined> {
    const item = await this.projectLoader.load(id);
    return item && projectFromFields(item.fields);
  }

  async getProjectByCode(code: string): Promise<Project | undefined> {
    const [item] = await this.queryEq('projects', 'Code', code);
    return item && projectFromFields(item.fields);
  }

  async updateProject(
    id: string,
    changes: ProjectChanges,
    expectedVersion: number,
    at: string,
  ): Promise<Project> {
    const item = await this.projectLoader.load(id);
    if (!item) throw new NotFoundError('Project', id);
    const current = projectFromFields(item.fields);
    if (current.version !== expectedVersion) {
      throw new ConflictError(
        `Project ${current.code} has changed since version ${expectedVersion} (now ${current.version}): reload and try again.`,
        current.version,
      );
    }
    const next: Project = { ...current, ...changes, updatedAt: at, version: current.version + 1 };
    const call = this.updateCall(
      'projects',
      item,
      changedFields(projectToFields(current), projectToFields(next)),
    );
    const result = await this.executor.send(call);
    if (result.status === 412) {
      throw new ConflictError(`Project ${current.code} changed during the update: reload and try again.`);
    }
    return projectFromFields(SharePointStore.afterUpdate(item.fields, call, result));
  }

  async queryPortfolio(query: PortfolioQuery): Promise<PortfolioPage> {
    const projects = (await this.query('projects')).map((i) => projectFromFields(i.fields));
    return portfolioPageOf(projects, query);
  }

  // ---- status reports ----

  async saveStatusReport(input: SaveStatusReport): Promise<SavedStatusReport> {
    const { projectId, week } = input.report;
    const key = reportKey(projectId, week);
    for (let round = 0; round < MAX_WRITE_ROUNDS; round += 1) {
      const [projectItem, existingItem] = await Promise.all([
        this.projectLoader.load(projectId),
        this.reportLoader.load(key),
      ]);
      if (!projectItem) throw new NotFoundError('Project', projectId);
      const project = projectFromFields(projectItem.fields);
      const existing = existingItem && reportFromFields(existingItem.fields);
      if (input.expectedVersion !== undefined && !existing) {
        throw new NotFoundError('Status report', `${project.code} ${week}`);
      }
      if (input.expectedVersion !== undefined && existing && existing.version !== input.expectedVersion) {
        throw new ConflictError(
          `The ${week} report changed since version ${input.expectedVersion} (now ${existing.version}).`,
          existing.version,
        );
      }
      const report: StatusReport = existing
        ? { ...input.report, id: existing.id, version: existing.version + 1 }
        : { ...input.report, version: 1 };

      const calls: GraphCall[] = [
        existingItem
          ? this.updateCall('statusReports', existingItem, reportToFields(report))
          : this.createCall('statusReports', reportToFields(report)),
      ];
      if (existing) {
        const revision: StatusReportRevision = {
          reportId: existing.id,
          version: existing.version,
          snapshot: existing,
          replacedAt: report.submittedAt,
          replacedBy: report.submittedBy,
        };
        calls.push({
          ...this.createCall('statusReportRevisions', revisionToFields(revision)),
          dependsOn: [0],
        });
      }
      const projectFields = this.projectFieldsFor(project, projectItem, input, report);
      if (projectFields)
        calls.push({ ...this.updateCall('projects', projectItem, projectFields), dependsOn: [0] });

      const results = await this.executor.sendTogether(calls);
      const written = results[0];
      if (isUniqueViolation(written) || written.status === 412) {
        // Another writer filed or changed this week's report since we read it.
        if (input.expectedVersion !== undefined) {
          throw new ConflictError(
            `The ${week} report changed while it was being saved: reload and try again.`,
          );
        }
        continue;
      }
      const stored = reportFromFields(
        SharePointStore.fieldsOf({ ...written, body: expectOk(calls[0], written) }),
      );
      if (existing) await this.ensureWritten(calls[1], results[1]);
      let storedProject = project;
      if (projectFields) {
        const i = calls.length - 1;
        storedProject = await this.finishProjectUpdate(calls[i], results[i], projectItem, input, stored);
      }
      return { report: stored, created: !existing, project: storedProject };
    }
    throw new ConflictError(`The ${week} report kept changing while it was being saved: try again.`);
  }

  /**
   * The project fields a report changes, or null when it changes none. A newer week's status is never
   * overwritten; a report of the same week written concurrently is applied only if it is the newer
   * version, but the project's version still counts the write (as it would have written in turn).
   */
  private projectFieldsFor(
    project: Project,
    item: ListItem,
    input: SaveStatusReport,
    report: StatusReport,
  ): Fields | null {
    const update = input.projectUpdate;
    if (!update) return null;
    const latestWeek = project.latestStatus?.week;
    if (latestWeek && latestWeek > update.latestStatus.week) return null;
    const bookkeeping = { UpdatedAt: toSpInstant(report.submittedAt), PmoVersion: project.version + 1 };
    const appliedVersion =
      typeof item.fields.LatestReportVersion === 'number' ? item.fields.LatestReportVersion : 0;
    if (latestWeek === update.latestStatus.week && appliedVersion > report.version) return bookkeeping;
    return {
      ...latestStatusFields(update.latestStatus),
      LatestReportVersion: report.version,
      PercentComplete: update.percentComplete,
      ActualCost: update.actualCost,
      ForecastFinish: `${update.forecastFinish}T00:00:00Z`,
      ...bookkeeping,
    };
  }

  /**
   * The report is stored; its project update lost a race (412) or failed. Re-read and re-apply until it
   * lands: the report must not stand without its project's latest-status fields.
   */
  private async finishProjectUpdate(
    call: GraphCall,
    result: GraphResult,
    item: ListItem,
    input: SaveStatusReport,
    report: StatusReport,
  ): Promise<Project> {
    let current = { call, result, item };
    for (let round = 0; round < MAX_WRITE_ROUNDS; round += 1) {
      if (isSuccess(current.result)) {
        return projectFromFields({ ...current.item.fields, ...SharePointStore.fieldsOf(current.result) });
      }
      if (current.result.status !== 412) throw errorFor(current.call, current.result);
      const fresh = await this.projectLoader.load(report.projectId);
      if (!fresh) throw new NotFoundError('Project', report.projectId);
      const project = projectFromFields(fresh.fields);
      const fields = this.projectFieldsFor(project, fresh, input, report);
      if (!fields) return project;
      const next = this.updateCall('projects', fresh, fields);
      current = { call: next, result: await this.executor.send(next), item: fresh };
    }
    throw new ConflictError(`Project ${report.projectId} kept changing while its status was being recorded.`);
  }

  /** A write that must land (a revision): retried once more on its own, else a typed error. */
  private async ensureWritten(call: GraphCall, result: GraphResult): Promise<void> {
    // A unique-key refusal: the revision is already there (a retried save).
    if (isSuccess(result) || isUniqueViolation(result)) return;
    const again = await this.executor.send({ ...call, dependsOn: undefined });
    if (isSuccess(again) || isUniqueViolation(again)) return;
    throw errorFor(call, again);
  }

  async getStatusReport(projectId: string, week: IsoWeek): Promise<StatusReport | undefined> {
    const item = await this.reportLoader.load(reportKey(projectId, week));
    return item && reportFromFields(item.fields);
  }

  async listStatusReports(
    projectId: string,
    options: { limit?: number; before?: IsoWeek } = {},
  ): Promise<StatusReport[]> {
    const reports = (await this.queryEq('statusReports', 'ProjectId', projectId))
      .map((i) => reportFromFields(i.fields))
      .filter((r) => options.before === undefined || r.week < options.before)
      .sort((a, b) => compareText(b.week, a.week));
    return options.limit === undefined ? reports : reports.slice(0, options.limit);
  }

  async listStatusReportRevisions(reportId: string): Promise<StatusReportRevision[]> {
    return (await this.queryEq('statusReportRevisions', 'ReportId', reportId))
      .map((i) => revisionFromFields(i.fields))
      .sort((a, b) => a.version - b.version);
  }

  /** One query (Week is indexed), three fields per report, every page followed. */
  async listRagHistory(weeks: readonly IsoWeek[]): Promise<RagHistoryEntry[]> {
    if (weeks.length === 0) return [];
    const wanted = new Set<string>(weeks);
    return (await this.query('statusReports', fieldIn('Week', weeks), ['ProjectId', 'Week', 'OverallRag']))
      .map((i) => ({
        projectId: String(i.fields.ProjectId),
        week: String(i.fields.Week) as IsoWeek,
        overall: String(i.fields.OverallRag) as Rag,
      }))
      .filter((e) => wanted.has(e.week))
      .sort((a, b) => compareText(a.week, b.week) || compareText(a.projectId, b.projectId));
  }

  // ---- RAID ----

  private async requireProjectItem(projectId: string): Promise<ListItem> {
    const item = await this.projectLoader.load(projectId);
    if (!item) throw new NotFoundError('Project', projectId);
    return item;
  }

  async createRaidItem<K extends RaidKind>(item: RaidItemOf<K>): Promise<RaidItemOf<K>> {
    await this.requireProjectItem(item.projectId);
    const { call, result } = await this.create(RAID_LISTS[item.kind], raidToFields({ ...item, version: 1 }));
    if (isUniqueViolation(result))
      throw new ConflictError(`A ${item.kind} with id ${item.id} already exists.`);
    const fields = SharePointStore.fieldsOf({ ...result, body: expectOk(call, result) });
    return raidFromFields(item.kind, fields) as RaidItemOf<K>;
  }

  private async raidItem(kind: RaidKind, id: string): Promise<ListItem | undefined> {
    const [item] = await this.queryEq(RAID_LISTS[kind], 'PmoId', id);
    return item;
  }

  async getRaidItem<K extends RaidKind>(kind: K, id: string): Promise<RaidItemOf<K> | undefined> {
    const item = await this.raidItem(kind, id);
    return item && (raidFromFields(kind, item.fields) as RaidItemOf<K>);
  }

  async updateRaidItem<K extends RaidKind>(
    item: RaidItemOf<K>,
    expectedVersion: number,
  ): Promise<RaidItemOf<K>> {
    const stored = await this.raidItem(item.kind, item.id);
    if (!stored) {
      throw new NotFoundError(item.kind === 'decision' ? 'Decision log entry' : capital(item.kind), item.id);
    }
    const current = raidFromFields(item.kind, stored.fields);
    if (current.version !== expectedVersion) {
      throw new ConflictError(
        `This ${item.kind} has changed since version ${expectedVersion} (now ${current.version}): reload and try again.`,
        current.version,
      );
    }
    const next = { ...item, version: current.version + 1 };
    const call = this.updateCall(
      RAID_LISTS[item.kind],
      stored,
      changedFields(raidToFields(current), raidToFields(next)),
    );
    const result = await this.executor.send(call);
    if (result.status === 412)
      throw new ConflictError(`This ${item.kind} changed during the update: reload and try again.`);
    const fields = SharePointStore.afterUpdate(stored.fields, call, result);
    return raidFromFields(item.kind, fields) as RaidItemOf<K>;
  }

  async listRaidItems<K extends RaidKind>(kind: K, projectId: string): Promise<RaidItemOf<K>[]> {
    return (await this.queryEq(RAID_LISTS[kind], 'ProjectId', projectId))
      .map((i) => raidFromFields(kind, i.fields) as RaidItemOf<K>)
      .sort((a, b) => compareText(a.createdAt, b.createdAt) || compareText(a.id, b.id));
  }

  /** One query on the kind's list, filtered on its indexed status column when statuses are given. */
  async listRaidItemsOfKind<K extends RaidKind>(
    kind: K,
    filter: { statuses?: readonly RaidStatusOf<K>[] } = {},
  ): Promise<RaidItemOf<K>[]> {
    const statuses = filter.statuses;
    if (statuses?.length === 0) return [];
    return (await this.query(RAID_LISTS[kind], statuses ? fieldIn('RaidStatus', statuses) : undefined))
      .map((i) => raidFromFields(kind, i.fields) as RaidItemOf<K>)
      .filter((item) => !statuses || (statuses as readonly string[]).includes(item.status))
      .sort((a, b) => compareText(a.createdAt, b.createdAt) || compareText(a.id, b.id));
  }

  // ---- change requests ----

  async createChangeRequest(cr: ChangeRequest): Promise<ChangeRequest> {
    await this.requireProjectItem(cr.projectId);
    const { call, result } = await this.create(
      'changeRequests',
      changeRequestToFields({ ...cr, version: 1 }),
    );
    if (isUniqueViolation(result)) throw new ConflictError(`Change request ${cr.id} already exists.`);
    return changeRequestFromFields(SharePointStore.fieldsOf({ ...result, body: expectOk(call, result) }));
  }

  async getChangeRequest(id: string): Promise<ChangeRequest | undefined> {
    const [item] = await this.queryEq('changeRequests', 'PmoId', id);
    return item && changeRequestFromFields(item.fields);
  }

  async listChangeRequests(filter: {
    projectId?: string;
    state?: ChangeRequestState[];
  }): Promise<ChangeRequest[]> {
    if (filter.projectId !== undefined && !isSendable(filter.projectId)) return [];
    const clauses = [
      ...(filter.projectId !== undefined ? [fieldEquals('ProjectId', filter.projectId)] : []),
      ...(filter.state?.length ? [fieldIn('CrState', filter.state)] : []),
    ];
    return (await this.query('changeRequests', clauses.length ? clauses.join(' and ') : undefined))
      .map((i) => changeRequestFromFields(i.fields))
      .filter((cr) => filter.projectId === undefined || cr.projectId === filter.projectId)
      .sort((a, b) => compareText(b.requestedAt, a.requestedAt) || compareText(a.id, b.id));
  }

  async appendDecision(decision: Decision): Promise<Decision> {
    const [cr] = await this.queryEq('changeRequests', 'PmoId', decision.changeRequestId);
    if (!cr) throw new NotFoundError('Change request', decision.changeRequestId);
    const { call, result } = await this.create('decisions', decisionToFields(decision));
    if (isUniqueViolation(result)) throw new ConflictError(`Decision ${decision.id} is already recorded.`);
    return decisionFromFields(SharePointStore.fieldsOf({ ...result, body: expectOk(call, result) }));
  }

  async listDecisions(changeRequestId: string): Promise<Decision[]> {
    // Time order; decisions of the same second in the order they were recorded (item ids grow).
    return (await this.queryEq('decisions', 'ChangeRequestId', changeRequestId))
      .map((i) => ({ order: Number(i.itemId), decision: decisionFromFields(i.fields) }))
      .sort((a, b) => compareText(a.decision.at, b.decision.at) || a.order - b.order)
      .map((d) => d.decision);
  }

  async updateChangeRequest(cr: ChangeRequest, expectedVersion: number): Promise<ChangeRequest> {
    const { item, current } = await this.changeRequestAt(cr.id, expectedVersion);
    const call = this.updateCall(
      'changeRequests',
      item,
      changedFields(
        changeRequestToFields(current),
        changeRequestToFields({ ...cr, version: current.version + 1 }),
      ),
    );
    const result = await this.executor.send(call);
    if (result.status === 412) throw new ConflictError('The change request changed during the update.');
    return changeRequestFromFields(SharePointStore.afterUpdate(item.fields, call, result));
  }

  private async changeRequestAt(
    id: string,
    expectedVersion: number,
  ): Promise<{ item: ListItem; current: ChangeRequest }> {
    const [item] = await this.queryEq('changeRequests', 'PmoId', id);
    if (!item) throw new NotFoundError('Change request', id);
    const current = changeRequestFromFields(item.fields);
    if (current.version !== expectedVersion) {
      throw new ConflictError(
        `The change request changed since version ${expectedVersion} (now ${current.version}).`,
        current.version,
      );
    }
    return { item, current };
  }

  /** One $batch: the request (If-Match), then the decision, which lands only if the request did. */
  async recordDecision(input: {
    decision: Decision;
    changeRequest: ChangeRequest;
    expectedVersion: number;
  }): Promise<{ decision: Decision; changeRequest: ChangeRequest }> {
    const { item, current } = await this.changeRequestAt(input.changeRequest.id, input.expectedVersion);
    const calls: GraphCall[] = [
      this.updateCall(
        'changeRequests',
        item,
        changedFields(
          changeRequestToFields(current),
          changeRequestToFields({ ...input.changeRequest, version: current.version + 1 }),
        ),
      ),
      { ...this.createCall('decisions', decisionToFields(input.decision)), dependsOn: [0] },
    ];
    const [cr, decision] = await this.executor.sendTogether(calls);
    if (cr.status === 412)
      throw new ConflictError('The change request changed while the decision was being recorded.');
    const changeRequest = changeRequestFromFields(SharePointStore.afterUpdate(item.fields, calls[0], cr));
    // The request moved on: its decision must land too (tried once more alone; else a typed error).
    await this.ensureWritten(calls[1], decision);
    return { decision: input.decision, changeRequest };
  }

  // ---- the weekly status cycle ----

  async createStatusRequest(request: StatusRequest): Promise<{ request: StatusRequest; created: boolean }> {
    await this.requireProjectItem(request.projectId);
    const { call, result } = await this.create(
      'statusRequests',
      statusRequestToFields({ ...request, version: 1 }),
    );
    if (isUniqueViolation(result)) {
      // Another cycle (maybe another server) filed this week's request first: theirs stands.
      const existing = await this.findStatusRequest(request.projectId, request.week);
      if (!existing) throw errorFor(call, result);
      return { request: existing, created: false };
    }
    const fields = SharePointStore.fieldsOf({ ...result, body: expectOk(call, result) });
    return { request: statusRequestFromFields(fields), created: true };
  }

  async getStatusRequest(id: string): Promise<StatusRequest | undefined> {
    const [item] = await this.queryEq('statusRequests', 'PmoId', id);
    return item && statusRequestFromFields(item.fields);
  }

  async findStatusRequest(projectId: string, week: IsoWeek): Promise<StatusRequest | undefined> {
    const [item] = await this.queryEq('statusRequests', 'RequestKey', requestKey(projectId, week));
    return item && statusRequestFromFields(item.fields);
  }

  async updateStatusRequest(request: StatusRequest, expectedVersion: number): Promise<StatusRequest> {
    const [item] = await this.queryEq('statusRequests', 'PmoId', request.id);
    if (!item) throw new NotFoundError('Status request', request.id);
    const current = statusRequestFromFields(item.fields);
    if (current.version !== expectedVersion) {
      throw new ConflictError(
        `The status request changed since version ${expectedVersion} (now ${current.version}).`,
        current.version,
      );
    }
    const next = { ...request, version: current.version + 1 };
    const call = this.updateCall(
      'statusRequests',
      item,
      changedFields(statusRequestToFields(current), statusRequestToFields(next)),
    );
    const result = await this.executor.send(call);
    if (result.status === 412) throw new ConflictError('The status request changed during the update.');
    const fields = SharePointStore.afterUpdate(item.fields, call, result);
    return statusRequestFromFields(fields);
  }

  async listStatusRequests(filter: {
    week?: IsoWeek;
    states?: StatusRequestState[];
    projectId?: string;
  }): Promise<StatusRequest[]> {
    const values = [filter.week, filter.projectId].filter((v): v is string => v !== undefined);
    if (!values.every(isSendable)) return [];
    const clauses = [
      ...(filter.week ? [fieldEquals('Week', filter.week)] : []),
      ...(filter.projectId ? [fieldEquals('ProjectId', filter.projectId)] : []),
      ...(filter.states?.length ? [fieldIn('RequestState', filter.states)] : []),
    ];
    return (await this.query('statusRequests', clauses.length ? clauses.join(' and ') : undefined))
      .map((i) => statusRequestFromFields(i.fields))
      .filter(
        (r) =>
          (filter.week === undefined || r.week === filter.week) &&
          (filter.projectId === undefined || r.projectId === filter.projectId),
      )
      .sort((a, b) => compareText(a.week, b.week) || compareText(a.projectId, b.projectId));
  }

  // ---- the stakeholder register ----

  async createStakeholder(stakeholder: Stakeholder): Promise<Stakeholder> {
    const { call, result } = await this.create(
      'stakeholders',
      stakeholderToFields({ ...stakeholder, version: 1 }),
    );
    // The unique key column settles two servers adding the same recipient at once.
    if (isUniqueViolation(result))
      throw new ConflictError(`This stakeholder is already in the ${stakeholder.scope.kind}'s register.`);
    return stakeholderFromFields(SharePointStore.fieldsOf({ ...result, body: expectOk(call, result) }));
  }

  async getStakeholder(id: string): Promise<Stakeholder | undefined> {
    const [item] = await this.queryEq('stakeholders', 'PmoId', id);
    return item && stakeholderFromFields(item.fields);
  }

  private async stakeholderAt(
    id: string,
    expectedVersion: number,
  ): Promise<{ item: ListItem; current: Stakeholder }> {
    const [item] = await this.queryEq('stakeholders', 'PmoId', id);
    if (!item) throw new NotFoundError('Stakeholder', id);
    const current = stakeholderFromFields(item.fields);
    if (current.version !== expectedVersion) {
      throw new ConflictError(
        `This stakeholder changed since version ${expectedVersion} (now ${current.version}): reload and try again.`,
        current.version,
      );
    }
    return { item, current };
  }

  async updateStakeholder(stakeholder: Stakeholder, expectedVersion: number): Promise<Stakeholder> {
    const { item, current } = await this.stakeholderAt(stakeholder.id, expectedVersion);
    const call = this.updateCall(
      'stakeholders',
      item,
      changedFields(
        stakeholderToFields(current),
        stakeholderToFields({ ...stakeholder, version: current.version + 1 }),
      ),
    );
    const result = await this.executor.send(call);
    if (result.status === 412) throw new ConflictError('The stakeholder changed during the update.');
    if (isUniqueViolation(result))
      throw new ConflictError(`This stakeholder is already in the ${stakeholder.scope.kind}'s register.`);
    return stakeholderFromFields(SharePointStore.afterUpdate(item.fields, call, result));
  }

  async deleteStakeholder(id: string, expectedVersion: number): Promise<void> {
    const { item } = await this.stakeholderAt(id, expectedVersion);
    const call: GraphCall = {
      method: 'DELETE',
      url: `${this.listPath('stakeholders')}/items/${item.itemId}`,
      headers: { 'If-Match': item.eTag },
    };
    const result = await this.executor.send(call);
    if (result.status === 412) throw new ConflictError('The stakeholder changed while it was being removed.');
    if (result.status === 404) throw new NotFoundError('Stakeholder', id);
    expectOk(call, result);
  }

  /** One query on the indexed scope column (`ScopeId eq … or ScopeId eq …`), exact-matched after. */
  async listStakeholders(filter: { projectId?: string; program?: string }): Promise<Stakeholder[]> {
    const wanted: Array<{ kind: 'project' | 'program'; id: string }> = [
      ...(filter.projectId !== undefined ? [{ kind: 'project' as const, id: filter.projectId }] : []),
      ...(filter.program !== undefined ? [{ kind: 'program' as const, id: filter.program }] : []),
    ];
    const sendable = wanted.filter((w) => isSendable(w.id));
    if (wanted.length > 0 && sendable.length === 0) return [];
    const ids = [...new Set(sendable.map((w) => w.id))];
    return (await this.query('stakeholders', ids.length ? fieldIn('ScopeId', ids) : undefined))
      .map((i) => stakeholderFromFields(i.fields))
      .filter(
        (s) => wanted.length === 0 || sendable.some((w) => w.kind === s.scope.kind && w.id === s.scope.id),
      )
      .sort(
        (a, b) =>
          (a.scope.kind === b.scope.kind ? 0 : a.scope.kind === 'program' ? -1 : 1) ||
          compareText(a.scope.id, b.scope.id) ||
          compareText(a.id, b.id),
      );
  }

  async saveConversation(record: ConversationRecord): Promise<void> {
    await this.upsertByKey('conversations', 'ConversationKey', record.key, conversationToFields(record));
  }

  async getConversation(key: string): Promise<ConversationRecord | undefined> {
    const [item] = await this.queryEq('conversations', 'ConversationKey', key);
    return item && conversationFromFields(item.fields);
  }

  async deleteConversation(key: string): Promise<void> {
    for (const item of await this.queryEq('conversations', 'ConversationKey', key)) {
      const call: GraphCall = {
        method: 'DELETE',
        url: `${this.listPath('conversations')}/items/${item.itemId}`,
      };
      const result = await this.executor.send(call);
      if (result.status !== 404) expectOk(call, result);
    }
  }

  async getDelivery(key: string): Promise<DeliveryRecord | undefined> {
    const [item] = await this.queryEq('deliveries', 'DeliveryKey', key);
    return item && deliveryFromFields(item.fields);
  }

  async claimDelivery(record: DeliveryRecord): Promise<boolean> {
    const { call, result } = await this.create('deliveries', deliveryToFields(record));
    if (isUniqueViolation(result)) return false;
    expectOk(call, result);
    return true;
  }

  async saveDelivery(record: DeliveryRecord): Promise<void> {
    await this.upsertByKey('deliveries', 'DeliveryKey', record.key, deliveryToFields(record));
  }

  /** Creates the item with this unique key, or overwrites it (last writer wins: these are records of fact). */
  private async upsertByKey(list: ListKey, column: string, key: string, fields: Fields): Promise<void> {
    for (let round = 0; round < MAX_WRITE_ROUNDS; round += 1) {
      const [item] = await this.queryEq(list, column, key);
      const call = item ? this.updateCall(list, item, fields) : this.createCall(list, fields);
      const result = await this.executor.send(call);
      if (result.status === 412 || isUniqueViolation(result)) continue;
      expectOk(call, result);
      return;
    }
    throw new ConflictError(
      `${listSpec(list).displayName} item ${key} kept changing while it was being saved.`,
    );
  }

  /** For the benchmark and diagnostics: HTTP requests sent to Graph so far. */
  get graphRequests(): number {
    return this.executor.requestCount;
  }
}

/**
 * Lookups by a unique key made at the same moment, merged into one query per 15 keys. Results are never
 * cached: each call after the previous query went out starts a new one.
 */
class ItemLoader {
  private pending = new Map<string, Array<(item: ListItem | undefined, err?: unknown) => void>>();
  private scheduled = false;

  constructor(
    private readonly fetchMany: (keys: string[]) => Promise<ListItem[]>,
    private readonly keyColumn: string,
  ) {}

  load(key: string): Promise<ListItem | undefined> {
    if (!isSendable(key)) return Promise.resolve(undefined);
    return new Promise((resolve, reject) => {
      const waiting = this.pending.get(key) ?? [];
      waiting.push((item, err) => (err === undefined ? resolve(item) : reject(err)));
      this.pending.set(key, waiting);
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    const pending = this.pending;
    this.pending = new Map();
    this.scheduled = false;
    const keys = [...pending.keys()];
    for (let i = 0; i < keys.length; i += KEYS_PER_QUERY) {
      const chunk = keys.slice(i, i + KEYS_PER_QUERY);
      this.fetchMany(chunk).then(
        (items) => {
          for (const key of chunk) {
            // Exact match: SharePoint's eq on text ignores case.
            const item = items.find((it) => it.fields[this.keyColumn] === key);
            pending.get(key)!.forEach((done) => done(item));
          }
        },
        (err: unknown) => chunk.forEach((key) => pending.get(key)!.forEach((done) => done(undefined, err))),
      );
    }
  }
}

/** The fields whose values differ, plus the bookkeeping that every write sends. */
function changedFields(before: Fields, after: Fields): Fields {
  const changed: Fields = {};
  for (const [name, value] of Object.entries(after)) {
    if (before[name] !== value || name === 'PmoVersion' || name === 'UpdatedAt') changed[name] = value;
  }
  return changed;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
