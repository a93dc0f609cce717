import { z } from 'zod';
import { LIMITS } from '../../domain/limits';
import type { StatusCadence } from '../../domain/project';
import { METHODOLOGIES, PROJECT_PHASES, PROJECT_STATES } from '../../domain/project';
import { RAG_VALUES } from '../../domain/rag';
import {
  calendarDate,
  isoWeek,
  money,
  percent,
  personRef,
  requiredText,
  text,
  timeZone,
  version,
} from './common';

const cadence = z.strictObject({
  weekday: z
    .number()
    .int()
    .min(1, 'ISO weekday 1 (Monday) to 7 (Sunday).')
    .max(7, 'ISO weekday 1 (Monday) to 7 (Sunday).')
    .transform((d) => d as StatusCadence['weekday']),
  localTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Must be a 24-hour time HH:mm.'),
  timeZone,
});

const uniquePeople = (max: number) =>
  z
    .array(personRef)
    .max(max, `At most ${max} people.`)
    .refine((list) => new Set(list.map((p) => p.id)).size === list.length, 'A person is listed twice.');

export const createProjectBody = z
  .strictObject({
    code: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'Letters, digits, dot, dash and underscore only.')
      .max(LIMITS.code, `At most ${LIMITS.code} characters.`),
    title: requiredText(LIMITS.title),
    description: text(LIMITS.description).optional(),
    program: requiredText(LIMITS.shortText),
    department: requiredText(LIMITS.shortText),
    projectManager: personRef,
    sponsors: uniquePeople(LIMITS.sponsors).min(1, 'A project needs at least one sponsor.'),
    delegates: uniquePeople(LIMITS.delegates).optional(),
    phase: z.enum(PROJECT_PHASES),
    state: z.enum(PROJECT_STATES).optional(),
    methodology: z.enum(METHODOLOGIES),
    startDate: calendarDate,
    baselineFinish: calendarDate,
    forecastFinish: calendarDate.optional(),
    budget: z.strictObject({
      baseline: money,
      approved: money.optional(),
      actualCost: money.optional(),
      forecastAtCompletion: money.optional(),
    }),
    percentComplete: percent.optional(),
    cadence: cadence.partial().optional(),
  })
  .meta({ id: 'CreateProject' });

export const updateProjectBody = z
  .strictObject({
    version,
    title: requiredText(LIMITS.title).optional(),
    description: text(LIMITS.description).optional(),
    program: requiredText(LIMITS.shortText).optional(),
    department: requiredText(LIMITS.shortText).optional(),
    projectManager: personRef.optional(),
    sponsors: uniquePeople(LIMITS.sponsors).min(1, 'A project needs at least one sponsor.').optional(),
    delegates: uniquePeople(LIMITS.delegates).optional(),
    phase: z.enum(PROJECT_PHASES).optional(),
    state: z.enum(PROJECT_STATES).optional(),
    methodology: z.enum(METHODOLOGIES).optional(),
    startDate: calendarDate.optional(),
    baselineFinish: calendarDate.optional(),
    forecastFinish: calendarDate.optional(),
    budget: z
      .strictObject({
        baseline: money.optional(),
        approved: money.optional(),
        actualCost: money.optional(),
        forecastAtCompletion: money.optional(),
      })
      .optional(),
    percentComplete: percent.optional(),
    cadence: cadence.partial().optional(),
  })
  .meta({ id: 'UpdateProject' });

const rag = z.enum(RAG_VALUES);
const ragOrNone = z.enum([...RAG_VALUES, 'notReported']);

const latestStatus = z
  .object({
    week: isoWeek,
    reportedAt: z.iso.datetime(),
    overall: rag,
    schedule: rag,
    budget: rag,
    scope: rag,
    resources: rag,
  })
  .nullable();

/** A project as the API returns it: stored fields plus what the rules derive. */
export const projectResponse = z
  .object({
    id: z.string(),
    code: z.string(),
    title: z.string(),
    description: z.string(),
    program: z.string(),
    department: z.string(),
    projectManager: personRef,
    delegates: z.array(personRef),
    sponsors: z.array(personRef),
    phase: z.enum(PROJECT_PHASES),
    state: z.enum(PROJECT_STATES),
    methodology: z.enum(METHODOLOGIES),
    startDate: z.string(),
    baselineFinish: z.string(),
    forecastFinish: z.string(),
    budget: z.object({
      baseline: z.number(),
      approved: z.number(),
      actualCost: z.number(),
      forecastAtCompletion: z.number(),
    }),
    percentComplete: z.number(),
    cadence,
    latestStatus,
    overallRag: ragOrNone,
    budgetVariance: z.number(),
    scheduleVarianceDays: z.number(),
    stale: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number(),
  })
  .meta({ id: 'Project' });

export const ragSchemas = { rag, ragOrNone };
