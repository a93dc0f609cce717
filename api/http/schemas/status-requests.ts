import { z } from 'zod';
import { LIMITS } from '../../domain/limits';
import { STATUS_REQUEST_STATES } from '../../domain/status-request';
import { isoWeek, personRef } from './common';

/** GET /api/status-requests */
export const statusRequestsQuery = z.strictObject({
  week: isoWeek.optional().meta({ description: "Defaults to the PMO's current ISO week." }),
});

const requestId = z
  .string('Must be a status request id.')
  .min(1, 'Must be a status request id.')
  .max(100, 'At most 100 characters.');

/** POST /api/status-requests/reminders */
export const sendRemindersBody = z
  .strictObject({
    requestIds: z
      .array(requestId, 'Must be a list of status request ids.')
      .min(1, 'Name at least one status request.')
      .max(LIMITS.remindersPerCall, `At most ${LIMITS.remindersPerCall} at a time.`)
      .meta({ description: 'The requests whose PM gets the reminder card now (pending or overdue ones).' }),
  })
  .meta({ id: 'SendReminders' });

const count = z.number().int().min(0);
export const statusRequestCounts = z
  .object({
    pending: count,
    submitted: count,
    overdue: count,
    excused: count,
    undeliverable: count,
  })
  .meta({ id: 'StatusRequestCounts', description: 'How many requests are in each state.' });

const instant = z.iso.datetime();

export const statusRequestsOfWeekResponse = z
  .object({
    week: z.string(),
    counts: statusRequestCounts,
    requests: z.array(
      z.object({
        id: z.string(),
        week: z.string(),
        state: z.enum(STATUS_REQUEST_STATES),
        dueAt: instant.meta({
          description: "The cadence's weekday and time that week, in the project's zone.",
        }),
        sentAt: instant.nullable(),
        remindedAt: instant.nullable(),
        escalatedAt: instant.nullable(),
        reason: z.string().nullable().meta({ description: 'Why excused or undeliverable.' }),
        project: z.object({ id: z.string(), code: z.string(), title: z.string(), program: z.string() }),
        projectManager: personRef,
      }),
    ),
  })
  .meta({ id: 'StatusRequestsOfWeek' });

export const REMINDER_OUTCOMES = ['sent', 'undeliverable', 'skipped', 'notFound'] as const;

export const reminderResultsResponse = z
  .object({
    results: z.array(
      z.object({
        id: z.string(),
        outcome: z.enum(REMINDER_OUTCOMES),
        reason: z.string().optional().meta({ description: 'Why it was not sent, in words for a person.' }),
      }),
    ),
  })
  .meta({ id: 'ReminderResults' });
