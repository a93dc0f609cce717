import { ConflictError } from '../domain/errors';
import type { IsoWeek } from '../domain/iso-week';
import { isoWeekOf, timestampOf } from '../domain/iso-week';
import type { Actor, Person } from '../domain/people';
import type { Project } from '../domain/project';
import type { StatusReport } from '../domain/status-report';
import type { StatusCycleSettings, StatusRequest, StatusRequestState } from '../domain/status-request';
import {
  countByState,
  DEFAULT_CYCLE,
  excuseFor,
  nextStep,
  requestDueAt,
  whyNoReminder,
} from '../domain/status-request';
import { assertCan, can } from './authorization';
import type { ServiceContext } from './context';
import { pmoWeek } from './context';

/** What reaching a PM came to: the card went out, or why it could not. */
export type Delivery =
  { delivered: true; activityId: string; conversationId: string } | { delivered: false; reason: string };

export interface LateProject {
  project: Project;
  request: StatusRequest;
  dueAt: Date;
}

/**
 * How the cycle reaches people: the bot implements it (proactive cards), tests record what it was asked.
 * Services never see a Bot Framework object.
 */
export interface StatusNotifier {
  /** The weekly request card (or the reminder) to the project's PM, prefilled with last week's answers. */
  requestStatus(input: {
    project: Project;
    request: StatusRequest;
    dueAt: Date;
    prefill: StatusReport | null;
    reminder: boolean;
  }): Promise<Delivery>;
  /** Late projects and unreachable PMs, to the PMO. */
  escalate(input: { week: IsoWeek; late: LateProject[]; undeliverable: LateProject[] }): Promise<void>;
}

export interface CycleSummary {
  at: string;
  sent: number;
  reminded: number;
  escalated: number;
  excused: number;
  undeliverable: number;
  submitted: number;
  /** Projects whose request is not due yet this week. */
  notDue: number;
}

/** One project's request in a week, with its project and when it was due. */
export interface StatusRequestRow {
  request: StatusRequest;
  project: Project;
  dueAt: Date;
}

/** Every request of one week, for the PMO's compliance view. */
export interface StatusRequestsOfWeek {
  week: IsoWeek;
  counts: Record<StatusRequestState, number>;
  /** By project manager's name, then project code. */
  rows: StatusRequestRow[];
}

/** What "send reminder now" did for one request id. */
export type ReminderResult =
  | { id: string; outcome: 'sent' }
  | { id: string; outcome: 'undeliverable' | 'skipped' | 'notFound'; reason: string };

/**
 * The weekly status cycle: one request per active project per ISO week at its cadence (weekday and time
 * in the project's zone), a reminder, then overdue and an escalation to the PMO. Safe to run as often as
 * you like and from several servers at once: the store's unique (project, week) key decides who sends.
 */
export class StatusCycleService {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly notifier: StatusNotifier,
    private readonly settings: StatusCycleSettings = DEFAULT_CYCLE,
  ) {}

  /** `POST /api/status-requests/run`: PMO staff only. */
  async runAsStaff(actor: Actor, options: { force?: boolean } = {}): Promise<CycleSummary> {
    assertCan(can.runStatusCycle(actor), 'Only PMO staff can run the status cycle.');
    return this.run(options);
  }

  /**
   * One pass. `force`: this week's request goes now to every active project that has none, whatever its
   * cadence says.
   */
  async run(options: { force?: boolean } = {}): Promise<CycleSummary> {
    const now = this.ctx.clock.now();
    const summary: CycleSummary = {
      at: timestampOf(now),
      sent: 0,
      reminded: 0,
      escalated: 0,
      excused: 0,
      undeliverable: 0,
      submitted: 0,
      notDue: 0,
    };
    const late = new Map<IsoWeek, { late: LateProject[]; undeliverable: LateProject[] }>();
    const toEscalate = (week: IsoWeek) => {
      let entry = late.get(week);
      if (!entry) late.set(week, (entry = { late: [], undeliverable: [] }));
      return entry;
    };

    const projects = await this.projects();
    // One query per week in play (projects in far-apart zones can be in different weeks), not one per
    // project: the cycle runs every minute, and on SharePoint every request counts against throttling.
    const weeks = new Set(projects.map((p) => isoWeekOf(now, p.cadence.timeZone)));
    const filed = new Map<string, StatusRequest>();
    for (const week of weeks) {
      for (const r of await this.ctx.store.listStatusRequests({ week }))
        filed.set(`${r.projectId}|${r.week}`, r);
    }

    for (const project of projects) {
      const week = isoWeekOf(now, project.cadence.timeZone);
      const dueAt = requestDueAt(project, week);
      let request = filed.get(`${project.id}|${week}`);
      if (!request) {
        if (now < dueAt && !options.force) {
          summary.notDue += 1;
          continue;
        }
        const outcome = await this.open(project, week, dueAt, now);
        if (!outcome) continue; // another cycle filed it first and sends it
        request = outcome.request;
        if (outcome.kind === 'sent') summary.sent += 1;
        if (outcome.kind === 'excused') summary.excused += 1;
        if (outcome.kind === 'submitted') summary.submitted += 1;
        if (outcome.kind === 'undeliverable') {
          summary.undeliverable += 1;
          toEscalate(week).undeliverable.push({ project, request, dueAt });
        }
        continue;
      }
      if (request.state !== 'pending') continue;
      if (hasReported(project, week) || (await this.ctx.store.getStatusReport(project.id, week))) {
        await this.ctx.store.updateStatusRequest({ ...request, state: 'submitted' }, request.version);
        summary.submitted += 1;
        continue;
      }
      const step = nextStep(request, dueAt, now, this.settings);
      if (step === 'remind') {
        const delivery = await this.remind(project, request, dueAt, now);
        if (delivery.delivered) summary.reminded += 1;
      } else if (step === 'escalate') {
        const overdue = await this.ctx.store.updateStatusRequest(
          { ...request, state: 'overdue', escalatedAt: timestampOf(now) },
          request.version,
        );
        toEscalate(week).late.push({ project, request: overdue, dueAt });
        summary.escalated += 1;
      }
    }
    for (const [week, entry] of late) await this.notifier.escalate({ week, ...entry });
    return summary;
  }

  /**
   * `GET /api/status-requests`: every request of a week (the PMO's current one by default) with its
   * project, for PMO staff. Two store reads: the week's requests and the projects.
   */
  async listWeek(actor: Actor, week?: IsoWeek): Promise<StatusRequestsOfWeek> {
    assertCan(can.manageStatusRequests(actor), 'Only PMO staff can see every status request.');
    const target = week ?? pmoWeek(this.ctx).currentWeek;
    const [requests, projects] = await Promise.all([
      this.ctx.store.listStatusRequests({ week: target }),
      this.projects(),
    ]);
    const byId = new Map(projects.map((p) => [p.id, p]));
    const rows = requests
      .flatMap((request) => {
        const project = byId.get(request.projectId);
        return project ? [{ request, project, dueAt: requestDueAt(project, request.week) }] : [];
      })
      .sort(
        (a, b) =>
          a.project.projectManager.name.localeCompare(b.project.projectManager.name, 'en') ||
          compareText(a.project.code, b.project.code),
      );
    return { week: target, counts: countByState(rows.map((r) => r.request)), rows };
  }

  /**
   * `POST /api/status-requests/reminders`, PMO staff only: the reminder card now, to the PM of each
   * pending or overdue request, exactly as the cycle sends its own. Every id gets its outcome; one that
   * is unknown or already answered does not stop the others.
   */
  async remindNow(actor: Actor, requestIds: readonly string[]): Promise<ReminderResult[]> {
    assertCan(can.manageStatusRequests(actor), 'Only PMO staff can send reminders.');
    const ids = [...new Set(requestIds)];
    const now = this.ctx.clock.now();
    // Read together (on SharePoint they travel packed in $batch requests); the cards then go one by one.
    const requests = await Promise.all(ids.map((id) => this.ctx.store.getStatusRequest(id)));
    const projects = await Promise.all(
      requests.map((r) => (r ? this.ctx.store.getProject(r.projectId) : undefined)),
    );
    const results: ReminderResult[] = [];
    for (const [i, id] of ids.entries()) {
      const request = requests[i];
      const project = projects[i];
      if (!request || !project) {
        results.push({ id, outcome: 'notFound', reason: 'There is no status request with this id.' });
        continue;
      }
      const pm = project.projectManager.name;
      // The report may be in before the cycle has marked the request answered.
      const why =
        whyNoReminder(request, pm) ??
        (hasReported(project, request.week) ? whyNoReminder({ ...request, state: 'submitted' }, pm) : null);
      if (why) {
        results.push({ id, outcome: 'skipped', reason: why });
        continue;
      }
      const delivery = await this.remind(project, request, requestDueAt(project, request.week), now);
      results.push(
        delivery.delivered
          ? { id, outcome: 'sent' }
          : { id, outcome: 'undeliverable', reason: delivery.reason },
      );
    }
    return results;
  }

  /**
   * The reminder card to the PM, prefilled as the request was, then `remindedAt` recorded. A reminder
   * that could not be delivered is recorded too: the PMO sees the PM at the deadline. The cycle's
   * automatic reminder and the PMO's "send reminder now" both come here.
   */
  private async remind(project: Project, request: StatusRequest, dueAt: Date, now: Date): Promise<Delivery> {
    const delivery = await this.notifier.requestStatus({
      project,
      request,
      dueAt,
      prefill: await this.prefill(project, request.week),
      reminder: true,
    });
    const remindedAt = timestampOf(now);
    try {
      await this.ctx.store.updateStatusRequest({ ...request, remindedAt }, request.version);
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err;
      // The request moved on meanwhile (escalated, answered): the reminder still went, so note it there.
      const current = await this.ctx.store.getStatusRequest(request.id);
      if (!current) throw err;
      await this.ctx.store.updateStatusRequest({ ...current, remindedAt }, current.version);
    }
    return delivery;
  }

  /** Files this week's request and acts on it; null when another cycle filed it first. */
  private async open(
    project: Project,
    week: IsoWeek,
    dueAt: Date,
    now: Date,
  ): Promise<{ kind: 'sent' | 'excused' | 'submitted' | 'undeliverable'; request: StatusRequest } | null> {
    const pm: Person = (await this.ctx.store.getPerson(project.projectManager.id)) ?? project.projectManager;
    const excuse = excuseFor(project, pm, now, pm.timeZone ?? project.cadence.timeZone);
    const filedEarly =
      !excuse &&
      (hasReported(project, week) || Boolean(await this.ctx.store.getStatusReport(project.id, week)));
    const base: StatusRequest = {
      id: this.ctx.newId(),
      projectId: project.id,
      week,
      state: excuse ? 'excused' : filedEarly ? 'submitted' : 'pending',
      sentAt: null,
      remindedAt: null,
      escalatedAt: null,
      reason: excuse,
      cardActivityId: null,
      conversationId: null,
      createdAt: timestampOf(now),
      version: 1,
    };
    const { request, created } = await this.ctx.store.createStatusRequest(base);
    if (!created) return null;
    if (excuse) return { kind: 'excused', request };
    if (filedEarly) return { kind: 'submitted', request };

    const delivery = await this.notifier.requestStatus({
      project,
      request,
      dueAt,
      prefill: await this.prefill(project, week),
      reminder: false,
    });
    if (!delivery.delivered) {
      const undeliverable = await this.ctx.store.updateStatusRequest(
        { ...request, state: 'undeliverable', reason: delivery.reason },
        request.version,
      );
      return { kind: 'undeliverable', request: undeliverable };
    }
    const sent = await this.ctx.store.updateStatusRequest(
      {
        ...request,
        sentAt: timestampOf(now),
        cardActivityId: delivery.activityId,
        conversationId: delivery.conversationId,
      },
      request.version,
    );
    return { kind: 'sent', request: sent };
  }

  /** Last week's answers (the newest report before this week), to prefill the card. */
  private async prefill(project: Project, week: IsoWeek): Promise<StatusReport | null> {
    const [previous] = await this.ctx.store.listStatusReports(project.id, { before: week, limit: 1 });
    return previous ?? null;
  }

  private async projects(): Promise<Project[]> {
    const page = await this.ctx.store.queryPortfolio({
      filter: {},
      sort: 'code',
      order: 'asc',
      page: 1,
      pageSize: Number.MAX_SAFE_INTEGER,
      staleBefore: isoWeekOf(this.ctx.clock.now(), this.ctx.pmoTimeZone),
    });
    return page.items;
  }
}

/** The project carries its latest report's week: at or past this one, this week is in. */
function hasReported(project: Project, week: IsoWeek): boolean {
  return project.latestStatus !== null && project.latestStatus.week >= week;
}

/** Code-unit order, for stable ties. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
