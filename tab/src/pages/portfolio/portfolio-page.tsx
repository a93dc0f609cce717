import { Button, MessageBar, MessageBarBody, Spinner, Text } from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import { lazy, Suspense, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { RagOrNone } from '../../api/types';
import { downloadCsv } from '../../components/download-csv';
import { EmptyState, ErrorState, LoadingSkeleton } from '../../components/page-states';
import { useResource } from '../../components/use-resource';
import { useApi } from '../../session/session-context';
import { LIMITS } from '../../../../api/domain/limits';
import { comparePortfolio } from '../../../../api/domain/portfolio';
import { PortfolioFilterBar } from './portfolio-filter-bar';
import { filtersToQuery, queryKey } from './portfolio-filters';
import { PortfolioGrid } from './portfolio-grid';
import { portfolioCsv, portfolioCsvFileName } from './portfolio-csv';
import { filterOptions } from './portfolio-options';
import { usePortfolioPageStyles } from './portfolio-page.styles';
import { HighlightTiles, SummaryTiles, TileSkeletons } from './portfolio-tiles';
import { usePortfolioTilesStyles } from './portfolio-tiles.styles';
import type { PortfolioData, PortfolioHighlights, PortfolioSummary, PortfolioTrend } from './portfolio-types';
import { useCountFormat } from './use-count-format';
import { usePortfolioFilters } from './use-portfolio-filters';
import { useStartedEarly } from './use-started-early';

// The charts (d3) are the heaviest part of the tab: their own chunk, loaded after the grid is up.
const PortfolioCharts = lazy(() => import('./portfolio-charts'));

const TREND_WEEKS = 8;

/**
 * The unfiltered roll-ups, where the program, department and sponsor filters take their options. An
 * unfiltered load of the page is one already; a page opened with filters asks for one more (one project).
 */
function useUnfilteredSummary(
  filtered: boolean,
  loaded: PortfolioData | undefined,
): PortfolioSummary | undefined {
  const api = useApi();
  const [summary, setSummary] = useState<PortfolioSummary>();
  useEffect(() => {
    if (!filtered && loaded) setSummary(loaded.summary);
  }, [filtered, loaded]);
  useEffect(() => {
    if (!filtered || summary) return;
    const controller = new AbortController();
    api.get<PortfolioData>('/portfolio', { pageSize: 1 }, controller.signal).then(
      (data) => setSummary(data.summary),
      () => undefined, // the options then come from the filtered rows; the page itself reports errors
    );
    return () => controller.abort();
  }, [api, filtered, summary]);
  return summary;
}

/** Mounts the charts once the browser is idle after the first render, so they never delay the grid. */
function useWhenIdle(ready: boolean): boolean {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    if (!ready || idle) return;
    const handle = requestIdleCallback(() => setIdle(true), { timeout: 800 });
    return () => cancelIdleCallback(handle);
  }, [ready, idle]);
  return idle;
}

/**
 * The portfolio dashboard: this week's figures, filters kept in the URL, the charts a PMO head shows
 * executives, and every matching project in one sortable grid (loaded in one request, sorted here with
 * the server's own comparator), exportable as CSV.
 */
export default function PortfolioPage() {
  const styles = usePortfolioPageStyles();
  const tileStyles = usePortfolioTilesStyles();
  const api = useApi();
  const n = useCountFormat();
  const controls = usePortfolioFilters();
  const { filters, sort, setList, setStale, setSort } = controls;
  const ids = { tiles: useId(), charts: useId(), projects: useId() };

  const query = useMemo(() => filtersToQuery(filters), [filters]);
  const portfolioKey = `portfolio?${queryKey(query)}`;
  const loadPortfolio = (signal?: AbortSignal) =>
    api.get<PortfolioData>('/portfolio', { ...query, pageSize: LIMITS.portfolioPageSize }, signal);
  const takeEarly = useStartedEarly(api, portfolioKey, loadPortfolio);
  const portfolio = useResource<PortfolioData>(
    portfolioKey,
    (signal) => takeEarly(portfolioKey) ?? loadPortfolio(signal),
  );
  // The same filters as the portfolio (not its page size), so these tiles agree with the summary's.
  const highlights = useResource<PortfolioHighlights>(`portfolio/highlights?${queryKey(query)}`, (signal) =>
    api.get('/portfolio/highlights', query, signal),
  );
  const trend = useResource<PortfolioTrend>(`portfolio/trend?weeks=${TREND_WEEKS}`, (signal) =>
    api.get('/portfolio/trend', { weeks: TREND_WEEKS }, signal),
  );

  const data = portfolio.data;
  const projects = data?.projects;
  const sorted = useMemo(
    () => (projects ? [...projects].sort(comparePortfolio(sort.sort, sort.order)) : []),
    [projects, sort.sort, sort.order],
  );

  // Project managers seen in any load so far: the PM filter keeps offering them while filtered.
  const knownPms = useRef(new Map<string, string>());
  const pmsSeen = useMemo(() => {
    for (const p of projects ?? []) knownPms.current.set(p.projectManager.id, p.projectManager.name);
    return new Map(knownPms.current);
  }, [projects]);
  const unfiltered = useUnfilteredSummary(controls.active, portfolio.state === 'ready' ? data : undefined);
  const options = useMemo(
    () => filterOptions(unfiltered, projects ?? [], pmsSeen, filters),
    [unfiltered, projects, pmsSeen, filters],
  );

  const toggleRag = useCallback(
    (rag: RagOrNone, on: boolean) =>
      setList('rag', on ? [...filters.rag, rag] : filters.rag.filter((r) => r !== rag)),
    [filters.rag, setList],
  );
  const showStale = useCallback(() => setStale(true), [setStale]);
  const trendData = trend.state === 'ready' ? trend.data : undefined;
  const exportCsv = () => downloadCsv(portfolioCsvFileName(), portfolioCsv(sorted, trendData));

  const chartsReady = useWhenIdle(portfolio.state === 'ready');
  const updating = portfolio.state === 'loading' && data !== undefined;
  const truncated = data !== undefined && data.total > data.projects.length;

  return (
    <div className={styles.page}>
      <div className={styles.header}>
        <div className={styles.titleBlock}>
          <Text as="h1" size={800} weight="semibold" className={styles.title}>
            Portfolio
          </Text>
          {data && (
            <Text className={styles.subtitle}>
              Week {data.currentWeek} · figures in {data.currency}
            </Text>
          )}
        </div>
        <Button icon={<ArrowDownloadRegular />} onClick={exportCsv} disabled={sorted.length === 0}>
          Export CSV
        </Button>
      </div>

      <PortfolioFilterBar controls={controls} options={options} />

      {portfolio.state === 'error' && <ErrorState error={portfolio.error} onRetry={portfolio.reload} />}

      <section className={styles.section} aria-labelledby={ids.tiles}>
        <Text as="h2" id={ids.tiles} className={styles.visuallyHidden}>
          Key figures
        </Text>
        <div className={tileStyles.grid}>
          {data ? (
            <SummaryTiles summary={data.summary} selectedRags={filters.rag} onToggleRag={toggleRag} />
          ) : (
            portfolio.state === 'loading' && <TileSkeletons count={6} />
          )}
          <HighlightTiles
            highlights={highlights.data}
            error={highlights.state === 'error' ? highlights.error : undefined}
            onRetry={highlights.reload}
            staleProjects={data?.summary.stale ?? 0}
            onShowStale={showStale}
          />
        </div>
      </section>

      {!data && portfolio.state === 'loading' && <LoadingSkeleton label="Loading the portfolio" rows={8} />}

      {data && data.total === 0 && (
        <EmptyState
          title={controls.active ? 'No projects match these filters' : 'No projects to show yet'}
          action={
            controls.active ? (
              <Button appearance="primary" onClick={controls.clear}>
                Clear filters
              </Button>
            ) : undefined
          }
        >
          {controls.active
            ? 'Remove a filter or change the search to see more projects.'
            : 'Projects appear here once the PMO adds them. You see the projects you manage, deputise on or sponsor; PMO staff see them all.'}
        </EmptyState>
      )}

      {data && data.total > 0 && (
        <>
          <section className={styles.section} aria-labelledby={ids.charts}>
            <Text as="h2" size={500} weight="semibold" id={ids.charts} className={styles.sectionTitle}>
              By program
            </Text>
            <div className={styles.chartsPlaceholder}>
              {chartsReady && (
                <Suspense fallback={<LoadingSkeleton label="Loading the charts" rows={4} />}>
                  <PortfolioCharts byProgram={data.summary.byProgram} />
                </Suspense>
              )}
            </div>
          </section>

          <section className={styles.section} aria-labelledby={ids.projects} aria-busy={updating}>
            <div className={styles.sectionHead}>
              <Text as="h2" size={500} weight="semibold" id={ids.projects} className={styles.sectionTitle}>
                Projects
              </Text>
              <Text role="status" className={styles.count}>
                {data.total === 1 ? '1 project' : `${n(data.total)} projects`}
              </Text>
              {updating && <Spinner size="extra-tiny" label="Updating" className={styles.updating} />}
              {trend.state === 'error' && (
                <Text size={200} className={styles.count}>
                  The RAG trend could not be loaded.{' '}
                  <Button size="small" appearance="transparent" onClick={trend.reload}>
                    Retry the trend
                  </Button>
                </Text>
              )}
            </div>
            {truncated && (
              <MessageBar intent="warning">
                <MessageBarBody>
                  Showing the first {n(data.projects.length)} of {n(data.total)} projects. Narrow the filters
                  to see the rest.
                </MessageBarBody>
              </MessageBar>
            )}
            <PortfolioGrid projects={sorted} sort={sort} onSort={setSort} trend={trendData} />
          </section>
        </>
      )}
    </div>
  );
}
