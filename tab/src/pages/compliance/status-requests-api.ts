/**
 * The status-request endpoints the compliance page calls, typed from the server's own response schemas
 * (type-only imports: nothing from api/ is bundled), so the page and the API cannot drift apart.
 */
import type { z } from 'zod';
import type {
  reminderResultsResponse,
  statusRequestsOfWeekResponse,
} from '../../../../api/http/schemas/status-requests';
import type { StatusRequestState } from '../../api/types';

/** GET /api/status-requests?week=YYYY-Www */
export type StatusRequestsOfWeek = z.infer<typeof statusRequestsOfWeekResponse>;
export type StatusRequestRow = StatusRequestsOfWeek['requests'][number];

/** POST /api/status-requests/reminders */
export type ReminderResults = z.infer<typeof reminderResultsResponse>;
export type ReminderResult = ReminderResults['results'][number];

export type { StatusRequestState };

/** The states in the order the page shows them: what needs the PMO first. */
export const STATES: readonly StatusRequestState[] = [
  'overdue',
  'pending',
  'undeliverable',
  'submitted',
  'excused',
];

/** Only an unanswered request that reached its PM can be chased (the server decides; this only offers). */
export function canRemind(row: Pick<StatusRequestRow, 'state'>): boolean {
  return row.state === 'pending' || row.state === 'overdue';
}
