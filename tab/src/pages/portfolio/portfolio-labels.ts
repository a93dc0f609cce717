import type { ProjectPhase } from '../../api/types';
import type { ProjectState } from '../../../../api/domain/project';

/** How phases and states read on screen and in the CSV. */
export const PHASE_LABEL: Record<ProjectPhase, string> = {
  initiation: 'Initiation',
  planning: 'Planning',
  execution: 'Execution',
  closure: 'Closure',
};

export const STATE_LABEL: Record<ProjectState, string> = {
  active: 'Active',
  onHold: 'On hold',
  closed: 'Closed',
};
