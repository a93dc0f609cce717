import type { ApprovalPolicy, ChangeRequestState } from '../../api/domain/change-request';
import type { FieldError } from '../../api/domain/errors';
import type { IsoWeek } from '../../api/domain/iso-week';
import type { Rag, RagAssessment, RagOrNone } from '../../api/domain/rag';

/**
 * What each card shows, as plain data the bot fills in (labels already formatted for the reader's
 * zone). The builders in build-cards.ts turn a view into a card; nothing here knows about card JSON.
 */

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** A bound card, ready for `CardFactory.adaptiveCard` or an invoke response. */
export interface AdaptiveCardJson {
  $schema: string;
  type: 'AdaptiveCard';
  version: '1.5';
  body: JsonObject[];
  actions?: JsonObject[];
  msteams?: { width: 'Full' };
  /**
   * Universal Actions refresh: each listed user's client invokes `action` when the card is shown and
   * gets its own view back; everyone else sees the card as sent. `[]` means refresh by hand only.
   */
  refresh?: { action: JsonObject; userIds: string[] };
}

export interface CardProject {
  id: string;
  code: string;
  title: string;
}

/**
 * The status form's inputs as the PM left them (Teams sends every value back as a string; '' when
 * untouched). Numbers that cannot be shown in a number box again are left out of the card.
 */
export interface StatusFormValues {
  overall: Rag | '';
  schedule: Rag | '';
  budget: Rag | '';
  scope: Rag | '';
  resources: Rag | '';
  overallOverrideReason: string;
  percentComplete: string;
  accomplishments: string;
  nextSteps: string;
  risksAndIssues: string;
  decisionsNeeded: string;
  actualCostToDate: string;
  /** YYYY-MM-DD, or '' */
  forecastFinish: string;
}

export interface StatusFormView {
  project: CardProject;
  week: IsoWeek;
  /** e.g. 'Week 48 · 23–29 Nov 2026' */
  weekLabel: string;
  requestId: string | null;
  values: StatusFormValues;
  /** Shown as "Prefilled with your answers for 2026-W47". */
  prefilledFrom: IsoWeek | null;
  /**
   * Domain field paths ('rag.overall', 'percentComplete', …): each is shown under its input; any other
   * field goes in the summary at the top.
   */
  errors: FieldError[];
  /** A reminder, "You are changing …", or why the last submit failed. */
  banner: { tone: 'attention' | 'warning' | 'accent'; text: string } | null;
  /** ISO 4217 code of the portfolio's money. */
  currency: string;
  /** e.g. 'Due Fri 27 Nov, 10:00' */
  dueLabel: string | null;
  /** Set when editing a filed report: the version the PM saw. */
  expectedVersion: number | null;
}

export interface StatusSubmittedView {
  project: CardProject;
  week: IsoWeek;
  weekLabel: string;
  submittedBy: string;
  submittedAtLabel: string;
  rag: RagAssessment;
  percentComplete: number;
  actualCostToDate: number;
  currency: string;
  /** YYYY-MM-DD */
  forecastFinish: string;
  overallOverrideReason: string | null;
  accomplishments: string;
  /** 1 for the first submission; shown as "revision N" from 2. */
  version: number;
  canEdit: boolean;
}

export interface WelcomeView {
  userName: string | null;
}

export type ThisWeekState = 'submitted' | 'due' | 'overdue' | 'excused' | 'notDue';

export interface MyProjectsView {
  week: IsoWeek;
  weekLabel: string;
  projects: Array<{
    projectId: string;
    code: string;
    title: string;
    lastRag: RagOrNone;
    lastWeek: IsoWeek | null;
    thisWeek: ThisWeekState;
  }>;
}

export interface ProjectPickerView {
  week: IsoWeek;
  weekLabel: string;
  projects: Array<{ projectId: string; code: string; title: string; submitted: boolean }>;
}

export interface EscalationView {
  week: IsoWeek;
  weekLabel: string;
  late: Array<{ code: string; title: string; projectManager: string; dueLabel: string }>;
  undeliverable: Array<{ code: string; title: string; projectManager: string; reason: string }>;
}

export interface RedAlertView {
  project: CardProject;
  week: IsoWeek;
  weekLabel: string;
  from: RagOrNone;
  to: Rag;
  projectManager: string;
  risksAndIssues: string;
  decisionsNeeded: string;
  overallOverrideReason: string | null;
}

export interface NoticeView {
  title: string;
  text: string;
  tone: 'default' | 'good' | 'warning' | 'attention';
}

// ---------------------------------------------------------------------------------------------------
// Change requests

export type ApproverStatus = 'approved' | 'rejected' | 'awaited' | 'waiting';

/**
 * A change request as one viewer sees it in chat. Every viewer gets the same facts; `mode` and
 * `notice` are theirs (decided on the server from their identity and the stored request).
 */
export interface ApprovalCardView {
  changeRequest: {
    id: string;
    title: string;
    description: string;
    /** In `currency`; negative is a saving. */
    costDelta: number;
    /** Negative finishes earlier. */
    scheduleDeltaDays: number;
    scopeChange: string;
    benefitImpact: string;
    justification: string;
    policy: ApprovalPolicy;
    state: ChangeRequestState;
    requestedBy: string;
    requestedAtLabel: string;
    /** What Approve / Reject send back, for optimistic concurrency. */
    version: number;
  };
  project: CardProject;
  /** ISO 4217 code of the portfolio's money. */
  currency: string;
  /** In the request's order. `waiting`: not their turn yet (sequential policy). */
  approvers: Array<{ name: string; status: ApproverStatus; comment: string | null; atLabel: string | null }>;
  /** decide: the viewer is awaited now, so the card has the comment box, Approve and Reject. */
  mode: 'decide' | 'readOnly';
  /** e.g. "You approved this change.", "Not your turn yet: …". */
  notice: { tone: 'good' | 'warning' | 'attention' | 'accent'; text: string } | null;
  /** Entra object ids whose clients refresh the card to their own view (first 60 kept, as Teams allows). */
  refreshUserIds: string[];
  /** Why the last decision was refused ('comment' beside the comment box, anything else above it). */
  errors?: FieldError[];
  /** The comment the approver typed, kept when the card comes back with an error. */
  commentValue?: string;
}

/**
 * The change request form's inputs as the requester left them (Teams sends every value back as a
 * string; '' or missing when untouched).
 */
export interface ChangeRequestFormValues {
  projectId: string;
  title: string;
  description: string;
  costDelta: string;
  scheduleDeltaDays: string;
  scopeChange: string;
  benefitImpact: string;
  justification: string;
  /** 'sequential' | 'all' | 'any'; anything else shows the default (sequential). */
  policy: string;
}

export interface ChangeRequestFormView {
  /** The projects the caller may raise a change for. */
  projects: CardProject[];
  /** What to prefill; a missing value leaves its input empty. */
  values: Partial<ChangeRequestFormValues>;
  /** Domain field paths ('title', 'costDelta', …) under their input; any other at the top. */
  errors: FieldError[];
  /** ISO 4217 code of the portfolio's money. */
  currency: string;
  /** Becomes the change request's id: a second click on the same card raises nothing new. */
  submissionId: string;
}

export interface PendingApprovalsView {
  items: Array<{
    changeRequestId: string;
    projectCode: string;
    title: string;
    /** Formatted by the caller, e.g. '+50,000 EUR'. */
    costDeltaLabel: string;
    /** e.g. '+14 days' */
    scheduleDeltaLabel: string;
    requestedBy: string;
    waitingSinceLabel: string;
  }>;
}
