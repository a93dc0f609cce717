/**
 * Documented input limits, in one place: the API schemas, the status card and the store all read these.
 * Text limits stay well under SharePoint's 63,999-character multi-line column and Teams' card size.
 */
export const LIMITS = {
  code: 20,
  title: 200,
  shortText: 120,
  description: 4000,
  statusText: 2000,
  reason: 1000,
  sponsors: 10,
  delegates: 10,
  money: 1e12,
  searchText: 100,
  pageSize: 200,
  /** The portfolio dashboard loads the whole filtered portfolio in one request and sorts it in the tab. */
  portfolioPageSize: 5000,
  defaultPageSize: 50,
  /** Weeks a RAG trend spans (half a year), and what the dashboard asks for by default. */
  trendWeeks: 26,
  defaultTrendWeeks: 8,
  /** Status requests one "send reminder now" names. */
  remindersPerCall: 200,
} as const;
