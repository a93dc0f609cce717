import { ConflictError, NotFoundError, ValidationError } from '../domain/errors';
import type { Actor } from '../domain/people';
import type { Project } from '../domain/project';
import type { Stakeholder, StakeholderDraft } from '../domain/stakeholder';
import { checkStakeholder, duplicateErrors, findDuplicate } from '../domain/stakeholder';
import { assertCan, can } from './authorization';
import type { ServiceContext } from './context';
import { pmoWeek } from './context';
import { readableProject, readableProjects, requireProject } from './project-access';

export type StakeholderScope = Stakeholder['scope'];
/** What a caller changes on an entry; the scope stays where it was created. */
export type StakeholderChanges = Partial<Omit<StakeholderDraft, 'scope'>>;

/**
 * The stakeholder register of each project and program: who hears about it, how and how often.
 *
 * - Reading: PMO staff everything; anyone else the registers of the projects they may read, and of
 *   the programs in which they have such a project.
 * - Editing: PMO staff any register; a project's PM and delegates their project's; programs' only PMO staff.
 * - An entry reaches one person, address or Teams channel that fits its channel, once per register and
 *   channel (a duplicate is refused with 409; the store's unique key settles two servers racing).
 */
export class StakeholderService {
  constructor(private readonly ctx: ServiceContext) {}

  async list(actor: Actor, filter: { projectId?: string; program?: string }): Promise<Stakeholder[]> {
    if (filter.projectId !== undefined) await readableProject(this.ctx, actor, filter.projectId);
    if (can.seeWholePortfolio(actor)) {
      if (filter.program !== undefined) await this.requireProgram(filter.program);
      return this.ctx.store.listStakeholders(filter);
    }
    const projects = await readableProjects(this.ctx, actor);
    const programs = new Set(projects.map((p) => p.program));
    if (filter.program !== undefined) {
      assertCan(
        programs.has(filter.program),
        `You can see the stakeholders of a program only when you take part in one of its projects (${filter.program}).`,
      );
    }
    const visible = new Set(projects.map((p) => p.id));
    const entries = await this.ctx.store.listStakeholders(filter);
    return entries.filter((s) =>
      s.scope.kind === 'project' ? visible.has(s.scope.id) : programs.has(s.scope.id),
    );
  }

  async get(actor: Actor, id: string): Promise<Stakeholder> {
    const entry = await this.ctx.store.getStakeholder(id);
    if (!entry) throw new NotFoundError('Stakeholder', id);
    await this.authorize(actor, entry.scope, 'read');
    return entry;
  }

  async create(actor: Actor, draft: StakeholderDraft): Promise<Stakeholder> {
    await this.authorize(actor, draft.scope, 'edit');
    await this.check(draft);
    return this.ctx.store.createStakeholder({ ...draft, id: this.ctx.newId(), version: 1 });
  }

  async update(
    actor: Actor,
    id: string,
    changes: StakeholderChanges,
    expectedVersion: number,
  ): Promise<Stakeholder> {
    const current = await this.ctx.store.getStakeholder(id);
    if (!current) throw new NotFoundError('Stakeholder', id);
    await this.authorize(actor, current.scope, 'edit');
    if (current.version !== expectedVersion) {
      throw new ConflictError(
        `This stakeholder changed since version ${expectedVersion} (now ${current.version}): reload and try again.`,
        current.version,
      );
    }
    const next: Stakeholder = { ...current, ...changes };
    await this.check(next);
    return this.ctx.store.updateStakeholder(next, expectedVersion);
  }

  async remove(actor: Actor, id: string, expectedVersion: number): Promise<void> {
    const current = await this.ctx.store.getStakeholder(id);
    if (!current) throw new NotFoundError('Stakeholder', id);
    await this.authorize(actor, current.scope, 'edit');
    await this.ctx.store.deleteStakeholder(id, expectedVersion);
  }

  /** The rules of one entry, then the duplicate check against its register. */
  private async check(entry: StakeholderDraft & { id?: string }): Promise<void> {
    const errors = checkStakeholder(entry);
    if (errors.length > 0) throw new ValidationError(errors);
    const register = await this.ctx.store.listStakeholders(
      entry.scope.kind === 'project' ? { projectId: entry.scope.id } : { program: entry.scope.id },
    );
    const duplicate = findDuplicate(entry, register);
    if (duplicate) {
      const fieldErrors = duplicateErrors(entry, duplicate);
      throw new ConflictError(fieldErrors[0].message, undefined, fieldErrors);
    }
  }

  private async authorize(actor: Actor, scope: StakeholderScope, access: 'read' | 'edit'): Promise<void> {
    if (scope.kind === 'project') {
      const project: Project =
        access === 'read'
          ? await readableProject(this.ctx, actor, scope.id)
          : await requireProject(this.ctx, scope.id);
      if (access === 'edit') {
        assertCan(
          can.editProjectStakeholders(actor, project),
          `Only ${project.code}'s project manager, their delegates or PMO staff can change its stakeholders.`,
        );
      }
      return;
    }
    if (access === 'edit') {
      assertCan(can.editProgramStakeholders(actor), 'Only PMO staff can change a program’s stakeholders.');
      await this.requireProgram(scope.id);
      return;
    }
    if (can.seeWholePortfolio(actor)) return;
    const projects = await readableProjects(this.ctx, actor);
    assertCan(
      projects.some((p) => p.program === scope.id),
      `You can see the stakeholders of a program only when you take part in one of its projects (${scope.id}).`,
    );
  }

  /** A program exists while a project belongs to it: NotFoundError for a name no project carries. */
  private async requireProgram(program: string): Promise<void> {
    const page = await this.ctx.store.queryPortfolio({
      filter: { program: [program] },
      sort: 'code',
      order: 'asc',
      page: 1,
      pageSize: 1,
      staleBefore: pmoWeek(this.ctx).staleBefore,
    });
    if (page.total === 0) throw new NotFoundError('Program', program);
  }
}
