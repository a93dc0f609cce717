import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Text,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { HistoryRegular } from '@fluentui/react-icons';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { IsoWeek, ProjectJson, StatusReportJson } from '../../api/types';
import { useFormat } from '../../components/format';
import { EmptyState, ErrorState, LoadingSkeleton } from '../../components/page-states';
import { useResource } from '../../components/use-resource';
import { useApi } from '../../session/session-context';
import { isoWeekOf, weekLong, weeksBetween } from '../../components/iso-week';
import { useProjectPageStyles } from './project-page.styles';
import { useRaidStyles } from './project-raid.styles';
import { StatusReportView } from './status-report-view';
import { RagLegend, StatusTimeline } from './status-timeline';
import { trendPoints } from './trend-points';

const StatusTrendChart = lazy(() => import('./status-trend-chart'));

/** Half a year at a time, the same span as the portfolio's trend; "Show earlier weeks" adds more. */
const PAGE_WEEKS = 26;
const MAX_WEEKS = 260;

/** The week-by-week timeline, the chosen week's report in full (the latest by default), and the trend. */
export function StatusPanel({ project }: { project: ProjectJson }) {
  const styles = useProjectPageStyles();
  const api = useApi();
  const table = useRaidStyles();
  const f = useFormat();
  const [limit, setLimit] = useState(PAGE_WEEKS);
  const [params, setParams] = useSearchParams();
  const resource = useResource(`status:${project.id}:${limit}`, (signal) =>
    api.get<{ reports: StatusReportJson[] }>(
      `/projects/${encodeURIComponent(project.id)}/status-reports`,
      { limit },
      signal,
    ),
  );
  const reports = useMemo(() => resource.data?.reports ?? [], [resource.data]);

  const byWeek = useMemo(() => new Map<string, StatusReportJson>(reports.map((r) => [r.week, r])), [reports]);
  const weeks = useMemo<IsoWeek[]>(() => {
    if (reports.length === 0) return [];
    const sorted = reports.map((r) => r.week).sort();
    // An active project is expected to report every week up to now: show the weeks it missed too.
    const now = isoWeekOf(new Date());
    const last =
      project.state === 'active' && now > sorted[sorted.length - 1] ? now : sorted[sorted.length - 1];
    return weeksBetween(sorted[0], last);
  }, [reports, project.state]);
  const latest = reports.reduce<StatusReportJson | undefined>(
    (a, r) => (!a || r.week > a.week ? r : a),
    undefined,
  );
  const asked = params.get('week');
  const selected = (asked && byWeek.get(asked)) || latest;
  const points = useMemo(
    () => trendPoints(reports, project.budget.approved),
    [reports, project.budget.approved],
  );

  const selectWeek = (week: IsoWeek) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (week === latest?.week) next.delete('week');
        else next.set('week', week);
        return next;
      },
      { replace: true },
    );

  if (resource.state === 'error' && !resource.data)
    return <ErrorState error={resource.error} onRetry={resource.reload} />;
  if (!resource.data) return <LoadingSkeleton label="Loading the status history" rows={5} />;
  if (reports.length === 0) {
    return (
      <EmptyState title="No status reports yet">
        {project.projectManager.name}'s weekly status will show here once they answer the status card in Teams
        (or one of their delegates does).
      </EmptyState>
    );
  }

  return (
    <div className={styles.panel}>
      <section className={styles.section} aria-labelledby="history-heading">
        <div className={styles.sectionHeader}>
          <h2 id="history-heading" className={styles.sectionHeading}>
            Status history
          </h2>
          <RagLegend />
        </div>
        {resource.state === 'error' && <ErrorState error={resource.error} onRetry={resource.reload} />}
        <StatusTimeline
          weeks={weeks}
          reports={byWeek}
          selected={selected?.week ?? null}
          onSelect={selectWeek}
        />
        {reports.length >= limit && limit < MAX_WEEKS && (
          <Button
            className={styles.backLink}
            icon={<HistoryRegular />}
            disabled={resource.state === 'loading'}
            onClick={() => setLimit((n) => Math.min(MAX_WEEKS, n + PAGE_WEEKS))}
          >
            Show earlier weeks
          </Button>
        )}
        {selected && <StatusReportView report={selected} latest={selected.week === latest?.week} />}
      </section>

      <section className={styles.section} aria-labelledby="trend-heading">
        <h2 id="trend-heading" className={styles.sectionHeading}>
          Progress and spend
        </h2>
        <Text className={styles.muted}>
          Percent complete against budget spent (cost to date as a share of the approved budget,{' '}
          {f.money(project.budget.approved)}). Spend running ahead of progress is an early warning.
        </Text>
        <div role="figure" aria-label={trendSummary(points, f.percent)}>
          <Suspense fallback={<LoadingSkeleton label="Loading the chart" rows={4} />}>
            <StatusTrendChart points={points} height={260} />
          </Suspense>
        </div>
        <Accordion collapsible>
          <AccordionItem value="table">
            <AccordionHeader>Progress and spend as a table</AccordionHeader>
            <AccordionPanel>
              <div
                className={table.tableScroller}
                role="region"
                aria-label="Progress and spend by week"
                tabIndex={0}
              >
                <Table size="small" aria-label="Progress and spend by week">
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell>Week</TableHeaderCell>
                      <TableHeaderCell>Percent complete</TableHeaderCell>
                      <TableHeaderCell>Cost to date</TableHeaderCell>
                      <TableHeaderCell>Of approved budget</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {[...points].reverse().map((p) => (
                      <TableRow key={p.week}>
                        <TableCell>{weekLong(p.week)}</TableCell>
                        <TableCell>{f.percent(p.percentComplete)}</TableCell>
                        <TableCell>{f.money(byWeek.get(p.week)?.actualCostToDate ?? 0)}</TableCell>
                        <TableCell>{`${p.spentPercent}%`}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </div>
            </AccordionPanel>
          </AccordionItem>
        </Accordion>
      </section>
    </div>
  );
}

/** The chart's accessible name: where both lines start and end. */
function trendSummary(
  points: readonly { week: string; percentComplete: number; spentPercent: number }[],
  pct: (n: number) => string,
): string {
  if (points.length === 0) return 'Progress and spend chart: no data.';
  const first = points[0];
  const last = points[points.length - 1];
  return (
    `Progress and spend chart, ${weekLong(first.week)} to ${weekLong(last.week)}: percent complete went from ` +
    `${pct(first.percentComplete)} to ${pct(last.percentComplete)}; cost to date from ${first.spentPercent}% ` +
    `to ${last.spentPercent}% of the approved budget. The same figures are in the table below.`
  );
}
