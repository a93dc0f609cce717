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
