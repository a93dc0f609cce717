import { timestampOf } from '../domain/iso-week';
import { ValidationError } from '../domain/errors';
import type { Actor, PersonRef } from '../domain/people';
import type {
  Methodology,
  NewProject,
  Project,
  ProjectBudget,
  ProjectChanges,
  ProjectPhase,
  ProjectState,
  StatusCadence,
} from '../domain/project';
import { checkProjectDates, DEFAULT_CADENCE } from '../domain/project';
import { assertCan, can } from './authorization';
import type { ServiceContext } from './context';
import { readableProject, requireProject } from './project-access';
import { pmoWeek } from './context';
import type { PortfolioRow } from '../domain/portfolio';
import { toRow } from '../domain/portfolio';

export interface CreateProjectInput {
  code: string;
  title: string;
  description?: string;
  program: string;
  department: string;
  projectManager: PersonRef;
  sponsors: PersonRef[];
  delegates?: PersonRef[];
  phase: ProjectPhase;
  state?: ProjectState;
  methodology: Methodology;
  startDate: string;
  baselineFinish: string;
  forecastFinish?: string;
  budget: { baseline: number; approved?: number; actualCost?: number; forecastAtCompletion?: number };
  percentComplete?: number;
  cadence?: Partial<StatusCadence>;
}

export type UpdateProjectInput = Omit<ProjectChanges, 'budget' | 'cadence'> & {
  budget?: Partial<ProjectBudget>;
  cadence?: Partial<StatusCadence>;
};

export class ProjectsService {
  constructor(private readonly ctx: ServiceContext) {}

  get(actor: Actor, id: string): Promise<Project> {
    return readableProject(this.ctx, actor, id);
  }

  /** A project with what the rules derive from it (overall RAG, variances, staleness) as of now. */
  view(project: Project): PortfolioRow {
    return toRow(project, pmoWeek(this.ctx).staleBefore);
  }

  async create(actor: Actor, input: CreateProjectInput): Promise<Project> {
    assertCan(can.manageProjects(actor), 'Only PMO staff can create projects.');
    const approved = input.budget.approved ?? input.budget.baseline;
    const pmZone = (await this.ctx.store.getPerson(input.projectManager.id))?.timeZone;
    const project: NewProject = {
      code: input.code,
      title: input.title,
      description: input.description ?? '',
      program: input.program,
      department: input.department,
      projectManager: input.projectManager,
      sponsors: input.sponsors,
      delegates: input.delegates ?? [],
      phase: input.phase,
      state: input.state ?? 'active',
      methodology: input.methodology,
      startDate: input.startDate,
      baselineFinish: input.baselineFinish,
      forecastFinish: input.forecastFinish ?? input.baselineFinish,
      budget: {
        baseline: input.budget.baseline,
        approved,
        actualCost: input.budget.actualCost ?? 0,
        forecastAtCompletion: input.budget.forecastAtCompletion ?? approved,
      },
      percentComplete: input.percentComplete ?? 0,
      cadence: {
        ...DEFAULT_CADENCE,
        timeZone: pmZone ?? this.ctx.pmoTimeZone,
        ...input.cadence,
      },
    };
    const errors = checkProjectDates(project);
    if (errors.length) throw new ValidationError(errors);
    const created = await this.ctx.store.createProject({
      ...project,
      id: this.ctx.newId(),
      createdAt: timestampOf(this.ctx.clock.now()),
    });
    // Only once the project exists: a refused write adds no one to the directory.
    await this.rememberPeople(created);
    return created;
  }

  async update(
    actor: Actor,
    id: string,
    input: UpdateProjectInput,
    expectedVersion: number,
  ): Promise<Project> {
    assertCan(can.manageProjects(actor), 'Only PMO staff can change projects.');
    const current = await requireProject(this.ctx, id);
    const changes: ProjectChanges = {
      ...input,
      budget: input.budget ? { ...current.budget, ...input.budget } : undefined,
      cadence: input.cadence ? { ...current.cadence, ...input.cadence } : undefined,
    };
    for (const key of Object.keys(changes) as Array<keyof ProjectChanges>) {
      if (changes[key] === undefined) delete changes[key];
    }
    const errors = checkProjectDates({ ...current, ...changes });
    if (errors.length) throw new ValidationError(errors);
    const updated = await this.ctx.store.updateProject(
      id,
      changes,
      expectedVersion,
      timestampOf(this.ctx.clock.now()),
    );
    await this.rememberPeople(updated);
    return updated;
  }

  /** People named on a project join the directory, so they can be found and shown by name later. */
  private async rememberPeople(p: Pick<Project, 'projectManager' | 'sponsors' | 'delegates'>): Promise<void> {
    for (const person of [p.projectManager, ...p.sponsors, ...p.delegates]) {
      if (!(await this.ctx.store.getPerson(person.id))) await this.ctx.store.upsertPerson(person);
    }
  }
}
