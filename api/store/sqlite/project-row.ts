import type { IsoWeek } from '../../domain/iso-week';
import type { PersonRef } from '../../domain/people';
import type { Methodology, Project, ProjectPhase, ProjectState, StatusCadence } from '../../domain/project';
import type { Rag, RagOrNone } from '../../domain/rag';

/** A `projects` row, column for column. */
export interface ProjectRow {
  id: string;
  code: string;
  title: string;
  description: string;
  program: string;
  department: string;
  pm_id: string;
  pm_name: string;
  pm_email: string;
  sponsors_json: string;
  delegates_json: string;
  phase: string;
  state: string;
  methodology: string;
  start_date: string;
  baseline_finish: string;
  forecast_finish: string;
  budget_baseline: number;
  budget_approved: number;
  actual_cost: number;
  forecast_at_completion: number;
  percent_complete: number;
  cadence_weekday: number;
  cadence_time: string;
  cadence_time_zone: string;
  last_status_week: string | null;
  last_status_at: string | null;
  overall_rag: string;
  overall_rank: number;
  phase_rank: number;
  schedule_rag: string | null;
  budget_rag: string | null;
  scope_rag: string | null;
  resources_rag: string | null;
  budget_variance: number;
  schedule_variance_days: number;
  search_text: string;
  created_at: string;
  updated_at: string;
  version: number;
}

type Derived = Pick<
  ProjectRow,
  'phase_rank' | 'overall_rag' | 'overall_rank' | 'budget_variance' | 'schedule_variance_days' | 'search_text'
>;

export function projectToRow(p: Project, derived: Derived): ProjectRow {
  const s = p.latestStatus;
  return {
    id: p.id,
    code: p.code,
    title: p.title,
    description: p.description,
    program: p.program,
    department: p.department,
    pm_id: p.projectManager.id,
    pm_name: p.projectManager.name,
    pm_email: p.projectManager.email,
    sponsors_json: JSON.stringify(p.sponsors),
    delegates_json: JSON.stringify(p.delegates),
    phase: p.phase,
    state: p.state,
    methodology: p.methodology,
    start_date: p.startDate,
    baseline_finish: p.baselineFinish,
    forecast_finish: p.forecastFinish,
    budget_baseline: p.budget.baseline,
    budget_approved: p.budget.approved,
    actual_cost: p.budget.actualCost,
    forecast_at_completion: p.budget.forecastAtCompletion,
    percent_complete: p.percentComplete,
    cadence_weekday: p.cadence.weekday,
    cadence_time: p.cadence.localTime,
    cadence_time_zone: p.cadence.timeZone,
    last_status_week: s?.week ?? null,
    last_status_at: s?.reportedAt ?? null,
    schedule_rag: s?.schedule ?? null,
    budget_rag: s?.budget ?? null,
    scope_rag: s?.scope ?? null,
    resources_rag: s?.resources ?? null,
    ...derived,
    created_at: p.createdAt,
    updated_at: p.updatedAt,
    version: p.version,
  };
}

export function projectFromRow(r: ProjectRow): Project {
  const overall = r.overall_rag as RagOrNone;
  return {
    id: r.id,
    code: r.code,
    title: r.title,
    description: r.description,
    program: r.program,
    department: r.department,
    projectManager: { id: r.pm_id, name: r.pm_name, email: r.pm_email },
    delegates: JSON.parse(r.delegates_json) as PersonRef[],
    sponsors: JSON.parse(r.sponsors_json) as PersonRef[],
    phase: r.phase as ProjectPhase,
    state: r.state as ProjectState,
    methodology: r.methodology as Methodology,
    startDate: r.start_date,
    baselineFinish: r.baseline_finish,
    forecastFinish: r.forecast_finish,
    budget: {
      baseline: r.budget_baseline,
      approved: r.budget_approved,
      actualCost: r.actual_cost,
      forecastAtCompletion: r.forecast_at_completion,
    },
    percentComplete: r.percent_complete,
    cadence: {
      weekday: r.cadence_weekday as StatusCadence['weekday'],
      localTime: r.cadence_time,
      timeZone: r.cadence_time_zone,
    },
    latestStatus:
      r.last_status_week && r.last_status_at && overall !== 'notReported'
        ? {
            week: r.last_status_week as IsoWeek,
            reportedAt: r.last_status_at,
            overall,
            schedule: r.schedule_rag as Rag,
            budget: r.budget_rag as Rag,
            scope: r.scope_rag as Rag,
            resources: r.resources_rag as Rag,
          }
        : null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  };
}
