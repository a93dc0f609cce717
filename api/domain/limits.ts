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
  defaultPageSize: 50,
} as const;
