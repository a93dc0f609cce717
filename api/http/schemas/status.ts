import { z } from 'zod';
import { LIMITS } from '../../domain/limits';
import { RAG_VALUES } from '../../domain/rag';
import { STATUS_SOURCES } from '../../domain/status-report';
import { calendarDate, isoWeek, personRef, requiredText, text, version } from './common';

const rag = z.enum(RAG_VALUES, 'Must be green, amber or red.');

/**
 * Ranges, dates and the watermelon guard are checked by the domain (`checkStatusAnswers`), the one
 * place the bot card and the API share; this schema checks the shape.
 */
export const submitStatusBody = z
  .strictObject({
    week: isoWeek
      .optional()
      .meta({ description: "Defaults to the current ISO week in the project's time zone." }),
    rag: z.strictObject({ overall: rag, schedule: rag, budget: rag, scope: rag, resources: rag }),
    overallOverrideReason: text(LIMITS.reason).nullable().optional(),
    percentComplete: z.number('Must be a number from 0 to 100.'),
    accomplishments: requiredText(LIMITS.statusText),
    nextSteps: requiredText(LIMITS.statusText),
    risksAndIssues: text(LIMITS.statusText).optional(),
    decisionsNeeded: text(LIMITS.statusText).optional(),
    actualCostToDate: z.number('Must be a number.'),
    forecastFinish: z.string('Must be a date written YYYY-MM-DD.'),
    source: z.enum(['tab', 'api']).optional(),
    version: version
      .optional()
      .meta({ description: "When editing this week's report: the version you read." }),
  })
  .meta({ id: 'SubmitStatusReport' });

export const statusReportResponse = z
  .object({
    id: z.string(),
    projectId: z.string(),
    week: z.string(),
    rag: z.object({ overall: rag, schedule: rag, budget: rag, scope: rag, resources: rag }),
    suggestedOverall: rag,
    overallOverrideReason: z.string().nullable(),
    percentComplete: z.number(),
    accomplishments: z.string(),
    nextSteps: z.string(),
    risksAndIssues: z.string(),
    decisionsNeeded: z.string(),
    actualCostToDate: z.number(),
    forecastFinish: calendarDate,
    submittedBy: personRef,
    submittedAt: z.string(),
    source: z.enum(STATUS_SOURCES),
    version: z.number(),
  })
  .meta({ id: 'StatusReport' });

export const listStatusQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(260).optional(),
  before: isoWeek.optional(),
});
