import { timestampOf } from '../domain/iso-week';
import { NotFoundError, ValidationError } from '../domain/errors';
import { isCalendarDate } from '../domain/iso-week';
import type { Actor, PersonRef } from '../domain/people';
import type { Project } from '../domain/project';
import type { DecisionLogEntry, Issue, RaidItemOf, RaidKind, Risk } from '../domain/raid';
import { compareRaidBySeverity, isHighSeverity, raidStatuses } from '../domain/raid';
import { assertCan, can } from './authorization';
import type { ServiceContext } from './context';
import { readableProject, readableProjects } from './project-access';

type Editable<T> = Omit<T, 'id' | 'projectId' | 'kind' | 'createdAt' | 'updatedAt' | 'createdBy' | 'version'>;

/** What a caller sends to create an item of each kind (defaults fill the rest). */
export type RaidCreateInput<K extends RaidKind> = Partial<Editable<RaidItemOf<K>>> & {
  title: string;
} & (K extends 'risk'
    ? Pick<Risk, 'probability' | 'impact'>
    : K extends 'issue'
      ? Pick<Issue, 'severity'>
      : unknown);
export type RaidUpdateInput<K extends RaidKind> = Partial<Editable<RaidItemOf<K>>>;

const DEFAULTS: { [K in RaidKind]: Omit<Editable<RaidItemOf<K>>, 'title'> } = {
  risk: {
    description: '',
    owner: null,
    dueDate: null,
    probability: 3,
    impact: 3,
    mitigation: '',
    status: 'open',
  },
  issue: { description: '', owner: null, dueDate: null, severity: 'medium', resolution: '', status: 'open' },
  decision: {
    description: '',
    owner: null,
    dueDate: null,
    rationale: '',
    decidedBy: null,
    decidedOn: null,
    status: 'proposed',
  } satisfies Omit<Editable<DecisionLogEntry>, 'title'>,
};

/** An item of the cross-project RAID log, with the project it belongs to. */
export interface RaidListing<K extends RaidKind> {
  item: RaidItemOf<K>;
  project: Pick<Project, 'id' | 'code' | 'title'>;
}

export interface RaidAcrossFilter {
  /** true: only open items; false: only settled ones; absent: both. */
  open?: boolean;
  /** Only open items of high severity (risks scoring 15 or more, high or critical issues). */
  high?: boolean;
}

const LABEL: Record<RaidKind, string> = { risk: 'Risk', issue: 'Issue', decision: 'Decision log entry' };

/** Risks, issues and the decision log of a project. */
export class RaidService {
  constructor(private readonly ctx: ServiceContext) {}

  private async project(actor: Actor, projectId: string, forEdit: boolean): Promise<Project> {
    const project = await readableProject(this.ctx, actor, projectId);
    if (forEdit) {
      assertCan(
        can.editRaid(actor, project),
        `Only the project manager, their delegates or PMO staff can edit ${project.code}'s RAID log.`,
      );
    }
    return project;
  }

  async list<K extends RaidKind>(actor: Actor, kind: K, projectId: string): Promise<RaidItemOf<K>[]> {
    const project = await this.project(actor, projectId, false);
    return this.ctx.store.listRaidItems(kind, project.id);
  }

  /**
   * One kind of item across every project the actor may read, most severe first: one read of the
   * projects and one of the items, whatever the number of projects.
   */
  async listAcrossProjects<K extends RaidKind>(
    actor: Actor,
    kind: K,
    filter: RaidAcrossFilter = {},
  ): Promise<RaidListing<K>[]> {
    if (filter.high && kind === 'decision') {
      throw ValidationError.field('high', 'Decisions have no severity: ask for high risks or issues.');
    }
    const [projects, items] = await Promise.all([
      readableProjects(this.ctx, actor),
      this.ctx.store.listRaidItemsOfKind(
        kind,
        filter.open === undefined ? {} : { statuses: raidStatuses(kind, filter.open) },
      ),
    ]);
    const visible = new Map(projects.map((p) => [p.id, p]));
    return items
      .filter((item) => visible.has(item.projectId) && (!filter.high || isHighSeverity(item)))
      .sort(compareRaidBySeverity)
      .map((item) => {
        const p = visible.get(item.projectId)!;
        return { item, project: { id: p.id, code: p.code, title: p.title } };
      });
  }

  async get<K extends RaidKind>(
    actor: Actor,
    kind: K,
    projectId: string,
    itemId: string,
  ): Promise<RaidItemOf<K>> {
    const project = await this.project(actor, projectId, false);
    const item = await this.ctx.store.getRaidItem(kind, itemId);
    if (!item || item.projectId !== project.id) throw new NotFoundError(LABEL[kind], itemId);
    return item;
  }

  async create<K extends RaidKind>(
    actor: Actor,
    kind: K,
    projectId: string,
    input: RaidCreateInput<K>,
  ): Promise<RaidItemOf<K>> {
    const project = await this.project(actor, projectId, true);
    const now = timestampOf(this.ctx.clock.now());
    const item = {
      ...DEFAULTS[kind],
      ...input,
      kind,
      id: this.ctx.newId(),
      projectId: project.id,
      createdAt: now,
      updatedAt: now,
      createdBy: person(actor),
      version: 1,
    } as unknown as RaidItemOf<K>; // the spread of a generic default and input loses the kind link
    checkDates(item);
    return this.ctx.store.createRaidItem(item);
  }

  async update<K extends RaidKind>(
    actor: Actor,
    kind: K,
    projectId: string,
    itemId: string,
    changes: RaidUpdateInput<K>,
    expectedVersion: number,
  ): Promise<RaidItemOf<K>> {
    const project = await this.project(actor, projectId, true);
    const current = await this.ctx.store.getRaidItem(kind, itemId);
    if (!current || current.projectId !== project.id) throw new NotFoundError(LABEL[kind], itemId);
    const next = { ...current, ...changes, updatedAt: timestampOf(this.ctx.clock.now()) } as RaidItemOf<K>;
    checkDates(next);
    return this.ctx.store.updateRaidItem(next, expectedVersion);
  }
}

function person(actor: Actor): PersonRef {
  return { id: actor.id, name: actor.name, email: actor.email };
}

function checkDates(item: RaidItemOf<RaidKind>): void {
  if (item.dueDate !== null && !isCalendarDate(item.dueDate)) {
    throw ValidationError.field('dueDate', 'Due date must be a real date (YYYY-MM-DD).');
  }
  if (item.kind === 'decision' && item.decidedOn !== null && !isCalendarDate(item.decidedOn)) {
    throw ValidationError.field('decidedOn', 'Decision date must be a real date (YYYY-MM-DD).');
  }
}
