import { isCurrentApprover } from '../domain/approval';
import type { ChangeRequest } from '../domain/change-request';
import { OPEN_CHANGE_REQUEST_STATES } from '../domain/change-request';
import { ValidationError } from '../domain/errors';
import type { IsoWeek } from '../domain/iso-week';
import { weeksEndingWith } from '../domain/iso-week';
import { LIMITS } from '../domain/limits';
import type { Actor } from '../domain/people';
import type { PortfolioFilter, PortfolioRow, PortfolioSort, PortfolioSummary } from '../domain/portfolio';
import { matchesPortfolioFilter, summarize, toRow } from '../domain/portfolio';
import type { PersonRef } from '../domain/people';
import type { Rag } from '../domain/rag';
import { ragTrend } from '../domain/rag-history';
import { isHighRisk, OPEN_RAID_STATUSES } from '../domain/raid';
import type { StatusRequestState } from '../domain/status-request';
import { countByState, isLate, requestDueAt } from '../domain/status-request';
import type { ServiceContext } from './context';
import { pmoWeek } from './context';
import { portfolioScope, readableProjects } from './project-access';

/** The filters a caller may set: what they may see is the service's to add (`portfolioScope`). */
export type PortfolioCallerFilter = Omit<PortfolioFilter, 'involving'>;

export interface PortfolioRequest {
  filter: PortfolioCallerFilter;
  sort: PortfolioSort;
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

export interface PortfolioSummaryWithGroups extends PortfolioSummary {
  byProgram: Array<{ program: string } & PortfolioSummary>;
  byDepartment: Array<{ department: string } & PortfolioSummary>;
  bySponsor: Array<{ sponsor: PersonRef } & PortfolioSummary>;
}

export interface PortfolioResult {
  total: number;
  page: number;
  pageSize: number;
  /** The PMO's current ISO week, against which staleness was judged. */
  currentWeek: string;
  summary: PortfolioSummaryWithGroups;
  rows: PortfolioRow[];
}

/** Each visible project's overall RAG over the last weeks, aligned with `weeks` (oldest first). */
export interface PortfolioTrend {
  weeks: IsoWeek[];
  /** By project id; null where the project filed no report that week. */
  projects: Record<string, Array<Rag | null>>;
}

/** The dashboard tiles, over the projects the caller may see that match the filters. */
export interface PortfolioHighlights {
  /** The PMO's current ISO week, whose status requests are counted. */
  week: IsoWeek;
  statusRequests: Record<StatusRequestState, number>;
  /** Overdue, or pending past the moment they were due. */
  lateStatuses: number;
  /** Change requests still awaiting a decision. */
  openChangeRequests: number;
  /**
   * Change requests whose decision is awaited from the caller now (wherever the caller may look): the
   * caller's whole queue, never filtered, as it is their to-do rather than a figure of the portfolio.
   */
  awaitingMyDecision: number;
  openHighRisks: number;
}

export class PortfolioService {
  constructor(private readonly ctx: ServiceContext) {}

  async query(actor: Actor, request: PortfolioRequest): Promise<PortfolioResult> {
    const { currentWeek, staleBefore } = pmoWeek(this.ctx);
    const filter: PortfolioFilter = { ...request.filter, ...portfolioScope(actor) };
    const page = await this.ctx.store.queryPortfolio({
      filter,
      sort: request.sort,
      order: request.order,
      page: request.page,
      pageSize: request.pageSize,
      staleBefore,
    });
    return {
      total: page.total,
      page: request.page,
      pageSize: request.pageSize,
      currentWeek,
      summary: {
        ...summarize(page.totals),
        byProgram: page.byProgram.map((g) => ({ program: g.key, ...summarize(g.totals) })),
        byDepartment: page.byDepartment.map((g) => ({ department: g.key, ...summarize(g.totals) })),
        bySponsor: page.bySponsor.map((g) => ({ sponsor: g.sponsor, ...summarize(g.totals) })),
      },
      rows: page.items.map((p) => toRow(p, staleBefore)),
    };
  }

  /** The last `weeks` PMO weeks, ending with this one: two store reads whatever the portfolio's size. */
  async trend(actor: Actor, weeks: number = LIMITS.defaultTrendWeeks): Promise<PortfolioTrend> {
    if (!Number.isInteger(weeks) || weeks < 1 || weeks > LIMITS.trendWeeks) {
      throw ValidationError.field('weeks', `Must be a whole number of weeks from 1 to ${LIMITS.trendWeeks}.`);
    }
    const columns = weeksEndingWith(pmoWeek(this.ctx).currentWeek, weeks);
    const [projects, history] = await Promise.all([
      readableProjects(this.ctx, actor),
      this.ctx.store.listRagHistory(columns),
    ]);
    return {
      weeks: columns,
      projects: ragTrend(
        projects.map((p) => p.id),
        columns,
        history,
      ),
    };
  }

  /**
   * The dashboard's figures over the visible projects matching `filter` (the portfolio's own rule, so the
   * tiles agree with its summary): one read each of the projects, this week's status requests, the open
   * change requests and the open risks; then the decisions of only those requests the caller is an
   * approver of (on any project: the caller's queue is not filtered).
   */
  async highlights(actor: Actor, filter: PortfolioCallerFilter = {}): Promise<PortfolioHighlights> {
    const now = this.ctx.clock.now();
    const { currentWeek, staleBefore } = pmoWeek(this.ctx);
    const [readable, requests, changeRequests, risks] = await Promise.all([
      readableProjects(this.ctx, actor),
      this.ctx.store.listStatusRequests({ week: currentWeek }),
      this.ctx.store.listChangeRequests({ state: [...OPEN_CHANGE_REQUEST_STATES] }),
      this.ctx.store.listRaidItemsOfKind('risk', { statuses: OPEN_RAID_STATUSES.risk }),
    ]);
    const projects = readable.filter((p) => matchesPortfolioFilter(p, filter, staleBefore));
    const matching = new Map(projects.map((p) => [p.id, p]));
    const ours = requests.filter((r) => matching.has(r.projectId));
    return {
      week: currentWeek,
      statusRequests: countByState(ours),
      lateStatuses: ours.filter((r) => isLate(r, requestDueAt(matching.get(r.projectId)!, r.week), now))
        .length,
      openChangeRequests: changeRequests.filter((cr) => matching.has(cr.projectId)).length,
      awaitingMyDecision: await this.awaitingDecisionOf(actor, changeRequests),
      openHighRisks: risks.filter((r) => matching.has(r.projectId) && isHighRisk(r)).length,
    };
  }

  /**
   * How many of the open requests await the actor's decision now. Only requests naming the actor as an
   * approver can, so only their decisions are read (read together, not one after another).
   */
  private async awaitingDecisionOf(actor: Actor, open: readonly ChangeRequest[]): Promise<number> {
    const mine = open.filter((cr) => cr.state === 'submitted' && cr.approvers.some((a) => a.id === actor.id));
    const decisions = await Promise.all(mine.map((cr) => this.ctx.store.listDecisions(cr.id)));
    return mine.filter((cr, i) => isCurrentApprover(cr, decisions[i], actor.id)).length;
  }
}
