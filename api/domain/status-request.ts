import type { IsoWeek } from './iso-week';

/**
 * The weekly ask sent to a project's PM. One per project per ISO week: the pair is a unique key, so
 * running the cycle twice (or from two servers) cannot ask twice.
 */
export const STATUS_REQUEST_STATES = ['pending', 'submitted', 'overdue', 'excused', 'undeliverable'] as const;
export type StatusRequestState = (typeof STATUS_REQUEST_STATES)[number];

export interface StatusRequest {
  id: string;
  projectId: string;
  week: IsoWeek;
  state: StatusRequestState;
  sentAt: string | null;
  remindedAt: string | null;
  escalatedAt: string | null;
  /** Why the request is excused or undeliverable (PM away, project on hold, no conversation with the bot). */
  reason: string | null;
  /** The Teams activity of the card, so it can be updated in place. */
  cardActivityId: string | null;
  version: number;
}
