import { z } from 'zod';
import { LIMITS } from '../../domain/limits';
import { DECISION_LOG_STATUSES, ISSUE_SEVERITIES, ISSUE_STATUSES, RISK_STATUSES } from '../../domain/raid';
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
