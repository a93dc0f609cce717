import type { ChangeRequestState, ProjectJson } from '../../api/types';

/** Words for the project's stored values (the API's enums are camelCase identifiers). */
export const PHASE_LABEL: Record<ProjectJson['phase'], string> = {
  initiation: 'Initiation',
  planning: 'Planning',
  execution: 'Execution',
  closure: 'Closure',
};
export const STATE_LABEL: Record<ProjectJson['state'], string> = {
  active: 'Active',
  onHold: 'On hold',
  closed: 'Closed',
};
export const METHODOLOGY_LABEL: Record<ProjectJson['methodology'], string> = {
  waterfall: 'Waterfall',
  agile: 'Agile',
  hybrid: 'Hybrid',
};
export const CHANGE_STATE_LABEL: Record<ChangeRequestState, string> = {
  draft: 'Draft',
  submitted: 'Awaiting decision',
  approved: 'Approved',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
  expired: 'Expired',
};

/** The five RAG dimensions of a status report, in the order the status card asks them. */
export const RAG_DIMENSIONS = ['overall', 'schedule', 'budget', 'scope', 'resources'] as const;
export type RagDimension = (typeof RAG_DIMENSIONS)[number];
export const DIMENSION_LABEL: Record<RagDimension, string> = {
  overall: 'Overall',
  schedule: 'Schedule',
  budget: 'Budget',
  scope: 'Scope',
  resources: 'Resources',
};
