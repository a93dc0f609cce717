import {
  DataGrid,
  DataGridBody,
  DataGridCell,
  DataGridHeader,
  DataGridHeaderCell,
  DataGridRow,
} from '@fluentui-contrib/react-data-grid-react-window';
import type { RowRenderer } from '@fluentui-contrib/react-data-grid-react-window';
import { Badge, createTableColumn, dataGridBodyClassNames, mergeClasses } from '@fluentui/react-components';
import type { DataGridProps, TableColumnDefinition } from '@fluentui/react-components';
import { ArrowDownRegular, ArrowUpRegular, ClockAlarmRegular } from '@fluentui/react-icons';
import { memo, useCallback, useEffect, useMemo, useState } from 'react';
import type { CSSProperties, KeyboardEvent } from 'react';
import type { PortfolioSort, ProjectJson } from '../../api/types';
import type { Formatters } from '../../components/format';
import { AppLink } from '../../components/app-link';
import { useFormat } from '../../components/format';
import { RagBadge } from '../../components/rag-badge';
import { TrendSparkline } from '../../components/trend-sparkline';
import { PORTFOLIO_SORTS } from '../../../../api/domain/portfolio';
import type { PortfolioSortState } from './portfolio-filters';
import type { GridColumnId } from './portfolio-grid.styles';
import { useColumnStyles, usePortfolioGridStyles } from './portfolio-grid.styles';
import { PHASE_LABEL } from './portfolio-labels';
import type { PortfolioTrend } from './portfolio-types';

const ROW_HEIGHT = 44;

/**
 * The rows arrive already in `comparePortfolio` order (the server's rule). The grid still sorts (that is
 * what makes its headers sortable and sets aria-sort), so every column compares as a tie and the stable
 * sort keeps the order. A compare function must take two arguments to count as sortable.
 */
const KEEP_ORDER = (_a: ProjectJson, _b: ProjectJson): number => 0;

type Styles = ReturnType<typeof usePortfolioGridStyles>;

interface CellContext {
  f: Formatters;
  styles: Styles;
  trend?: PortfolioTrend;
}

function BudgetVariance({ amount, ctx }: { amount: number; ctx: CellContext }) {
  const { f, styles } = ctx;
  if (amount === 0) return <span className={styles.muted}>{f.moneyDelta(0)}</span>;
  const over = amount > 0;
  return (
    <span
      className={mergeClasses(styles.variance, over ? styles.over : styles.under)}
      aria-label={`${f.moneyDelta(amount)} (${over ? 'over' : 'under'} budget)`}
    >
      {over ? <ArrowUpRegular aria-hidden /> : <ArrowDownRegular aria-hidden />}
      {f.moneyDelta(amount)}
    </span>
  );
}

function ScheduleVariance({ days, ctx }: { days: number; ctx: CellContext }) {
  const { f, styles } = ctx;
  if (days === 0) return <span className={styles.muted}>On time</span>;
  const late = days > 0;
  return (
    <span
      className={mergeClasses(styles.variance, late ? styles.over : styles.under)}
      aria-label={`${Math.abs(days)} days ${late ? 'late' : 'early'}`}
    >
      {f.days(days)}
    </span>
  );
}

function LastStatus({ p, ctx }: { p: ProjectJson; ctx: CellContext }) {
  const { f, styles } = ctx;
  const status = p.latestStatus;
  return (
    <span className={styles.lastStatus}>
      <span className={mergeClasses(styles.truncate, !status && styles.muted)}>
        {status ? `${status.week} · ${f.date(status.reportedAt)}` : 'Never reported'}
      </span>
      {p.stale && (
        <Badge appearance="tint" color="warning" size="small" icon={<ClockAlarmRegular />}>
          Stale
        </Badge>
      )}
    </span>
  );
}

function buildColumns(ctx: CellContext): TableColumnDefinition<ProjectJson>[] {
  const { styles } = ctx;
  const text = (value: string) => (
    <span className={styles.truncate} title={value}>
      {value}
    </span>
  );
  return [
    createTableColumn<ProjectJson>({
      columnId: 'code',
      compare: KEEP_ORDER,
      renderHeaderCell: () => 'Code',
      renderCell: (p) => text(p.code),
    }),
    createTableColumn<ProjectJson>({
      columnId: 'title',
      compare: KEEP_ORDER,
      renderHeaderCell: () => 'Project',
      renderCell: (p) => (
        <span className={styles.truncate} title={p.title}>
          <AppLink to={`/projects/${p.id}`} className={styles.titleLink}>
            {p.title}
          </AppLink>
        </span>
      ),
    }),
    createTableColumn<ProjectJson>({
      columnId: 'program',
      compare: KEEP_ORDER,
      renderHeaderCell: () => 'Program',
      renderCell: (p) => text(p.program),
    }),
    createTableColumn<ProjectJson>({
      columnId: 'projectManager',
      compare: KEEP_ORDER,
      renderHeaderCell: () => 'Project manager',
      renderCell: (p) => text(p.projectManager.name),
    }),
    createTableColumn<ProjectJson>({
      columnId: 'phase',
      compare: KEEP_ORDER,
      renderHeaderCell: () => 'Phase',
      renderCell: (p) => PHASE_LABEL[p.phase],
    }),
    createTableColumn<ProjectJson>({
      columnId: 'overallRag',
      compare: KEEP_ORDER,
      renderHeaderCell: () => 'Overall RAG',
      renderCell: (p) => <RagBadge rag={p.overallRag} />,
    }),
    createTableColumn<ProjectJson>({
      columnId: 'trend',
      renderHeaderCell: () => 'Trend',
      renderCell: (p) => {
        const values = ctx.trend?.projects[p.id];
        return values ? <TrendSparkline values={values} weeks={ctx.trend?.weeks} /> : null;
      },
    }),
    createTableColumn<ProjectJson>({
      columnId: 'percentComplete',
      compare: KEEP_ORDER,
      renderHeaderCell: () => 'Complete',
      renderCell: (p) => (
        <span className={styles.percent}>
          {/* A plain bar, not a ProgressBar: thousands of rows scroll past, and the figure says it all. */}
          <span className={styles.percentTrack} aria-hidden>
            <span
              className={styles.percentFill}
              style={{ width: `${Math.min(100, Math.max(0, p.percentComplete))}%` }}
            />
          </span>
          {ctx.f.percent(p.percentComplete)}
        </span>
      ),
    }),
    createTableColumn<ProjectJson>({
      columnId: 'budgetVariance',
      compare: KEEP_ORDER,
      renderHeaderCell: () => 'Budget variance',
      renderCell: (p) => <BudgetVariance amount={p.budgetVariance} ctx={ctx} />,
    }),
    createTableColumn<ProjectJson>({
      columnId: 'scheduleVariance',
      compare: KEEP_ORDER,
      renderHeaderCell: () => 'Schedule',
      renderCell: (p) => <ScheduleVariance days={p.scheduleVarianceDays} ctx={ctx} />,
    }),
    createTableColumn<ProjectJson>({
      columnId: 'lastStatus',
      compare: KEEP_ORDER,
      renderHeaderCell: () => 'Last status',
      renderCell: (p) => <LastStatus p={p} ctx={ctx} />,
    }),
  ];
}

const NUMERIC = new Set<string>(['percentComplete', 'budgetVariance', 'scheduleVariance']);

/** The body is as tall as its rows, up to most of the window (it scrolls inside beyond that). */
function useBodyHeight(rows: number): number {
  const [viewport, setViewport] = useState(() => window.innerHeight);
  useEffect(() => {
    const onResize = () => setViewport(window.innerHeight);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  const max = Math.max(ROW_HEIGHT * 6, Math.round(viewport * 0.7));
  return Math.min(Math.max(rows, 1) * ROW_HEIGHT, max);
}

export interface PortfolioGridProps {
  /** Already filtered (by the server) and sorted (by `comparePortfolio`). */
  projects: readonly ProjectJson[];
  sort: PortfolioSortState;
  onSort(sort: PortfolioSort, order: 'asc' | 'desc'): void;
  trend?: PortfolioTrend;
}

const rowIdOf = (p: ProjectJson): string => p.id;

interface PortfolioRowProps {
  item: ProjectJson;
  style: CSSProperties;
  className: string;
  cellClass(columnId: GridColumnId): string;
}

/**
 * One grid row. Memoised: react-window redraws every visible row on each scroll step, and a row whose
 * project and position are unchanged need not render again (column changes still reach it through the
 * grid's context).
 */
const PortfolioRow = memo(function PortfolioRow({ item, style, className, cellClass }: PortfolioRowProps) {
  return (
    <DataGridRow<ProjectJson> style={style} className={className}>
      {({ renderCell, columnId }) => (
        <DataGridCell
          className={cellClass(columnId as GridColumnId)}
          // The title cell holds a link: the link itself is the stop for the arrow keys.
          focusMode={columnId === 'title' ? 'none' : 'cell'}
        >
          {renderCell(item)}
        </DataGridCell>
      )}
    </DataGridRow>
  );
});

const isSort = (id: unknown): id is PortfolioSort => (PORTFOLIO_SORTS as readonly unknown[]).includes(id);

/**
 * The projects as a sortable, keyboard-navigable grid (arrow keys move between cells; Enter or Space on a
 * header sorts). Only the rows in view are in the DOM (react-window), so 5,000 projects scroll smoothly.
 */
export const PortfolioGrid = memo(function PortfolioGrid({
  projects,
  sort,
  onSort,
  trend,
}: PortfolioGridProps) {
  const styles = usePortfolioGridStyles();
  const columnStyles = useColumnStyles();
  const f = useFormat();
  const columns = useMemo(() => buildColumns({ f, styles, trend }), [f, styles, trend]);
  const height = useBodyHeight(projects.length);

  const sortState = useMemo(
    () =>
      ({ sortColumn: sort.sort, sortDirection: sort.order === 'asc' ? 'ascending' : 'descending' }) as const,
    [sort.sort, sort.order],
  );
  const onSortChange = useCallback<NonNullable<DataGridProps['onSortChange']>>(
    (_e, next) => {
      if (isSort(next.sortColumn))
        onSort(next.sortColumn, next.sortDirection === 'ascending' ? 'asc' : 'desc');
    },
    [onSort],
  );

  // Ctrl+Home / Ctrl+End: only the rows in view exist, so scroll first, then focus the first cell of
  // the first or last row once it is drawn (the grid's own handler would focus a row about to vanish).
  const onKeyDown = useCallback(
    (e: KeyboardEvent<HTMLDivElement>) => {
      if (!e.ctrlKey || (e.key !== 'Home' && e.key !== 'End')) return;
      e.preventDefault();
      const grid = e.currentTarget;
      const body = grid.querySelector<HTMLElement>(`.${dataGridBodyClassNames.root} > div`);
      if (body) body.scrollTop = e.key === 'End' ? body.scrollHeight : 0;
      const row = e.key === 'End' ? projects.length + 1 : 2;
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          const target = grid.querySelector<HTMLElement>(
            `[role=row][aria-rowindex="${row}"] :is([role=gridcell][tabindex="0"], a[href])`,
          );
          target?.focus();
        }),
      );
    },
    [projects.length],
  );

  const cellClass = useCallback(
    (columnId: GridColumnId) => mergeClasses(columnStyles[columnId], NUMERIC.has(columnId) && styles.numeric),
    [columnStyles, styles.numeric],
  );

  const renderRow = useCallback<RowRenderer<ProjectJson>>(
    ({ item, rowId }, style) => (
      <PortfolioRow key={rowId} item={item} style={style} className={styles.row} cellClass={cellClass} />
    ),
    [cellClass, styles.row],
  );

  return (
    <DataGrid
      items={projects as ProjectJson[]}
      columns={columns}
      getRowId={rowIdOf}
      sortable
      sortState={sortState}
      onSortChange={onSortChange}
      focusMode="cell"
      onKeyDown={onKeyDown}
      aria-label="Projects"
      className={styles.grid}
    >
      <DataGridHeader>
        <DataGridRow className={styles.headerRow}>
          {({ renderHeaderCell, columnId }) => (
            <DataGridHeaderCell
              className={mergeClasses(cellClass(columnId as GridColumnId), styles.headerCell)}
            >
              {renderHeaderCell()}
            </DataGridHeaderCell>
          )}
        </DataGridRow>
      </DataGridHeader>
      <DataGridBody<ProjectJson> itemSize={ROW_HEIGHT} height={height} listProps={{ overscanCount: 6 }}>
        {renderRow}
      </DataGridBody>
    </DataGrid>
  );
});
