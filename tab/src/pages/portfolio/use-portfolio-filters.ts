import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { PortfolioSort } from '../../api/types';
import type { ListFilter, PortfolioFilters, PortfolioSortState } from './portfolio-filters';
import { FILTER_PARAMS, filtersFromParams, hasFilters, sortFromParams } from './portfolio-filters';

export interface PortfolioFilterControls {
  filters: PortfolioFilters;
  active: boolean;
  sort: PortfolioSortState;
  setList(name: ListFilter, values: readonly string[]): void;
  setText(q: string): void;
  setStale(stale: boolean | undefined): void;
  setSort(sort: PortfolioSort, order: 'asc' | 'desc'): void;
  clear(): void;
}

/**
 * Reads and writes the filters in the URL. A filter change is a new history entry (back undoes it); a
 * sort change replaces the entry, so back does not replay every header click.
 */
export function usePortfolioFilters(): PortfolioFilterControls {
  const [params, setParams] = useSearchParams();
  const search = params.toString();
  // Keyed on the text of the URL: useSearchParams hands out a new object on every render.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const filters = useMemo(() => filtersFromParams(params), [search]);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const sort = useMemo(() => sortFromParams(params), [search]);

  const update = useCallback(
    (change: (next: URLSearchParams) => void, replace = false) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          change(next);
          return next;
        },
        { replace },
      ),
    [setParams],
  );

  const setList = useCallback(
    (name: ListFilter, values: readonly string[]) =>
      update((next) => {
        next.delete(name);
        for (const v of values) next.append(name, v);
      }),
    [update],
  );
  const setText = useCallback(
    (q: string) =>
      update((next) => {
        if (q.trim()) next.set('q', q.trim());
        else next.delete('q');
      }),
    [update],
  );
  const setStale = useCallback(
    (stale: boolean | undefined) =>
      update((next) => {
        if (stale === undefined) next.delete('stale');
        else next.set('stale', String(stale));
      }),
    [update],
  );
  const setSort = useCallback(
    (by: PortfolioSort, order: 'asc' | 'desc') =>
      update((next) => {
        next.set('sort', by);
        next.set('order', order);
      }, true),
    [update],
  );
  const clear = useCallback(
    () =>
      update((next) => {
        for (const name of FILTER_PARAMS) next.delete(name);
      }),
    [update],
  );

  return { filters, active: hasFilters(filters), sort, setList, setText, setStale, setSort, clear };
}
