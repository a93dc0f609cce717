import type { IsoWeek } from '../../api/domain/iso-week';
import type { ChangeRequestFormValues } from './card-views';

/**
 * Every Action.Execute verb a PMO Hub card carries, in one place: the invoke dispatcher registers a
 * handler for each, so a verb a card uses but nobody handles cannot slip in.
 */
export const CARD_VERBS = [
  'statusSubmit',
  'statusEdit',
  'statusOpen',
  'approvalApprove',
  'approvalReject',
  'approvalRefresh',
  'approvalOpen',
  'changeRequestSubmit',
] as const;
export type CardVerb = (typeof CARD_VERBS)[number];

export function isCardVerb(value: unknown): value is CardVerb {
  return typeof value === 'string' && (CARD_VERBS as readonly string[]).includes(value);
}

/**
 * The `data` of the status cards' Action.Execute: which project and week the card is about. Teams sends
 * it back merged with the card's input values (whose ids never collide with these keys). It says what the
 * card is about, never who may act: that is decided on the server from the caller's identity.
 */
export interface CardActionData {
  projectId: string;
  week: IsoWeek;
  /** The weekly status request the form answers (absent when the PM opened the form themselves). */
  requestId?: string;
  /** The report version being edited, for optimistic concurrency (absent for a first submission). */
  expectedVersion?: number;
}

/**
 * Approve / Reject on a change request card. Teams adds the `comment` input's value (absent or '' when
 * left empty). `version` is the one the approver saw.
 */
export interface ApprovalDecisionData {
  changeRequestId: string;
  version: number;
  comment?: string;
}

/** The card's automatic refresh, and "Open" on the pending list: which change request to show. */
export interface ApprovalRefreshData {
  changeRequestId: string;
}

export type ApprovalOpenData = ApprovalRefreshData;

/** The change request form carries no data of its own: Teams sends its input values, unchecked. */
export type ChangeRequestSubmitData = Partial<ChangeRequestFormValues> & { submissionId?: string };

interface DataOfVerb {
  statusSubmit: CardActionData;
  statusEdit: CardActionData;
  statusOpen: CardActionData;
  approvalApprove: ApprovalDecisionData;
  approvalReject: ApprovalDecisionData;
  approvalRefresh: ApprovalRefreshData;
  approvalOpen: ApprovalOpenData;
  changeRequestSubmit: ChangeRequestSubmitData;
}

/**
 * What each verb's Action.Execute carries in `data`, as cards send it (a verb added to CARD_VERBS
 * without an entry in DataOfVerb does not compile). Still untrusted when it comes back: check it.
 */
export type CardVerbData = { [V in CardVerb]: DataOfVerb[V] };
