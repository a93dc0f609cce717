import type { ProjectJson } from '../../api/types';
import type { CsvValue } from '../../components/csv';
import { localIsoDate, toCsv } from '../../components/csv';
import { ragLabel } from '../../components/rag-badge';
import { PHASE_LABEL, STATE_LABEL } from './portfolio-labels';
import type { PortfolioTrend } from './portfolio-types';

const HEADER = [
  'Code',
  'Title',
  'Program',
  'Department',
  'Project manager',
  'Sponsors',
  'Phase',
  'State',
  'Overall RAG',
  'RAG trend (oldest first)',
  'Percent complete',
  'Baseline budget',
  'Approved budget',
  'Actual cost',
  'Forecast at completion',
  'Budget variance',
  'Baseline finish',
  'Forecast finish',
  'Schedule variance (days)',
  'Last status week',
  'Last status reported at',
  'Stale',
] as const;

/**
 * The grid's view as CSV: the same rows in the same order, with the figures as plain numbers (no
 * currency symbols or thousands separators) so a spreadsheet can add them up.
 */
export function portfolioCsv(projects: readonly ProjectJson[], trend?: PortfolioTrend): string {
  const rows = projects.map((p): CsvValue[] => [
    p.code,
    p.title,
    p.program,
    p.department,
    p.projectManager.name,
    p.sponsors.map((s) => s.name).join('; '),
    PHASE_LABEL[p.phase],
    STATE_LABEL[p.state],
    ragLabel(p.overallRag),
    trend?.projects[p.id]?.map((v) => v ?? 'none').join(' ') ?? '',
    p.percentComplete,
    p.budget.baseline,
    p.budget.approved,
    p.budget.actualCost,
    p.budget.forecastAtCompletion,
    p.budgetVariance,
    p.baselineFinish,
    p.forecastFinish,
    p.scheduleVarianceDays,
    p.latestStatus?.week ?? '',
    p.latestStatus?.reportedAt ?? '',
    p.stale ? 'yes' : 'no',
  ]);
  return toCsv(HEADER, rows);
}

export function portfolioCsvFileName(now: Date = new Date()): string {
  return `pmo-portfolio-${localIsoDate(now)}.csv`;
}
