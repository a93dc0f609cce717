import type { PersonRef } from './people';

export const CHANGE_REQUEST_STATES = [
  'draft',
  'submitted',
  'approved',
  'rejected',
  'withdrawn',
  'expired',
] as const;
export type ChangeRequestState = (typeof CHANGE_REQUEST_STATES)[number];

/** sequential: each approver in turn; all: everyone, in parallel; any: the first decision settles it. */
export const APPROVAL_POLICIES = ['sequential', 'all', 'any'] as const;
export type ApprovalPolicy = (typeof APPROVAL_POLICIES)[number];

export interface ChangeRequest {
  id: string;
  projectId: string;
  title: string;
  description: string;
  costDelta: number;
  scheduleDeltaDays: number;
  scopeChange: string;
  benefitImpact: string;
  justification: string;
  requestedBy: PersonRef;
  requestedAt: string;
  approvers: PersonRef[];
  policy: ApprovalPolicy;
  state: ChangeRequestState;
  decidedAt: string | null;
  /** What happened besides decisions, oldest first: reassigned approvers, the approval applied to the project. */
  history: ChangeRequestEvent[];
  version: number;
}

export type ChangeRequestEvent =
  | { kind: 'reassigned'; from: PersonRef; to: PersonRef; by: PersonRef; at: string }
  | {
      kind: 'applied';
      at: string;
      approvedBudget: { from: number; to: number };
      forecastFinish: { from: string; to: string };
    }
  | { kind: 'expired'; at: string };

export const DECISION_OUTCOMES = ['approved', 'rejected'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

/** One approver's decision: append-only, the audit trail of a change request. */
export interface Decision {
  id: string;
  changeRequestId: string;
  approver: PersonRef;
  decision: DecisionOutcome;
  comment: string;
  at: string;
  channel: 'bot' | 'tab' | 'api';
}

/** The states still awaiting a decision: what the dashboard counts as open. */
export const OPEN_CHANGE_REQUEST_STATES = [
  'draft',
  'submitted',
] as const satisfies readonly ChangeRequestState[];

export function isOpen(cr: Pick<ChangeRequest, 'state'>): boolean {
  return (OPEN_CHANGE_REQUEST_STATES as readonly ChangeRequestState[]).includes(cr.state);
}
