import type { FieldError } from './errors';
import type { IsoWeek } from './iso-week';
import { daysBetween, previousWeek } from './iso-week';
import type { PersonRef } from './people';
import type { Rag, RagOrNone } from './rag';

export const PROJECT_PHASES = ['initiation', 'planning', 'execution', 'closure'] as const;
export type ProjectPhase = (typeof PROJECT_PHASES)[number];

/** Phases sort in lifecycle order (initiation first), not alphabetically. */
export function phaseRank(phase: ProjectPhase): number {
  return PROJECT_PHASES.indexOf(phase);
}

/** Whether the project is running. Only active projects are asked for status. */
export const PROJECT_STATES = ['active', 'onHold', 'closed'] as const;
export type ProjectState = (typeof PROJECT_STATES)[number];

export const METHODOLOGIES = ['waterfall', 'agile', 'hybrid'] as const;
export type Methodology = (typeof METHODOLOGIES)[number];

/** When the weekly status request goes out, in the PM's own time zone. ISO weekday: 1 = Monday … 7 = Sunday. */
export interface StatusCadence {
  weekday: 1 | 2 | 3 | 4 | 5 | 6 | 7;
  /** Local time, HH:mm (24 h). */
  localTime: string;
  /** IANA time zone, e.g. `Europe/London`. */
  timeZone: string;
}

export const DEFAULT_CADENCE: Omit<StatusCadence, 'timeZone'> = { weekday: 5, localTime: '10:00' };

/** Amounts are in the portfolio's currency (configuration), as whole or fractional units. */
export interface ProjectBudget {
  baseline: number;
  approved: number;
  actualCost: number;
  forecastAtCompletion: number;
}

/** The latest report's RAG, copied onto the project in the same write as the report. */
export interface LatestStatus {
  week: IsoWeek;
  reportedAt: string;
  overall: Rag;
  schedule: Rag;
  budget: Rag;
  scope: Rag;
  resources: Rag;
}

export interface Project {
  id: string;
  code: string;
  title: string;
  description: string;
  program: string;
  department: string;
  projectManager: PersonRef;
  /** People the PM named to submit status on their behalf. */
  delegates: PersonRef[];
  sponsors: PersonRef[];
  phase: ProjectPhase;
  state: ProjectState;
  methodology: Methodology;
  startDate: string;
  baselineFinish: string;
  forecastFinish: string;
  budget: ProjectBudget;
  percentComplete: number;
  cadence: StatusCadence;
  latestStatus: LatestStatus | null;
  createdAt: string;
  updatedAt: string;
  /** Optimistic concurrency: bumped by every write; a write naming an older version is refused. */
  version: number;
}

/** The fields a PMO sets when it creates a project; the rest are derived or start empty. */
export type NewProject = Omit<Project, 'id' | 'latestStatus' | 'createdAt' | 'updatedAt' | 'version'>;

/** Fields that PMO staff may change with PATCH. Status-driven fields change through status reports. */
export type ProjectChanges = Partial<
  Pick<
    Project,
    | 'title'
    | 'description'
    | 'program'
    | 'department'
    | 'projectManager'
    | 'delegates'
    | 'sponsors'
    | 'phase'
    | 'state'
    | 'methodology'
    | 'startDate'
    | 'baselineFinish'
    | 'forecastFinish'
    | 'budget'
    | 'percentComplete'
    | 'cadence'
  >
>;

export function overallRagOf(project: Pick<Project, 'latestStatus'>): RagOrNone {
  return project.latestStatus?.overall ?? 'notReported';
}

/** Forecast at completion minus approved budget: positive means over budget. */
export function budgetVariance(budget: ProjectBudget): number {
  return budget.forecastAtCompletion - budget.approved;
}

/** Days the forecast finish lies after the baseline finish: positive means late. */
export function scheduleVarianceDays(project: Pick<Project, 'baselineFinish' | 'forecastFinish'>): number {
  return daysBetween(project.baselineFinish, project.forecastFinish);
}

/**
 * A project's status is stale when it has no report for the current week or the one before, i.e. its
 * latest report is older than `staleBefore` (see `staleThreshold`). Projects that are not active are
 * never stale.
 */
export function isStale(project: Pick<Project, 'latestStatus' | 'state'>, staleBefore: IsoWeek): boolean {
  if (project.state !== 'active') return false;
  return project.latestStatus === null || project.latestStatus.week < staleBefore;
}

export function isProjectManager(project: Pick<Project, 'projectManager'>, personId: string): boolean {
  return project.projectManager.id === personId;
}

export function isDelegate(project: Pick<Project, 'delegates'>, personId: string): boolean {
  return project.delegates.some((d) => d.id === personId);
}

export function isSponsor(project: Pick<Project, 'sponsors'>, personId: string): boolean {
  return project.sponsors.some((s) => s.id === personId);
}

/** The oldest week whose report still counts as fresh: the week before `currentWeek`. */
export function staleThreshold(currentWeek: IsoWeek): IsoWeek {
  return previousWeek(currentWeek);
}

/** Date rules every project keeps, whoever edits it. */
export function checkProjectDates(
  p: Pick<Project, 'startDate' | 'baselineFinish' | 'forecastFinish'>,
): FieldError[] {
  const errors: FieldError[] = [];
  if (p.baselineFinish < p.startDate) {
    errors.push({ field: 'baselineFinish', message: 'Baseline finish cannot be before the start date.' });
  }
  if (p.forecastFinish < p.startDate) {
    errors.push({ field: 'forecastFinish', message: 'Forecast finish cannot be before the start date.' });
  }
  return errors;
}
