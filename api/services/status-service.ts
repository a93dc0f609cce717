import { timestampOf } from '../domain/iso-week';
import { NotFoundError, RuleViolation, ValidationError } from '../domain/errors';
import type { IsoWeek } from '../domain/iso-week';
import { isoWeekOf } from '../domain/iso-week';
import type { Actor } from '../domain/people';
import type { Project } from '../domain/project';
import type {
  StatusAnswers,
  StatusReport,
  StatusReportRevision,
  StatusSource,
} from '../domain/status-report';
import {
  assertProjectAcceptsStatus,
  checkStatusAnswers,
  normaliseAnswers,
  projectUpdateFromReport,
} from '../domain/status-report';
import type { RagOrNone } from '../domain/rag';
import type { StatusRequest } from '../domain/status-request';
import { needsRagAlert, RAG_DIMENSIONS, suggestedOverall } from '../domain/rag';
import { assertCan, can } from './authorization';
import type { ServiceContext } from './context';
import { readableProject, requireProject } from './project-access';

export interface SubmitStatusInput {
  answers: StatusAnswers;
  /** Defaults to the current ISO week in the project's cadence time zone. */
  week?: IsoWeek;
  source: StatusSource;
  /** When editing a report already filed this week: the version the editor saw. */
  expectedVersion?: number;
}

export interface SubmitStatusResult {
  report: StatusReport;
  project: Project;
  /** False when this week's report existed and was updated (its old answers kept as a revision). */
  created: boolean;
  /** True when the same answers were already filed: nothing was written. */
  unchanged: boolean;
}

/**
 * Who hears about a filed report: the bot implements it. A sharp fall in health goes to sponsors and the
 * PMO; the week's request card in the PM's chat turns into the summary, wherever the report was filed.
 */
export interface StatusEvents {
  ragDropped(input: { project: Project; report: StatusReport; from: RagOrNone }): Promise<void>;
  submitted(input: { project: Project; report: StatusReport; request: StatusRequest | null }): Promise<void>;
}

export class StatusService {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly events: StatusEvents | null = null,
  ) {}

  /** The ISO week a project is reporting for right now, in its own time zone. */
  currentWeek(project: Pick<Project, 'cadence'>): IsoWeek {
    return isoWeekOf(this.ctx.clock.now(), project.cadence.timeZone);
  }

  async submit(actor: Actor, projectId: string, input: SubmitStatusInput): Promise<SubmitStatusResult> {
    const project = await requireProject(this.ctx, projectId);
    assertCan(
      can.submitStatus(actor, project),
      `Only ${project.projectManager.name} (the project manager), their delegates or PMO staff can report status for ${project.code}.`,
    );
    assertProjectAcceptsStatus(project);
    const current = this.currentWeek(project);
    const week = input.week ?? current;
    if (week > current) {
      throw new RuleViolation(`Status for ${week} cannot be filed before that week starts.`, [
        { field: 'week', message: `The current week is ${current}.` },
      ]);
    }
    const errors = checkStatusAnswers(input.answers);
    if (errors.length > 0) throw new ValidationError(errors);
    const answers = normaliseAnswers(input.answers);

    const existing = await this.ctx.store.getStatusReport(project.id, week);
    if (existing && input.expectedVersion === undefined && sameAnswers(existing, answers)) {
      // A double submit (a retried card, a double click) files nothing twice.
      return { report: existing, project, created: false, unchanged: true };
    }
    const now = timestampOf(this.ctx.clock.now());
    const report: Omit<StatusReport, 'version'> = {
      ...answers,
      id: existing?.id ?? this.ctx.newId(),
      projectId: project.id,
      week,
      suggestedOverall: suggestedOverall(answers.rag),
      submittedBy: { id: actor.id, name: actor.name, email: actor.email },
      submittedAt: now,
      source: input.source,
    };
    const saved = await this.ctx.store.saveStatusReport({
      report,
      expectedVersion: input.expectedVersion,
      projectUpdate: projectUpdateFromReport(project, report),
    });
    // The week's request is answered, whichever way the report came in.
    let request = (await this.ctx.store.findStatusRequest(project.id, week)) ?? null;
    if (request && (request.state === 'pending' || request.state === 'overdue')) {
      request = await this.ctx.store.updateStatusRequest({ ...request, state: 'submitted' }, request.version);
    }
    if (this.events) {
      await this.events.submitted({ project: saved.project, report: saved.report, request });
      const from: RagOrNone = project.latestStatus?.overall ?? 'notReported';
      const newest = saved.project.latestStatus?.week === week;
      if (newest && needsRagAlert(from, saved.report.rag.overall)) {
        await this.events.ragDropped({ project: saved.project, report: saved.report, from });
      }
    }
    return { report: saved.report, project: saved.project, created: saved.created, unchanged: false };
  }

  /** Newest first. */
  async list(
    actor: Actor,
    projectId: string,
    options: { limit?: number; before?: IsoWeek } = {},
  ): Promise<StatusReport[]> {
    const project = await readableProject(this.ctx, actor, projectId);
    return this.ctx.store.listStatusReports(project.id, options);
  }

  async get(
    actor: Actor,
    projectId: string,
    week: IsoWeek,
  ): Promise<{ report: StatusReport; revisions: StatusReportRevision[] }> {
    const project = await readableProject(this.ctx, actor, projectId);
    const report = await this.ctx.store.getStatusReport(project.id, week);
    if (!report) throw new NotFoundError('Status report', `${project.code} ${week}`);
    return { report, revisions: await this.ctx.store.listStatusReportRevisions(report.id) };
  }
}

const ANSWER_KEYS: ReadonlyArray<Exclude<keyof StatusAnswers, 'rag'>> = [
  'overallOverrideReason',
  'percentComplete',
  'accomplishments',
  'nextSteps',
  'risksAndIssues',
  'decisionsNeeded',
  'actualCostToDate',
  'forecastFinish',
];

function sameAnswers(a: StatusAnswers, b: StatusAnswers): boolean {
  return (
    (['overall', ...RAG_DIMENSIONS] as const).every((d) => a.rag[d] === b.rag[d]) &&
    ANSWER_KEYS.every((k) => a[k] === b[k])
  );
}
