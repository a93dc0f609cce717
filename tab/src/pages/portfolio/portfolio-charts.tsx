/**
 * The dashboard's charts, in their own chunk (d3 and the chart library are the heaviest part of the tab):
 * the page paints its tiles and grid first and loads this afterwards.
 */
import {
  Card,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  ToggleButton,
} from '@fluentui/react-components';
import {
  DataVizPalette,
  getColorFromToken,
  GroupedVerticalBarChart,
  VerticalStackedBarChart,
} from '@fluentui/react-charts';
import type { GroupedVerticalBarChartData, VerticalStackedChartProps } from '@fluentui/react-charts';
import { TableRegular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import { useId, useMemo, useState } from 'react';
import type { RagOrNone } from '../../api/types';
import { useFormat } from '../../components/format';
import { ragLabel } from '../../components/rag-badge';
import { useSession } from '../../session/session-context';
import { RAG_OPTIONS } from './portfolio-filters';
import type { PortfolioSummary } from './portfolio-types';
import { usePortfolioChartsStyles } from './portfolio-charts.styles';

type ByProgram = PortfolioSummary['byProgram'];

/**
 * The chart library takes data-viz palette tokens but does not resolve them for series colours: resolve
 * them here, in their dark variants on the dark and high-contrast themes (both have dark backgrounds).
 */
function usePaletteColor(): (token: string) => string {
  const { theme } = useSession();
  return useMemo(() => {
    const dark = theme !== 'default';
    return (token: string) => getColorFromToken(token, dark);
  }, [theme]);
}

const RAG_COLOR: Record<RagOrNone, string> = {
  green: DataVizPalette.success,
  amber: DataVizPalette.warning,
  red: DataVizPalette.error,
  notReported: DataVizPalette.disabled,
};

const BUDGET_SERIES = [
  { key: 'baseline', legend: 'Baseline', color: DataVizPalette.color1 },
  { key: 'approved', legend: 'Approved', color: DataVizPalette.color2 },
  { key: 'actualCost', legend: 'Actual to date', color: DataVizPalette.color3 },
  { key: 'forecastAtCompletion', legend: 'Forecast at completion', color: DataVizPalette.color4 },
] as const;

/** A chart with a heading and a "Show as table" switch: the same figures for screen readers and copying. */
function ChartCard({ title, chart, table }: { title: string; chart: ReactNode; table: ReactNode }) {
  const styles = usePortfolioChartsStyles();
  const [asTable, setAsTable] = useState(false);
  const headingId = useId();
  return (
    <Card className={styles.card} role="group" aria-labelledby={headingId}>
      <div className={styles.head}>
        <Text as="h3" size={400} weight="semibold" id={headingId} className={styles.title}>
          {title}
        </Text>
        <ToggleButton
          size="small"
          appearance="subtle"
          icon={<TableRegular />}
          checked={asTable}
          onClick={() => setAsTable((v) => !v)}
        >
          Show as table
        </ToggleButton>
      </div>
      <div className={styles.scroll}>{asTable ? table : chart}</div>
    </Card>
  );
}

function RagByProgram({ byProgram }: { byProgram: ByProgram }) {
  const styles = usePortfolioChartsStyles();
  const color = usePaletteColor();
  const data = useMemo<VerticalStackedChartProps[]>(
    () =>
      byProgram.map((p) => ({
        xAxisPoint: p.program,
        chartData: RAG_OPTIONS.map((rag) => ({
          legend: ragLabel(rag),
          data: p.byOverallRag[rag],
          color: color(RAG_COLOR[rag]),
        })),
      })),
    [byProgram, color],
  );
  const title = 'Overall RAG by program';
  return (
    <ChartCard
      title={title}
      chart={
        <div className={styles.chart}>
          <VerticalStackedBarChart
            data={data}
            chartTitle={`${title}: projects per program, stacked by overall RAG`}
            height={320}
            barWidth="auto"
            maxBarWidth={48}
            wrapXAxisLables
            yAxisTitle="Projects"
            hideLabels
          />
        </div>
      }
      table={
        <Table aria-label={title} size="small" className={styles.table}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Program</TableHeaderCell>
              {RAG_OPTIONS.map((rag) => (
                <TableHeaderCell key={rag} className={styles.numeric}>
                  {ragLabel(rag)}
                </TableHeaderCell>
              ))}
              <TableHeaderCell className={styles.numeric}>Projects</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {byProgram.map((p) => (
              <TableRow key={p.program}>
                <TableCell>{p.program}</TableCell>
                {RAG_OPTIONS.map((rag) => (
                  <TableCell key={rag} className={styles.numeric}>
                    {p.byOverallRag[rag]}
                  </TableCell>
                ))}
                <TableCell className={styles.numeric}>{p.projects}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      }
    />
  );
}

function BudgetByProgram({ byProgram }: { byProgram: ByProgram }) {
  const styles = usePortfolioChartsStyles();
  const f = useFormat();
  const color = usePaletteColor();
  const data = useMemo<GroupedVerticalBarChartData[]>(
    () =>
      byProgram.map((p) => ({
        name: p.program,
        series: BUDGET_SERIES.map((s) => ({
          key: s.key,
          legend: s.legend,
          data: p.budget[s.key],
          color: color(s.color),
          yAxisCalloutData: f.money(p.budget[s.key]),
        })),
      })),
    [byProgram, f, color],
  );
  const title = 'Budget by program';
  return (
    <ChartCard
      title={title}
      chart={
        <div className={styles.wideChart}>
          <GroupedVerticalBarChart
            data={data}
            chartTitle={`${title}: baseline, approved, actual to date and forecast at completion`}
            height={320}
            barWidth="auto"
            maxBarWidth={16}
            wrapXAxisLables
            hideLabels
            yAxisTickFormat={(n: number) => f.moneyShort(n)}
            margins={{ left: 64, right: 16, top: 16, bottom: 40 }}
          />
        </div>
      }
      table={
        <Table aria-label={title} size="small" className={styles.table}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Program</TableHeaderCell>
              {BUDGET_SERIES.map((s) => (
                <TableHeaderCell key={s.key} className={styles.numeric}>
                  {s.legend}
                </TableHeaderCell>
              ))}
              <TableHeaderCell className={styles.numeric}>Variance</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {byProgram.map((p) => (
              <TableRow key={p.program}>
                <TableCell>{p.program}</TableCell>
                {BUDGET_SERIES.map((s) => (
                  <TableCell key={s.key} className={styles.numeric}>
                    {f.money(p.budget[s.key])}
                  </TableCell>
                ))}
                <TableCell className={styles.numeric}>
                  {f.moneyDelta(p.budget.variance)}
                  {p.budget.variancePercent !== null && ` (${p.budget.variancePercent.toFixed(1)}%)`}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      }
    />
  );
}

/** RAG and budget by program, side by side on wide screens, stacked on narrow ones. */
export default function PortfolioCharts({ byProgram }: { byProgram: ByProgram }) {
  const styles = usePortfolioChartsStyles();
  return (
    <div className={styles.grid}>
      <RagByProgram byProgram={byProgram} />
      <BudgetByProgram byProgram={byProgram} />
    </div>
  );
}
