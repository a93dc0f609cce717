import { z } from 'zod';
import { LIMITS } from '../../domain/limits';
import { PORTFOLIO_SORTS } from '../../domain/portfolio';
import { PROJECT_PHASES, PROJECT_STATES } from '../../domain/project';
import { RAG_VALUES } from '../../domain/rag';
import { entraId, listParam, personRef } from './common';
import { projectResponse } from './projects';
import { statusRequestCounts } from './status-requests';

const shortValue = z.string().max(LIMITS.shortText, `At most ${LIMITS.shortText} characters.`);

/** The portfolio's filters: every one narrows; a filter repeats for alternatives (`?program=A&program=B`). */
const portfolioFilterShape = {
  program: listParam(shortValue),
  department: listParam(shortValue),
  rag: listParam(z.enum([...RAG_VALUES, 'notReported'])),
  phase: listParam(z.enum(PROJECT_PHASES)),
  state: listParam(z.enum(PROJECT_STATES)),
  pm: listParam(entraId),
  sponsor: listParam(entraId),
  q: z.string().trim().max(LIMITS.searchText, `At most ${LIMITS.searchText} characters.`).optional(),
  stale: z
    .enum(['true', 'false'], 'Must be true or false.')
    .transform((v) => v === 'true')
    .optional(),
};

/**
 * GET /api/portfolio/highlights: the portfolio's filters, without its sort and paging. Unknown parameters
 * are refused (typos show).
 */
export const portfolioFilterQuery = z.strictObject(portfolioFilterShape);
export type PortfolioFilterParams = z.infer<typeof portfolioFilterQuery>;

/** GET /api/portfolio and /api/projects: the filters, then sort and paging. Unknown parameters are refused. */
export const portfolioQuery = z.strictObject({
  ...portfolioFilterShape,
  sort: z.enum(PORTFOLIO_SORTS).default('code'),
  order: z.enum(['asc', 'desc']).default('asc'),
  page: z.coerce.number('Must be a whole number from 1.').int().min(1).default(1),
  pageSize: z.coerce
    .number()
    .int()
    .min(1)
    .max(LIMITS.portfolioPageSize, `At most ${LIMITS.portfolioPageSize}.`)
    .default(LIMITS.defaultPageSize),
});
export type PortfolioQueryParams = z.infer<typeof portfolioQuery>;

const ragCounts = z.object({
  green: z.number(),
  amber: z.number(),
  red: z.number(),
  notReported: z.number(),
});

const summary = z.object({
  projects: z.number(),
  byOverallRag: ragCounts,
  budget: z.object({
    baseline: z.number(),
    approved: z.number(),
    actualCost: z.number(),
    forecastAtCompletion: z.number(),
    variance: z.number(),
    variancePercent: z.number().nullable(),
  }),
  schedule: z.object({ averageVarianceDays: z.number(), slipping: z.number() }),
  stale: z.number(),
});

export const portfolioResponse = z
  .object({
    total: z.number(),
    page: z.number(),
    pageSize: z.number(),
    currentWeek: z.string(),
    currency: z.string(),
    summary: summary.extend({
      byProgram: z.array(summary.extend({ program: z.string() })),
      byDepartment: z.array(summary.extend({ department: z.string() })),
      bySponsor: z.array(summary.extend({ sponsor: personRef })),
    }),
    projects: z.array(projectResponse),
  })
  .meta({ id: 'Portfolio' });

/** GET /api/portfolio/trend */
export const trendQuery = z.strictObject({
  weeks: z.coerce
    .number(`Must be a whole number from 1 to ${LIMITS.trendWeeks}.`)
    .int(`Must be a whole number from 1 to ${LIMITS.trendWeeks}.`)
    .min(1, `Must be a whole number from 1 to ${LIMITS.trendWeeks}.`)
    .max(LIMITS.trendWeeks, `Must be a whole number from 1 to ${LIMITS.trendWeeks}.`)
    .default(LIMITS.defaultTrendWeeks)
    .meta({ description: "How many ISO weeks, ending with the PMO's current one." }),
});

export const portfolioTrendResponse = z
  .object({
    weeks: z.array(z.string().meta({ example: '2026-W48' })).meta({ description: 'Oldest first.' }),
    projects: z.record(z.string(), z.array(z.enum(RAG_VALUES).nullable())).meta({
      description:
        'By project id: the overall RAG reported each week, aligned with `weeks`; null where no report was filed.',
    }),
  })
  .meta({ id: 'PortfolioTrend' });

/** GET /api/portfolio/highlights: filtered as the portfolio's summary is, but for the caller's own queue. */
export const portfolioHighlightsResponse = z
  .object({
    week: z.string().meta({ description: "The PMO's current ISO week, whose status requests are counted." }),
    statusRequests: statusRequestCounts,
    lateStatuses: z.number().meta({
      description:
        "This week's requests of the matching projects that are overdue, or pending past their due time.",
    }),
    openChangeRequests: z
      .number()
      .meta({ description: 'Change requests of the matching projects still awaiting a decision.' }),
    awaitingMyDecision: z.number().meta({
      description:
        "Change requests awaiting the caller's decision now: the caller's whole queue, whatever the filters (their own to-do, not a portfolio figure).",
    }),
    openHighRisks: z
      .number()
      .meta({ description: 'Open risks scoring 15 or more on the matching projects.' }),
  })
  .meta({
    id: 'PortfolioHighlights',
    description:
      "The dashboard's figures. All but `awaitingMyDecision` count only the projects matching the filters, among those the caller may see (this week's status requests, late statuses, open change requests, open high risks).",
  });
