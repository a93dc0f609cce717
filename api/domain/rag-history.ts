import type { IsoWeek } from './iso-week';
import type { Rag } from './rag';

/** One project's overall RAG as its report for one week gave it. */
export interface RagHistoryEntry {
  projectId: string;
  week: IsoWeek;
  overall: Rag;
}

/**
 * Each project's overall RAG per week, aligned with `weeks` (null: no report that week). Every project
 * named gets a row, even one that never reported; entries of other projects or weeks are ignored.
 */
export function ragTrend(
  projectIds: readonly string[],
  weeks: readonly IsoWeek[],
  entries: readonly RagHistoryEntry[],
): Record<string, Array<Rag | null>> {
  const column = new Map(weeks.map((w, i) => [w, i]));
  const rows = new Map<string, Array<Rag | null>>(
    projectIds.map((id) => [id, weeks.map((): Rag | null => null)]),
  );
  for (const e of entries) {
    const i = column.get(e.week);
    const row = rows.get(e.projectId);
    if (row && i !== undefined) row[i] = e.overall;
  }
  return Object.fromEntries(rows);
}
