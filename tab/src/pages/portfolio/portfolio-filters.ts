/**
 * The portfolio's filters and sort as they live in the URL (`?program=A&program=B&rag=red&q=…`): the
 * same names GET /api/portfolio accepts, so a link to the dashboard is a saved view and the browser's
 * back and forward restore it.
 */
import type { Query } from '../../api/api-client';
import type { PortfolioSort, ProjectPhase, RagOrNone } from '../../api/types';
import { PORTFOLIO_SORTS } from '../../../../api/domain/portfolio';
import { PROJECT_PHASES, PROJECT_STATES } from '../../../../api/domain/project';
import type { ProjectState } from '../../../../api/domain/project';
import { RAG_VALUES } from '../../../../api/domain/rag';

export const RAG_OPTIONS: readonly RagOrNone[] = [...RAG_VALUES, 'notReported'];

export interface PortfolioFilters {
  program: string[];
  department: string[];
  rag: RagOrNone[];
  phase: ProjectPhase[];
  state: ProjectState[];
  /** Entra ids of project managers. */
  pm: string[];
  /** Entra ids of sponsors. */
  sponsor: string[];
  q: string;
  stale?: boolean;
}

export type ListFilter = 'program' | 'department' | 'rag' | 'phase' | 'state' | 'pm' | 'sponsor';
export const LIST_FILTERS: readonly ListFilter[] = [
  'program',
  'department',
  'rag',
  'phase',
  'state',
  'pm',
  'sponsor',
];
export const FILTER_PARAMS: readonly string[] = [...LIST_FILTERS, 'q', 'stale'];

export interface PortfolioSortState {
  sort: PortfolioSort;
  order: 'asc' | 'desc';
}

const oneOf =
  <T extends string>(allowed: readonly T[]) =>
  (v: string): v is T =>
    (allowed as readonly string[]).includes(v);

/** Repeated values, deduplicated; enum filters drop what the API would refuse (an old or mistyped link). */
export function filtersFromParams(params: URLSearchParams): PortfolioFilters {
  const list = (name: string) => [...new Set(params.getAll(name).filter((v) => v !== ''))];
  const stale = params.get('stale');
  return {
    program: list('program'),
    department: list('department'),
    rag: list('rag').filter(oneOf(RAG_OPTIONS)),
    phase: list('phase').filter(oneOf(PROJECT_PHASES)),
    state: list('state').filter(oneOf(PROJECT_STATES)),
    pm: list('pm'),
    sponsor: list('sponsor'),
    q: (params.get('q') ?? '').trim(),
    stale: stale === 'true' ? true : stale === 'false' ? false : undefined,
  };
}

export function hasFilters(f: PortfolioFilters): boolean {
  return LIST_FILTERS.some((name) => f[name].length > 0) || f.q !== '' || f.stale !== undefined;
}

/** The API query for these filters (sort is applied in the tab, so it is not sent). */
export function filtersToQuery(f: PortfolioFilters): Query {
  return {
    program: f.program,
    department: f.department,
    rag: f.rag,
    phase: f.phase,
    state: f.state,
    pm: f.pm,
    sponsor: f.sponsor,
    q: f.q || undefined,
    stale: f.stale === undefined ? undefined : String(f.stale),
  };
}

/** A stable key for a query: the same filters give the same key, whatever order they were picked in. */
export function queryKey(query: Query): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (value === undefined || value === '') continue;
    if (Array.isArray(value)) for (const v of [...value].sort()) params.append(name, v);
    else params.set(name, String(value));
  }
  return params.toString();
}

export function sortFromParams(params: URLSearchParams): PortfolioSortState {
  const sort = params.get('sort') ?? '';
  return {
    sort: oneOf(PORTFOLIO_SORTS)(sort) ? sort : 'code',
    order: params.get('order') === 'desc' ? 'desc' : 'asc',
  };
}
