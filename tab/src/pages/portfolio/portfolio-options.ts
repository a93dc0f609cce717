import type { ProjectJson } from '../../api/types';
import { ragLabel } from '../../components/rag-badge';
import { PROJECT_PHASES } from '../../../../api/domain/project';
import type { FilterOption, FilterOptions } from './portfolio-filter-bar';
import type { PortfolioFilters } from './portfolio-filters';
import { RAG_OPTIONS } from './portfolio-filters';
import { PHASE_LABEL } from './portfolio-labels';
import type { PortfolioSummary } from './portfolio-types';

const byText = (a: FilterOption, b: FilterOption) => a.text.localeCompare(b.text);

function options(entries: Iterable<[string, string]>, selected: readonly string[]) {
  const map = new Map(entries);
  // A value in the URL that the data does not show (yet) stays pickable, so it can be removed.
  for (const value of selected) if (!map.has(value)) map.set(value, value);
  return [...map].map(([value, text]) => ({ value, text })).sort(byText);
}

/**
 * What each filter offers. Programs, departments and sponsors come from the unfiltered portfolio's
 * roll-ups when known (so picking one program does not hide the others), else from the projects loaded;
 * project managers from every project loaded so far (`knownPms`: id → name, growing as filters change).
 */
export function filterOptions(
  summary: PortfolioSummary | undefined,
  projects: readonly ProjectJson[],
  knownPms: ReadonlyMap<string, string>,
  filters: PortfolioFilters,
): FilterOptions {
  const programs = summary
    ? summary.byProgram.map((p): [string, string] => [p.program, p.program])
    : projects.map((p): [string, string] => [p.program, p.program]);
  const departments = summary
    ? summary.byDepartment.map((d): [string, string] => [d.department, d.department])
    : projects.map((p): [string, string] => [p.department, p.department]);
  const sponsors = summary
    ? summary.bySponsor.map((s): [string, string] => [s.sponsor.id, s.sponsor.name])
    : projects.flatMap((p) => p.sponsors.map((s): [string, string] => [s.id, s.name]));
  return {
    program: options(programs, filters.program),
    department: options(departments, filters.department),
    sponsor: options(sponsors, filters.sponsor),
    pm: options(knownPms, filters.pm),
    rag: RAG_OPTIONS.map((rag) => ({ value: rag, text: ragLabel(rag) })),
    phase: PROJECT_PHASES.map((phase) => ({ value: phase, text: PHASE_LABEL[phase] })),
  };
}
