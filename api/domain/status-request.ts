import type { IsoWeek } from './iso-week';
import { instantInWeek, localDate } from './iso-week';
import type { Project } from './project';

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
  /** When the card went out (null: not sent, e.g. excused or undeliverable). */
  sentAt: string | null;
  remindedAt: string | null;
  escalatedAt: string | null;
  /** Why the request is excused or undeliverable (PM away, project on hold, no conversation with the bot). */
  reason: string | null;
  /** The Teams activity of the card, so it can be updated in place. */
  cardActivityId: string | null;
  /** The conversation the card went to (to update it in place). */
  conversationId: string | null;
  createdAt: string;
  version: number;
}

/** How the weekly cycle paces itself; both delays count from the moment the request is due. */
export interface StatusCycleSettings {
  /** Nothing submitted this long after the request: one reminder. Default 24 h. */
  reminderAfterMs: number;
  /** Nothing submitted this long after the request: overdue, and the PMO is told. Default 48 h. */
  deadlineAfterMs: number;
}

export const DEFAULT_CYCLE: StatusCycleSettings = {
  reminderAfterMs: 24 * 3600_000,
  deadlineAfterMs: 48 * 3600_000,
};

/** When this week's request for a project is due: its cadence's weekday and local time, in its zone. */
export function requestDueAt(project: Pick<Project, 'cadence'>, week: IsoWeek): Date {
  const { weekday, localTime, timeZone } = project.cadence;
  return instantInWeek(week, weekday, localTime, timeZone);
}

/** A PM is away through the whole of `awayUntil` (a date in their own zone). */
export function isAway(awayUntil: string | null | undefined, now: Date, timeZone: string): boolean {
  return Boolean(awayUntil) && localDate(now, timeZone) <= (awayUntil as string);
}

/** Why a project gets no request this week, or null when it should get one. */
export function excuseFor(
  project: Pick<Project, 'state'>,
  pm: { awayUntil?: string | null; name: string },
  now: Date,
  timeZone: string,
): string | null {
  if (project.state === 'onHold') return 'The project is on hold.';
  if (project.state === 'closed') return 'The project is closed.';
  if (isAway(pm.awayUntil, now, timeZone)) return `${pm.name} is away until ${pm.awayUntil}.`;
  return null;
}

/** What the cycle owes a pending request at `now`: nothing yet, a reminder, or the escalation. */
export function nextStep(
  request: Pick<StatusRequest, 'state' | 'remindedAt' | 'escalatedAt'>,
  dueAt: Date,
  now: Date,
  settings: StatusCycleSettings,
): 'remind' | 'escalate' | null {
  if (request.state !== 'pending') return null;
  const elapsed = now.getTime() - dueAt.getTime();
  if (elapsed >= settings.deadlineAfterMs && !request.escalatedAt) return 'escalate';
  if (elapsed >= settings.reminderAfterMs && !request.remindedAt) return 'remind';
  return null;
}

/** How many requests are in each state; every state is present (zero when none). */
export function countByState(
  requests: ReadonlyArray<Pick<StatusRequest, 'state'>>,
): Record<StatusRequestState, number> {
  const counts = Object.fromEntries(STATUS_REQUEST_STATES.map((s) => [s, 0])) as Record<
    StatusRequestState,
    number
  >;
  for (const r of requests) counts[r.state] += 1;
  return counts;
}

/** Late: already escalated as overdue, or still pending after the moment it was due. */
export function isLate(request: Pick<StatusRequest, 'state'>, dueAt: Date, now: Date): boolean {
  return request.state === 'overdue' || (request.state === 'pending' && now.getTime() > dueAt.getTime());
}

/**
 * Why a reminder cannot go out for this request, in words the PMO understands; null when it can (the
 * request is pending or overdue).
 */
export function whyNoReminder(
  request: Pick<StatusRequest, 'state' | 'week' | 'reason'>,
  pmName: string,
): string | null {
  switch (request.state) {
    case 'pending':
    case 'overdue':
      return null;
    case 'submitted':
      return `The ${request.week} status is already in: there is nothing to remind ${pmName} of.`;
    case 'excused':
      return `${pmName} is excused from the ${request.week} status: ${request.reason ?? 'no reason was recorded.'}`;
    case 'undeliverable':
      return `The ${request.week} request never reached ${pmName}, so a reminder would not either: ${request.reason ?? 'the bot cannot reach them.'}`;
  }
}
