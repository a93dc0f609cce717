import { z } from 'zod';
import { LIMITS } from '../../domain/limits';
import {
  DECISION_LOG_STATUSES,
  ISSUE_SEVERITIES,
  ISSUE_STATUSES,
  RAID_KINDS,
  RISK_STATUSES,
} from '../../domain/raid';
import type { RaidKind } from '../../domain/raid';
import { calendarDate, personRef, requiredText, text, version } from './common';

const score = z
  .number()
  .int('Must be a whole number from 1 to 5.')
  .min(1, 'Must be 1 to 5.')
  .max(5, 'Must be 1 to 5.')
  .transform((n) => n as 1 | 2 | 3 | 4 | 5);

const envelope = {
  title: requiredText(LIMITS.title),
  description: text(LIMITS.description).optional(),
  owner: personRef.nullable().optional(),
  dueDate: calendarDate.nullable().optional(),
};

const riskFields = {
  ...envelope,
  probability: score,
  impact: score,
  mitigation: text(LIMITS.description).optional(),
  status: z.enum(RISK_STATUSES).optional(),
};
const issueFields = {
  ...envelope,
  severity: z.enum(ISSUE_SEVERITIES),
  resolution: text(LIMITS.description).optional(),
  status: z.enum(ISSUE_STATUSES).optional(),
};
const decisionFields = {
  ...envelope,
  rationale: text(LIMITS.description).optional(),
  decidedBy: personRef.nullable().optional(),
  decidedOn: calendarDate.nullable().optional(),
  status: z.enum(DECISION_LOG_STATUSES).optional(),
};

/** Create and update (PATCH, with the version read) bodies for each RAID kind. */
export const raidSchemas = {
  risk: {
    create: z.strictObject(riskFields).meta({ id: 'CreateRisk' }),
    update: z.strictObject(riskFields).partial().extend({ version }).meta({ id: 'UpdateRisk' }),
  },
  issue: {
    create: z.strictObject(issueFields).meta({ id: 'CreateIssue' }),
    update: z.strictObject(issueFields).partial().extend({ version }).meta({ id: 'UpdateIssue' }),
  },
  decision: {
    create: z.strictObject(decisionFields).meta({ id: 'CreateDecisionLogEntry' }),
    update: z
      .strictObject(decisionFields)
      .partial()
      .extend({ version })
      .meta({ id: 'UpdateDecisionLogEntry' }),
  },
} satisfies Record<RaidKind, { create: z.ZodType; update: z.ZodType }>;

/** URL segment for each kind. */
export const RAID_PATHS: Record<RaidKind, string> = {
  risk: 'risks',
  issue: 'issues',
  decision: 'decision-log',
};

const flag = z.enum(['true', 'false'], 'Must be true or false.').transform((v) => v === 'true');

/** GET /api/raid: one kind across every project the caller may see. */
export const raidAcrossQuery = z.strictObject({
  kind: z.enum(RAID_KINDS, 'Must be risk, issue or decision.'),
  open: flag
    .optional()
    .meta({ description: 'true: only open items; false: only settled ones; absent: both.' }),
  high: flag.optional().meta({
    description:
      'true: only open items of high severity (risks scoring 15 or more, high or critical issues).',
  }),
});

export const raidAcrossResponse = z
  .object({
    items: z.array(
      z.looseObject({
        id: z.string(),
        kind: z.enum(RAID_KINDS),
        projectId: z.string(),
        title: z.string(),
        status: z.string(),
        owner: personRef.nullable(),
        dueDate: z.string().nullable(),
        score: z.number().optional().meta({ description: 'Risks: probability × impact, 1–25.' }),
        version: z.number(),
        project: z.object({ id: z.string(), code: z.string(), title: z.string() }),
      }),
    ),
  })
  .meta({
    id: 'RaidAcrossProjects',
    description: 'Most severe first: risks by score, issues by severity, decisions newest first.',
  });
