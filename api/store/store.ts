import type { ConversationRecord, DeliveryRecord } from '../domain/bot-delivery';
import type { ChangeRequest, ChangeRequestState, Decision } from '../domain/change-request';
import type { IsoWeek } from '../domain/iso-week';
import type { Person } from '../domain/people';
import type { PortfolioPage, PortfolioQuery } from '../domain/portfolio';
import type { LatestStatus, NewProject, Project, ProjectChanges } from '../domain/project';
import type { RagHistoryEntry } from '../domain/rag-history';
import type { RaidItem, RaidItemOf, RaidKind, RaidStatusOf } from '../domain/raid';
import type { Stakeholder } from '../domain/stakeholder';
import type { StatusReport, StatusReportRevision } from '../domain/status-report';
import type { StatusRequest, StatusRequestState } from '../domain/status-request';

/**
 * Persistence for PMO Hub. Two adapters implement it (embedded SQLite, SharePoint lists through Graph)
 * and pass one contract suite. Stores hold no business rules: the services decide, the store keeps.
 *
 * Conventions:
 * - Every mutable record carries `version`. Updates name the version they read (`expectedVersion`);
 *   a mismatch throws `ConflictError` and changes nothing.
 * - Unknown ids on update throw `NotFoundError`; lookups return `undefined`.
 * - Writes that belong together happen atomically.
 */
export interface Store {
  readonly kind: 'sqlite' | 'sharepoint';

  // People directory
  upsertPerson(person: Person): Promise<Person>;
  getPerson(id: string): Promise<Person | undefined>;
  findPersonByEmail(email: string): Promise<Person | undefined>;
  listPeople(): Promise<Person[]>;
  /** Marks a person away through `until` (YYYY-MM-DD), or back (null). Unknown ids throw NotFoundError. */
  setAway(personId: string, until: string | null): Promise<Person>;

  // Projects
  createProject(project: NewProject & { id: string; createdAt: string }): Promise<Project>;
  getProject(id: string): Promise<Project | undefined>;
  getProjectByCode(code: string): Promise<Project | undefined>;
  updateProject(id: string, changes: ProjectChanges, expectedVersion: number, at: string): Promise<Project>;
  /** The filtered, sorted page and the roll-ups over every match. */
  queryPortfolio(query: PortfolioQuery): Promise<PortfolioPage>;
  /** True when no project exists yet (start-up seeding checks this). */
  isEmpty(): Promise<boolean>;

  // Status reports
  /**
   * Files a report for (project, week) and, in the same transaction, copies its latest-status fields
   * onto the project when `projectUpdate` is given. When a report for that week exists it is replaced,
   * the old one is kept as a revision, and the version is bumped; `expectedVersion` (when given) must
   * match the stored report's version. Returns the stored report, whether it was new, and the project.
   */
  saveStatusReport(input: SaveStatusReport): Promise<SavedStatusReport>;
  getStatusReport(projectId: string, week: IsoWeek): Promise<StatusReport | undefined>;
  /** Newest week first. */
  listStatusReports(
    projectId: string,
    options?: { limit?: number; before?: IsoWeek },
  ): Promise<StatusReport[]>;
  listStatusReportRevisions(reportId: string): Promise<StatusReportRevision[]>;
  /**
   * The overall RAG of every report filed for any of `weeks`, across all projects, in one read (the
   * portfolio's trend). Ordered by week, then project id; weeks with no report give nothing.
   */
  listRagHistory(weeks: readonly IsoWeek[]): Promise<RagHistoryEntry[]>;

  // RAID
  createRaidItem<K extends RaidKind>(item: RaidItemOf<K>): Promise<RaidItemOf<K>>;
  getRaidItem<K extends RaidKind>(kind: K, id: string): Promise<RaidItemOf<K> | undefined>;
  updateRaidItem<K extends RaidKind>(item: RaidItemOf<K>, expectedVersion: number): Promise<RaidItemOf<K>>;
  listRaidItems<K extends RaidKind>(kind: K, projectId: string): Promise<RaidItemOf<K>[]>;
  /**
   * Items of one kind across every project, in one read (the dashboard and the cross-project RAID view);
   * `statuses` (when given) keeps those in any of them. Ordered by creation time, then id.
   */
  listRaidItemsOfKind<K extends RaidKind>(
    kind: K,
    filter?: { statuses?: readonly RaidStatusOf<K>[] },
  ): Promise<RaidItemOf<K>[]>;

  // Change requests (the approval workflow builds on these)
  createChangeRequest(cr: ChangeRequest): Promise<ChangeRequest>;
  getChangeRequest(id: string): Promise<ChangeRequest | undefined>;
  listChangeRequests(filter: { projectId?: string; state?: ChangeRequestState[] }): Promise<ChangeRequest[]>;
  appendDecision(decision: Decision): Promise<Decision>;
  listDecisions(changeRequestId: string): Promise<Decision[]>;
  /** Replaces a change request read at `expectedVersion` (ConflictError when it moved on); bumps the version. */
  updateChangeRequest(cr: ChangeRequest, expectedVersion: number): Promise<ChangeRequest>;
  /**
   * An approver's decision and what it does to the request, together: the decision is appended and the
   * request written only if the request is still at `expectedVersion`; else ConflictError and nothing
   * is stored (two approvers deciding at once under `any`: one wins).
   */
  recordDecision(input: {
    decision: Decision;
    changeRequest: ChangeRequest;
    expectedVersion: number;
  }): Promise<{ decision: Decision; changeRequest: ChangeRequest }>;

  // Weekly status requests (the bot's cycle)
  /**
   * Files the request for its (project, week) unless one exists, atomically: two cycles racing (two
   * servers) file one. Returns the stored request and whether this call created it.
   */
  createStatusRequest(request: StatusRequest): Promise<{ request: StatusRequest; created: boolean }>;
  getStatusRequest(id: string): Promise<StatusRequest | undefined>;
  findStatusRequest(projectId: string, week: IsoWeek): Promise<StatusRequest | undefined>;
  /** `request.version` is ignored; the stored version must equal `expectedVersion`. */
  updateStatusRequest(request: StatusRequest, expectedVersion: number): Promise<StatusRequest>;
  /** Oldest week first, then by project id. */
  listStatusRequests(filter: {
    week?: IsoWeek;
    states?: StatusRequestState[];
    projectId?: string;
  }): Promise<StatusRequest[]>;

  // Conversations with the bot, and proactive deliveries
  saveConversation(record: ConversationRecord): Promise<void>;
  getConversation(key: string): Promise<ConversationRecord | undefined>;
  deleteConversation(key: string): Promise<void>;
  getDelivery(key: string): Promise<DeliveryRecord | undefined>;
  /** Inserts a delivery unless its key exists, atomically; false when it existed. */
  claimDelivery(record: DeliveryRecord): Promise<boolean>;
  /** Replaces a delivery record (creating it if absent). */
  saveDelivery(record: DeliveryRecord): Promise<void>;

  // The stakeholder register
  /**
   * Stores an entry at version 1. Entries share a natural key (`stakeholderKey`: scope, whom, channel):
   * a second entry with the key of a stored one throws ConflictError, even from two servers at once.
   */
  createStakeholder(stakeholder: Stakeholder): Promise<Stakeholder>;
  getStakeholder(id: string): Promise<Stakeholder | undefined>;
  /** `stakeholder.version` is ignored; the stored version must equal `expectedVersion` (ConflictError). */
  updateStakeholder(stakeholder: Stakeholder, expectedVersion: number): Promise<Stakeholder>;
  /** Removes the entry read at `expectedVersion`: NotFoundError when gone, ConflictError when it moved on. */
  deleteStakeholder(id: string, expectedVersion: number): Promise<void>;
  /**
   * Entries of a project's register and/or a program's (either, when both are given; every entry when
   * neither is), ordered by scope kind (programs first), scope id, then id.
   */
  listStakeholders(filter: { projectId?: string; program?: string }): Promise<Stakeholder[]>;

  /**
   * Optional, for bulk jobs such as seeding: runs `work` (which calls this store's own methods) with its
   * writes grouped into as few commits as the adapter can manage. Not for request handling: while `work`
   * runs, other callers' writes on the same store may join its transaction.
   */
  runInBatch?<T>(work: () => Promise<T>): Promise<T>;

  close(): Promise<void>;
}

export interface SaveStatusReport {
  report: Omit<StatusReport, 'version'>;
  /** When editing a known report: the version the editor read. */
  expectedVersion?: number;
  /** Applied only while the project's latest status is not newer than the report's week. */
  projectUpdate: {
    latestStatus: LatestStatus;
    percentComplete: number;
    actualCost: number;
    forecastFinish: string;
  } | null;
}

export interface SavedStatusReport {
  report: StatusReport;
  /** False when the week's report existed and was replaced (its old answers kept as a revision). */
  created: boolean;
  /** The project as it stands after the write (with its latest-status fields when they were applied). */
  project: Project;
}

export type { RaidItem };
