import type { Actor } from '../domain/people';
import type { PortfolioFilter, PortfolioRow, PortfolioSort, PortfolioSummary } from '../domain/portfolio';
import { summarize, toRow } from '../domain/portfolio';
import type { PersonRef } from '../domain/people';
import { can } from './authorization';
import type { ServiceContext } from './context';
import { pmoWeek } from './context';

export interface PortfolioRequest {
  filter: Omit<PortfolioFilter, 'involving'>;
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

export class PortfolioService {
  constructor(private readonly ctx: ServiceContext) {}

  async query(actor: Actor, request: PortfolioRequest): Promise<PortfolioResult> {
    const { currentWeek, staleBefore } = pmoWeek(this.ctx);
    const filter: PortfolioFilter = can.seeWholePortfolio(actor)
      ? { ...request.filter }
      : { ...request.filter, involving: actor.id };
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
}
