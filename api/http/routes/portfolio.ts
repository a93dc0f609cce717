import type { Request, Response } from 'express';
import { Router } from 'express';
import { actorOf } from '../locals';
import { parseQuery } from '../parse';
import { projectJson } from '../presenters';
import type { PortfolioFilterParams, PortfolioQueryParams } from '../schemas/portfolio';
import { portfolioFilterQuery, portfolioQuery, trendQuery } from '../schemas/portfolio';
import type {
  PortfolioCallerFilter,
  PortfolioRequest,
  PortfolioService,
} from '../../services/portfolio-service';

function toPortfolioFilter(filter: PortfolioFilterParams): PortfolioCallerFilter {
  return { ...filter, q: filter.q || undefined };
}

function toPortfolioRequest(q: PortfolioQueryParams): PortfolioRequest {
  const { sort, order, page, pageSize, ...filter } = q;
  return { filter: toPortfolioFilter(filter), sort, order, page, pageSize };
}

/** Parses the portfolio query string and runs it as the caller; `/api/portfolio` and `/api/projects` share it. */
export async function portfolioFromRequest(portfolio: PortfolioService, req: Request, res: Response) {
  const result = await portfolio.query(actorOf(res), toPortfolioRequest(parseQuery(portfolioQuery, req)));
  return { ...result, projects: result.rows.map(projectJson) };
}

export function portfolioRouter(portfolio: PortfolioService, currency: string): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const result = await portfolioFromRequest(portfolio, req, res);
    res.json({
      total: result.total,
      page: result.page,
      pageSize: result.pageSize,
      currentWeek: result.currentWeek,
      currency,
      summary: result.summary,
      projects: result.projects,
    });
  });
  router.get('/trend', async (req, res) => {
    const { weeks } = parseQuery(trendQuery, req);
    res.json(await portfolio.trend(actorOf(res), weeks));
  });
  router.get('/highlights', async (req, res) => {
    const filter = toPortfolioFilter(parseQuery(portfolioFilterQuery, req));
    res.json(await portfolio.highlights(actorOf(res), filter));
  });
  return router;
}
