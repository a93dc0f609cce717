/**
 * RAG (red / amber / green) health and the rules around it.
 */
export const RAG_VALUES = ['green', 'amber', 'red'] as const;
export type Rag = (typeof RAG_VALUES)[number];
/** A project that has never reported has no RAG; the portfolio shows it as "not reported". */
export type RagOrNone = Rag | 'notReported';

export const RAG_DIMENSIONS = ['schedule', 'budget', 'scope', 'resources'] as const;
export type RagDimension = (typeof RAG_DIMENSIONS)[number];

export interface RagAssessment {
  overall: Rag;
  schedule: Rag;
  budget: Rag;
  scope: Rag;
  resources: Rag;
}

const RANK: Record<RagOrNone, number> = { notReported: 0, green: 1, amber: 2, red: 3 };

/** Higher is worse: green 1, amber 2, red 3; "not reported" 0 so it sorts apart from every reported state. */
export function ragRank(rag: RagOrNone): number {
  return RANK[rag];
}

export function worstRag(values: readonly Rag[]): Rag {
  if (values.length === 0) throw new Error('worstRag needs at least one value');
  return values.reduce((worst, v) => (RANK[v] > RANK[worst] ? v : worst));
}

/** The overall health PMO Hub suggests: the worst of schedule, budget, scope and resources. */
export function suggestedOverall(rag: Omit<RagAssessment, 'overall'>): Rag {
  return worstRag(RAG_DIMENSIONS.map((d) => rag[d]));
}

/**
 * The "watermelon" guard: green outside, red inside. A PM may report an overall health better than the
 * worst dimension, but only with a written reason, which is kept with the report.
 */
export function needsOverrideReason(rag: RagAssessment): boolean {
  return RANK[rag.overall] < RANK[suggestedOverall(rag)];
}

/** How many levels worse `to` is than `from` (negative when it improved). Unreported counts as green. */
export function ragDrop(from: RagOrNone, to: RagOrNone): number {
  const level = (r: RagOrNone) => (r === 'notReported' ? RANK.green : RANK[r]);
  return level(to) - level(from);
}

/**
 * Sponsors and the PMO hear at once when a project turns red, or drops two levels in one report
 * (green to red counts once: it is both).
 */
export function needsRagAlert(from: RagOrNone, to: RagOrNone): boolean {
  return (to === 'red' && from !== 'red') || ragDrop(from, to) >= 2;
}
