/**
 * Shapes of what this page reads, from the server's own schemas (type-only imports: nothing from api/ is
 * bundled), so the page and the API cannot drift apart.
 */
import type { z } from 'zod';
import type { PortfolioResponse, ProjectJson } from '../../api/types';
import type {
  portfolioHighlightsResponse,
  portfolioTrendResponse,
} from '../../../../api/http/schemas/portfolio';

/** GET /api/portfolio with every project as the presenter writes it (all Project fields plus derived ones). */
export type PortfolioData = Omit<PortfolioResponse, 'projects'> & { projects: ProjectJson[] };

export type PortfolioSummary = PortfolioResponse['summary'];

/** GET /api/portfolio/highlights: this week's figures for the tiles. */
export type PortfolioHighlights = z.infer<typeof portfolioHighlightsResponse>;

/** GET /api/portfolio/trend?weeks=8: each project's overall RAG per week, oldest week first. */
export type PortfolioTrend = z.infer<typeof portfolioTrendResponse>;
