import {
  Card,
  Link,
  mergeClasses,
  Skeleton,
  SkeletonItem,
  Text,
  ToggleButton,
} from '@fluentui/react-components';
import { ArrowDownRegular, ArrowUpRegular, FilterRegular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import type { ApiError } from '../../api/api-client';
import type { RagOrNone } from '../../api/types';
import { AppLink } from '../../components/app-link';
import { useFormat } from '../../components/format';
import { ErrorState } from '../../components/page-states';
import { ragLabel } from '../../components/rag-badge';
import { useSession } from '../../session/session-context';
import { RAG_OPTIONS } from './portfolio-filters';
import { useCountFormat } from './use-count-format';
import type { PortfolioHighlights, PortfolioSummary } from './portfolio-types';
import { usePortfolioTilesStyles } from './portfolio-tiles.styles';

type Styles = ReturnType<typeof usePortfolioTilesStyles>;

const RAG_TILE_CLASS = {
  green: 'ragGreen',
  amber: 'ragAmber',
  red: 'ragRed',
  notReported: 'ragNotReported',
} as const satisfies Record<RagOrNone, keyof Styles>;

function Tile({
  figure,
  label,
  className,
  children,
}: {
  figure: ReactNode;
  label: string;
  className?: string;
  children?: ReactNode;
}) {
  const styles = usePortfolioTilesStyles();
  return (
    <Card className={mergeClasses(styles.tile, className)}>
      <Text as="p" className={styles.figure} block>
        {figure}
      </Text>
      <Text as="p" className={styles.label} block>
        {label}
      </Text>
      {children}
    </Card>
  );
}

/**
 * One tile per overall RAG. The tile is also the quickest filter: a toggle button that shows only those
 * projects (the top border, word and count say the RAG, not colour alone; "Filter on" says it is picked).
 */
function RagTile({
  rag,
  count,
  total,
  selected,
  onToggle,
}: {
  rag: RagOrNone;
  count: number;
  total: number;
  selected: boolean;
  onToggle(rag: RagOrNone, on: boolean): void;
}) {
  const styles = usePortfolioTilesStyles();
  const n = useCountFormat();
  const word = ragLabel(rag);
  const share = total > 0 ? Math.round((count / total) * 100) : 0;
  return (
    <ToggleButton
      className={mergeClasses(styles.ragTile, styles[RAG_TILE_CLASS[rag]])}
      checked={selected}
      onClick={() => onToggle(rag, !selected)}
      title={selected ? `Showing only ${word} projects: select to show all` : `Show only ${word} projects`}
    >
      <span className={styles.figure}>{n(count)}</span>
      <span className={styles.ragLabel}>{word}</span>
      <span className={styles.ragDetail}>{share}% of projects</span>
      {/* Last in reading order ("12 Red 25% of projects Filter on"), shown at the top corner. */}
      {selected && (
        <span className={styles.filtering}>
          <FilterRegular aria-hidden />
          Filter on
        </span>
      )}
    </ToggleButton>
  );
}

function BudgetTile({ budget }: { budget: PortfolioSummary['budget'] }) {
  const styles = usePortfolioTilesStyles();
  const f = useFormat();
  const over = budget.variance > 0;
  const pct = budget.variancePercent;
  const percent = pct === null ? '' : ` (${pct > 0 ? '+' : ''}${pct.toFixed(1)}%)`;
  return (
    <Tile
      figure={f.moneyShort(budget.forecastAtCompletion)}
      label="Forecast at completion"
      className={styles.wide}
    >
      <dl className={styles.facts}>
        <dt className={styles.factName}>Approved</dt>
        <dd className={styles.factValue}>{f.money(budget.approved)}</dd>
        <dt className={styles.factName}>Actual to date</dt>
        <dd className={styles.factValue}>{f.money(budget.actualCost)}</dd>
        <dt className={styles.factName}>Variance</dt>
        <dd className={styles.factValue}>
          <span
            className={mergeClasses(
              styles.variance,
              budget.variance > 0 && styles.over,
              budget.variance < 0 && styles.under,
            )}
          >
            {budget.variance !== 0 &&
              (over ? <ArrowUpRegular aria-hidden /> : <ArrowDownRegular aria-hidden />)}
            {f.moneyDelta(budget.variance)}
            {percent}
            {budget.variance !== 0 && (over ? ' over' : ' under')}
          </span>
        </dd>
      </dl>
    </Tile>
  );
}

export interface SummaryTilesProps {
  summary: PortfolioSummary;
  selectedRags: readonly RagOrNone[];
  onToggleRag(rag: RagOrNone, on: boolean): void;
}

/** The figures of the filtered portfolio: RAG counts, budget, schedule. */
export function SummaryTiles({ summary, selectedRags, onToggleRag }: SummaryTilesProps) {
  const f = useFormat();
  const n = useCountFormat();
  return (
    <>
      {RAG_OPTIONS.map((rag) => (
        <RagTile
          key={rag}
          rag={rag}
          count={summary.byOverallRag[rag]}
          total={summary.projects}
          selected={selectedRags.includes(rag)}
          onToggle={onToggleRag}
        />
      ))}
      <Tile figure={n(summary.schedule.slipping)} label="Projects slipping">
        <Text size={200}>
          Average {f.days(Math.round(summary.schedule.averageVarianceDays * 10) / 10)} against baseline finish
        </Text>
      </Tile>
      <BudgetTile budget={summary.budget} />
    </>
  );
}

export interface HighlightTilesProps {
  highlights?: PortfolioHighlights;
  error?: ApiError;
  onRetry(): void;
  staleProjects: number;
  onShowStale(): void;
}

/**
 * This week's workload across the filtered projects: late statuses, change requests, high risks; and the
 * caller's own approvals (their whole queue, whatever the filters).
 */
export function HighlightTiles({
  highlights: h,
  error,
  onRetry,
  staleProjects,
  onShowStale,
}: HighlightTilesProps) {
  const styles = usePortfolioTilesStyles();
  const { me } = useSession();
  const n = useCountFormat();
  if (error) {
    return (
      <Card className={mergeClasses(styles.tile, styles.full)}>
        <ErrorState error={error} onRetry={onRetry} />
      </Card>
    );
  }
  if (!h) return <TileSkeletons count={3} />;
  const { overdue, pending, submitted } = h.statusRequests;
  return (
    <>
      <Tile figure={n(h.lateStatuses)} label="Late statuses this week">
        <Text size={200}>
          {n(overdue)} overdue · {n(pending)} pending · {n(submitted)} submitted
        </Text>
        <div className={styles.links}>
          {me.isPmoStaff && <AppLink to="/compliance">Status compliance</AppLink>}
          {staleProjects > 0 && (
            <Link as="button" onClick={onShowStale}>
              Show {n(staleProjects)} stale {staleProjects === 1 ? 'project' : 'projects'}
            </Link>
          )}
        </div>
      </Tile>
      <Tile figure={n(h.openChangeRequests)} label="Open change requests">
        <AppLink to="/approvals">{n(h.awaitingMyDecision)} awaiting my decision</AppLink>
      </Tile>
      <Tile figure={n(h.openHighRisks)} label="Open high risks">
        <AppLink to="/raid">Risks, issues and decisions</AppLink>
      </Tile>
    </>
  );
}

/** Placeholder tiles while figures load. */
export function TileSkeletons({ count }: { count: number }) {
  const styles = usePortfolioTilesStyles();
  return (
    <>
      {Array.from({ length: count }, (_, i) => (
        <Card key={i} className={styles.tile} aria-hidden>
          <Skeleton>
            <SkeletonItem size={40} />
            <SkeletonItem size={16} />
            <SkeletonItem size={12} />
          </Skeleton>
        </Card>
      ))}
    </>
  );
}
