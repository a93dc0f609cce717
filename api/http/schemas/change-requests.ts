import { z } from 'zod';
import { APPROVAL_POLICIES, CHANGE_REQUEST_STATES, DECISION_OUTCOMES } from '../../domain/change-request';
import { LIMITS } from '../../domain/limits';
import { entraId, personRef, requiredText, text } from './common';

const days = z
  .number('Must be a whole number of days.')
  .int('Must be a whole number of days.')
  .min(-3650)
  .max(3650);
const moneyDelta = z
  .number('Must be a number.')
  .min(-LIMITS.money, `Cannot be below -${LIMITS.money}.`)
  .max(LIMITS.money, `Cannot exceed ${LIMITS.money}.`);

export const raiseChangeRequestBody = z
  .strictObject({
    projectId: entraId.or(z.string().min(1)).meta({ description: 'The project the change is for.' }),
    title: requiredText(LIMITS.title),
    description: text(LIMITS.description).default(''),
    costDelta: moneyDelta.meta({ description: 'Change to the approved budget (negative: a saving).' }),
    scheduleDeltaDays: days.meta({
      description: 'Change to the forecast finish, in days (negative: earlier).',
    }),
    scopeChange: text(LIMITS.description).default(''),
    benefitImpact: text(LIMITS.description).default(''),
    justification: requiredText(LIMITS.description),
    approvers: z.array(personRef).max(LIMITS.sponsors).optional().meta({
      description: "In order. Defaults to the project's sponsors.",
    }),
    policy: z.enum(APPROVAL_POLICIES).default('sequential'),
  })
  .meta({ id: 'RaiseChangeRequest' });

export const decisionBody = z
  .strictObject({
    decision: z.enum(DECISION_OUTCOMES),
    comment: text(LIMITS.reason).default(''),
  })
  .meta({ id: 'Decision' });

export const reassignBody = z.strictObject({ from: entraId, to: personRef }).meta({ id: 'ReassignApprover' });

const states = z.enum(CHANGE_REQUEST_STATES);
export const listChangeRequestsQuery = z.strictObject({
  state: z
    .union([states, z.array(states)])
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .optional(),
  project: z.string().min(1).optional(),
  mine: z.enum(['to-approve']).optional(),
});
