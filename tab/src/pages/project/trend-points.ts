import type { StatusReportJson } from '../../api/types';

export interface TrendPoint {
  week: string;
  percentComplete: number;
  /** Cost to date as a share of the approved budget, so both lines read on one 0–100 % scale. */
  spentPercent: number;
}

/** Oldest first: the chart's x-axis and the table alternative both read left to right in time. */
export function trendPoints(reports: readonly StatusReportJson[], approvedBudget: number): TrendPoint[] {
  return [...reports]
    .sort((a, b) => a.week.localeCompare(b.week))
    .map((r) => ({
      week: r.week,
      percentComplete: r.percentComplete,
      spentPercent: approvedBudget > 0 ? Math.round((r.actualCostToDate / approvedBudget) * 1000) / 10 : 0,
    }));
}
