import { Router } from 'express';
import { actorOf } from '../locals';
import { parseQuery } from '../parse';
import { projectJson } from '../presenters';
import type { PortfolioQueryParams } from '../schemas/portfolio';
import { portfolioQuery } from '../schemas/portfolio';
import type { PortfolioRequest, PortfolioService } from '../../services/portfolio-service';

export function toPortfolioRequest(q: PortfolioQueryParams): PortfolioRequest {
  const { sort, order, page, pageSize, ...filter } = q;
  return { filter: { ...filter, q: filter.q || undefined }, sort, order, page, pageSize };
}

export function portfolioRouter(portfolio: PortfolioService, currency: string): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const query = parseQuery(portfolioQuery, req);
    const result = await portfolio.query(actorOf(res), toPortfolioRequest(query));
    res.json({
      total: result.total,
      page: result.page,
      pageSize: result.pageSize,
      currentWeek: result.currentWeek,
      currency,
      summary: result.summary,
      projects: result.rows.map(projectJson),
    });
  });
  return router;
}
