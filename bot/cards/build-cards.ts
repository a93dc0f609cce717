import type { ApprovalPolicy, ChangeRequestState } from '../../api/domain/change-request';
import { APPROVAL_POLICIES } from '../../api/domain/change-request';
import type { FieldError } from '../../api/domain/errors';
import type { IsoWeek } from '../../api/domain/iso-week';
import { LIMITS } from '../../api/domain/limits';
import type { Rag } from '../../api/domain/rag';
import { RAG_VALUES } from '../../api/domain/rag';
import { BOT_COMMANDS } from '../bot-commands';
import approvalJson from './approval.json';
import { CardTemplate } from './bind-card';
import type { CardColor } from './card-text';
import { clip, countLabel, dateLabel, display, moneyLabel, ragColor, ragLabel, shown } from './card-text';
import type {
  AdaptiveCardJson,
  ApprovalCardView,
  ApproverStatus,
  ChangeRequestFormValues,
  ChangeRequestFormView,
  EscalationView,
  MyProjectsView,
  NoticeView,
  PendingApprovalsView,
  ProjectPickerView,
  RedAlertView,
  StatusFormValues,
  StatusFormView,
  StatusSubmittedView,
  ThisWeekState,
  WelcomeView,
} from './card-views';
import changeRequestFormJson from './change-request-form.json';
import escalationJson from './escalation.json';
import helpJson from './help.json';
import myProjectsJson from './my-projects.json';
import noticeJson from './notice.json';
import pendingApprovalsJson from './pending-approvals.json';
import projectPickerJson from './project-picker.json';
import redAlertJson from './red-alert.json';
import statusFormJson from './status-form.json';
import statusSubmittedJson from './status-submitted.json';
import welcomeJson from './welcome.json';

/**
 * The cards the bot sends: each builder turns a view into template data and binds its JSON template.
 * Pure: same view, same card. Text from people and records is shown through `display`/`shown` (see
 * card-text.ts) and sits in TextRuns, so markdown, `{{DATE(…)}}` and `${…}` all show as typed.
 */

/** How much of a record's text a list row shows; the full text is one tap away in the tab. */
const ROW_TITLE = 60;
const ROW_NAME = 60;
const ROW_REASON = 140;
const ROW_LABEL = 40;
/** Rows a list card shows before "and N more", so a card stays well under Teams' size limits. */
export const CARD_ROW_LIMITS = {
  myProjects: 25,
  projectPicker: 25,
  late: 30,
  undeliverable: 10,
  pendingApprovals: 25,
  /** Choices in the change request form's project list (the chosen one is always among them). */
  changeRequestProjects: 25,
} as const;
/** How much of "done this week" the submitted summary shows. */
export const ACCOMPLISHMENTS_PREVIEW = 300;

// ---------------------------------------------------------------------------------------------------
// The status form

/** The form's input ids: Teams sends the values back under these keys, beside the action's data. */
export const STATUS_FORM_INPUT_IDS = [
  'overall',
  'schedule',
  'budget',
  'scope',
  'resources',
  'overallOverrideReason',
  'percentComplete',
  'forecastFinish',
  'actualCostToDate',
  'accomplishments',
  'nextSteps',
  'risksAndIssues',
  'decisionsNeeded',
] as const;
export type StatusFormInputId = (typeof STATUS_FORM_INPUT_IDS)[number];

/** The input that shows an error on a domain field ('rag.overall' → 'overall'), or null for none. */
export function inputForField(field: string): StatusFormInputId | null {
  const id = field.startsWith('rag.') ? field.slice('rag.'.length) : field;
  return (STATUS_FORM_INPUT_IDS as readonly string[]).includes(id) ? (id as StatusFormInputId) : null;
}

interface StatusFormData {
  project: { code: string; title: string };
  weekLine: string;
  hasBanner: boolean;
  banner: { style: 'attention' | 'warning' | 'accent'; text: string };
  hasPrefill: boolean;
  prefillText: string;
  hasErrors: boolean;
  hasFieldErrors: boolean;
  errorSummary: string;
  generalErrors: string[];
  errors: Record<StatusFormInputId, string[]>;
  ragChoices: Array<{ title: string; value: Rag }>;
  /** null leaves the input empty (the property is dropped). */
  values: Record<StatusFormInputId, string | number | null>;
  costLabel: string;
  limits: { reason: number; statusText: number; money: number };
  action: { projectId: string; week: IsoWeek; requestId: string | null; expectedVersion: number | null };
}

const statusForm = new CardTemplate<StatusFormData>(statusFormJson);

const RAG_CHOICES = RAG_VALUES.map((value) => ({ title: ragLabel(value), value }));

/** A number box can only show a number: anything else is left empty (its error says why). */
function numberValue(raw: string): number | null {
  const text = raw.trim().replace(/,/g, '');
  if (text === '') return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

function formValues(values: StatusFormValues): StatusFormData['values'] {
  const text = (s: string) => (s === '' ? null : s);
  return {
    overall: text(values.overall),
    schedule: text(values.schedule),
    budget: text(values.budget),
    scope: text(values.scope),
    resources: text(values.resources),
    overallOverrideReason: text(values.overallOverrideReason),
    percentComplete: numberValue(values.percentComplete),
    forecastFinish: /^\d{4}-\d{2}-\d{2}$/.test(values.forecastFinish.trim())
      ? values.forecastFinish.trim()
      : null,
    actualCostToDate: numberValue(values.actualCostToDate),
    accomplishments: text(values.accomplishments),
    nextSteps: text(values.nextSteps),
    risksAndIssues: text(values.risksAndIssues),
    decisionsNeeded: text(values.decisionsNeeded),
  };
}

function placeErrors(errors: FieldError[]): Pick<StatusFormData, 'errors' | 'generalErrors'> {
  return errorsByInput(errors, STATUS_FORM_INPUT_IDS, inputForField);
}

/** Each error's message under the input it belongs to; the rest for the summary at the top. */
function errorsByInput<Id extends string>(
  errors: readonly FieldError[],
  ids: readonly Id[],
  inputFor: (field: string) => Id | null,
): { errors: Record<Id, string[]>; generalErrors: string[] } {
  const byInput = Object.fromEntries(ids.map((id) => [id, [] as string[]])) as Record<Id, string[]>;
  const generalErrors: string[] = [];
  for (const error of errors) {
    const input = inputFor(error.field);
    const message = display(error.message, LIMITS.reason);
    if (input) byInput[input].push(message);
    else generalErrors.push(message);
  }
  return { errors: byInput, generalErrors };
}

export function buildStatusForm(view: StatusFormView): AdaptiveCardJson {
  const { errors, generalErrors } = placeErrors(view.errors);
  const inputsWithErrors = STATUS_FORM_INPUT_IDS.filter((id) => errors[id].length > 0).length;
  const weekLine = ['Weekly status', view.weekLabel, view.dueLabel].filter(Boolean).join(' · ');
  return statusForm.bind({
    project: {
      code: display(view.project.code, LIMITS.code),
      title: display(view.project.title, LIMITS.title),
    },
    weekLine: display(weekLine, LIMITS.shortText),
    hasBanner: view.banner !== null,
    banner: view.banner
      ? { style: view.banner.tone, text: display(view.banner.text, LIMITS.reason) }
      : { style: 'accent', text: '' },
    hasPrefill: view.prefilledFrom !== null,
    prefillText: `Prefilled with your answers for ${view.prefilledFrom ?? ''}: change what moved.`,
    hasErrors: inputsWithErrors > 0 || generalErrors.length > 0,
    hasFieldErrors: inputsWithErrors > 0,
    errorSummary: `${countLabel(inputsWithErrors, 'answer needs', 'answers need')} a look.`,
    generalErrors,
    errors,
    ragChoices: RAG_CHOICES,
    values: formValues(view.values),
    costLabel: shown(`Cost to date (${view.currency})`),
    limits: { reason: LIMITS.reason, statusText: LIMITS.statusText, money: LIMITS.money },
    action: {
      projectId: view.project.id,
      week: view.week,
      requestId: view.requestId,
      expectedVersion: view.expectedVersion,
    },
  });
}

// ---------------------------------------------------------------------------------------------------
// The summary a filed form turns into

interface StatusSubmittedData {
  project: { id: string; code: string; title: string };
  week: IsoWeek;
  weekLine: string;
  submittedBy: string;
  submittedDetail: string;
  ragRows: Array<{ label: string; weight: 'bolder' | 'default'; value: string; color: CardColor }>;
  percentLabel: string;
  costLabel: string;
  forecastLabel: string;
  hasOverrideReason: boolean;
  overallOverrideReason: string;
  accomplishments: string;
  canEdit: boolean;
}

const statusSubmitted = new CardTemplate<StatusSubmittedData>(statusSubmittedJson);

const RAG_ROWS = [
  ['overall', 'Overall'],
  ['schedule', 'Schedule'],
  ['budget', 'Budget'],
  ['scope', 'Scope'],
  ['resources', 'Resources'],
] as const;

export function buildStatusSubmitted(view: StatusSubmittedView): AdaptiveCardJson {
  const reason = view.overallOverrideReason?.trim() ?? '';
  const detail = [view.submittedAtLabel, view.version > 1 ? `revision ${view.version}` : null]
    .filter(Boolean)
    .join(' · ');
  return statusSubmitted.bind({
    project: {
      id: view.project.id,
      code: display(view.project.code, LIMITS.code),
      title: display(view.project.title, LIMITS.title),
    },
    week: view.week,
    weekLine: display(view.weekLabel, LIMITS.shortText),
    submittedBy: display(view.submittedBy, LIMITS.shortText),
    submittedDetail: detail === '' ? '' : ` · ${display(detail, LIMITS.shortText)}`,
    ragRows: RAG_ROWS.map(([key, label]) => ({
      label,
      weight: key === 'overall' ? 'bolder' : 'default',
      value: ragLabel(view.rag[key]),
      color: ragColor(view.rag[key]),
    })),
    percentLabel: `${view.percentComplete}%`,
    costLabel: shown(moneyLabel(view.actualCostToDate, view.currency)),
    forecastLabel: shown(dateLabel(view.forecastFinish)),
    hasOverrideReason: reason !== '',
    overallOverrideReason: display(reason, LIMITS.reason),
    accomplishments: display(view.accomplishments, ACCOMPLISHMENTS_PREVIEW),
    canEdit: view.canEdit,
  });
}

// ---------------------------------------------------------------------------------------------------
// Welcome and help

interface CommandsData {
  commands: Array<{ title: string; description: string }>;
}

const welcome = new CardTemplate<CommandsData & { greeting: string }>(welcomeJson);
const help = new CardTemplate<CommandsData>(helpJson);

const COMMANDS = BOT_COMMANDS.map(({ title, description }) => ({ title, description }));

export function buildWelcome(view: WelcomeView): AdaptiveCardJson {
  const name = view.userName?.trim() ?? '';
  const greeting = name === '' ? 'Hello!' : `Hello, ${display(name, ROW_NAME)}!`;
  return welcome.bind({ greeting, commands: COMMANDS });
}

export function buildHelp(): AdaptiveCardJson {
  return help.bind({ commands: COMMANDS });
}

// ---------------------------------------------------------------------------------------------------
// My projects

interface MyProjectsData {
  week: IsoWeek;
  weekLabel: string;
  isEmpty: boolean;
  rows: Array<{
    projectId: string;
    code: string;
    title: string;
    lastRag: { label: string; color: CardColor };
    hasLastWeek: boolean;
    lastWeekText: string;
    state: { label: string; color: CardColor; subtle: boolean };
    canReport: boolean;
  }>;
  hasMore: boolean;
  moreText: string;
}

const myProjects = new CardTemplate<MyProjectsData>(myProjectsJson);

const THIS_WEEK: Record<ThisWeekState, { label: string; color: CardColor; subtle: boolean }> = {
  submitted: { label: 'Submitted', color: 'good', subtle: false },
  due: { label: 'Due', color: 'warning', subtle: false },
  overdue: { label: 'Overdue', color: 'attention', subtle: false },
  excused: { label: 'Excused', color: 'default', subtle: true },
  notDue: { label: 'Not due yet', color: 'default', subtle: true },
};

export function buildMyProjects(view: MyProjectsView): AdaptiveCardJson {
  const shownRows = view.projects.slice(0, CARD_ROW_LIMITS.myProjects);
  const more = view.projects.length - shownRows.length;
  return myProjects.bind({
    week: view.week,
    weekLabel: display(view.weekLabel, LIMITS.shortText),
    isEmpty: view.projects.length === 0,
    rows: shownRows.map((p) => ({
      projectId: p.projectId,
      code: display(p.code, LIMITS.code),
      title: display(p.title, ROW_TITLE),
      lastRag: { label: ragLabel(p.lastRag), color: ragColor(p.lastRag) },
      hasLastWeek: p.lastWeek !== null,
      lastWeekText: ` · ${p.lastWeek ?? ''}`,
      state: THIS_WEEK[p.thisWeek],
      canReport: p.thisWeek === 'due' || p.thisWeek === 'overdue',
    })),
    hasMore: more > 0,
    moreText: `…and ${countLabel(more, 'more project', 'more projects')}: see them all in the PMO Hub tab.`,
  });
}

// ---------------------------------------------------------------------------------------------------
// Which project? (`status` with several projects)

interface ProjectPickerData {
  week: IsoWeek;
  weekLabel: string;
  rows: Array<{
    projectId: string;
    code: string;
    title: string;
    stateLabel: string;
    stateColor: CardColor;
    buttonTitle: string;
  }>;
  hasMore: boolean;
  moreText: string;
}

const projectPicker = new CardTemplate<ProjectPickerData>(projectPickerJson);

export function buildProjectPicker(view: ProjectPickerView): AdaptiveCardJson {
  const shownRows = view.projects.slice(0, CARD_ROW_LIMITS.projectPicker);
  const more = view.projects.length - shownRows.length;
  return projectPicker.bind({
    week: view.week,
    weekLabel: display(view.weekLabel, LIMITS.shortText),
    rows: shownRows.map((p) => ({
      projectId: p.projectId,
      code: display(p.code, LIMITS.code),
      title: display(p.title, ROW_TITLE),
      stateLabel: p.submitted ? 'Submitted: you can still change it' : 'Not in yet',
      stateColor: p.submitted ? 'good' : 'warning',
      buttonTitle: p.submitted ? 'Open' : 'Report',
    })),
    hasMore: more > 0,
    moreText: `…and ${countLabel(more, 'more project', 'more projects')}: say "my projects" to see them all.`,
  });
}

// ---------------------------------------------------------------------------------------------------
// Escalation to the PMO

interface EscalationRow {
  code: string;
  title: string;
  detail: string;
}

interface EscalationData {
  weekLabel: string;
  summary: string;
  hasLate: boolean;
  lateHeading: string;
  late: EscalationRow[];
  hasMoreLate: boolean;
  moreLateText: string;
  hasUndeliverable: boolean;
  undeliverableHeading: string;
  undeliverable: EscalationRow[];
  hasMoreUndeliverable: boolean;
  moreUndeliverableText: string;
}

const escalation = new CardTemplate<EscalationData>(escalationJson);

function escalationSummary(late: number, undeliverable: number): string {
  if (late === 0 && undeliverable === 0) return 'Every project has reported: nothing to chase.';
  const parts = [
    late > 0 ? `${countLabel(late, 'project has', 'projects have')} not reported` : null,
    undeliverable > 0
      ? `${countLabel(undeliverable, 'project manager', 'project managers')} could not be reached`
      : null,
  ];
  return `${parts.filter(Boolean).join(', and ')}.`;
}

export function buildEscalation(view: EscalationView): AdaptiveCardJson {
  const late = view.late.slice(0, CARD_ROW_LIMITS.late);
  const undeliverable = view.undeliverable.slice(0, CARD_ROW_LIMITS.undeliverable);
  const moreLate = view.late.length - late.length;
  const moreUndeliverable = view.undeliverable.length - undeliverable.length;
  const row = (code: string, title: string, detail: string): EscalationRow => ({
    code: display(code, LIMITS.code),
    title: display(title, ROW_TITLE),
    detail: shown(detail),
  });
  return escalation.bind({
    weekLabel: display(view.weekLabel, LIMITS.shortText),
    summary: escalationSummary(view.late.length, view.undeliverable.length),
    hasLate: view.late.length > 0,
    lateHeading: `Late (${view.late.length})`,
    late: late.map((l) =>
      row(l.code, l.title, `${clip(l.projectManager, ROW_NAME)} · due ${clip(l.dueLabel, ROW_LABEL)}`),
    ),
    hasMoreLate: moreLate > 0,
    moreLateText: `…and ${moreLate} more: see status compliance in the PMO Hub tab.`,
    hasUndeliverable: view.undeliverable.length > 0,
    undeliverableHeading: `Could not reach (${view.undeliverable.length})`,
    undeliverable: undeliverable.map((u) =>
      row(u.code, u.title, `${clip(u.projectManager, ROW_NAME)}: ${clip(u.reason, ROW_REASON)}`),
    ),
    hasMoreUndeliverable: moreUndeliverable > 0,
    moreUndeliverableText: `…and ${moreUndeliverable} more: see status compliance in the PMO Hub tab.`,
  });
}

// ---------------------------------------------------------------------------------------------------
// Red alert to sponsors and the PMO

interface RedAlertData {
  project: { code: string; title: string };
  weekLabel: string;
  to: { label: string; color: CardColor };
  from: { text: string; color: CardColor };
  projectManager: string;
  risksAndIssues: { text: string; empty: boolean };
  decisionsNeeded: { text: string; empty: boolean };
  hasOverrideReason: boolean;
  overallOverrideReason: string;
}

const redAlert = new CardTemplate<RedAlertData>(redAlertJson);

function quoted(text: string, max: number): { text: string; empty: boolean } {
  const clipped = clip(text, max);
  return clipped === '' ? { text: 'Nothing given.', empty: true } : { text: shown(clipped), empty: false };
}

export function buildRedAlert(view: RedAlertView): AdaptiveCardJson {
  const reason = view.overallOverrideReason?.trim() ?? '';
  return redAlert.bind({
    project: {
      code: display(view.project.code, LIMITS.code),
      title: display(view.project.title, LIMITS.title),
    },
    weekLabel: display(view.weekLabel, LIMITS.shortText),
    to: { label: ragLabel(view.to), color: ragColor(view.to) },
    from: {
      text: view.from === 'notReported' ? 'First report' : `Was ${ragLabel(view.from)}`,
      color: ragColor(view.from),
    },
    projectManager: display(view.projectManager, LIMITS.shortText),
    risksAndIssues: quoted(view.risksAndIssues, LIMITS.statusText),
    decisionsNeeded: quoted(view.decisionsNeeded, LIMITS.statusText),
    hasOverrideReason: reason !== '',
    overallOverrideReason: display(reason, LIMITS.reason),
  });
}

// ---------------------------------------------------------------------------------------------------
// A short notice ("Not yours to report", "This week is closed", …)

const notice = new CardTemplate<{ title: string; text: string; color: CardColor }>(noticeJson);

export function buildNotice(view: NoticeView): AdaptiveCardJson {
  return notice.bind({
    title: display(view.title, LIMITS.shortText),
    text: display(view.text, LIMITS.description),
    color: view.tone,
  });
}

// ---------------------------------------------------------------------------------------------------
// Change requests: the approval card

/** Teams refreshes a card by itself for at most 60 users; the rest refresh by hand. */
export const REFRESH_USER_IDS_LIMIT = 60;

/**
 * How much of a change request's text the approval card shows (the full text is in the tab): enough to
 * decide on, and with ten approvers' comments the card stays well under Teams' size limits.
 */
export const APPROVAL_CARD_PREVIEW = {
  description: 600,
  impact: 400,
  justification: 800,
  comment: 300,
} as const;

/** The schedule change the API accepts, in days either way. */
export const SCHEDULE_DELTA_LIMIT_DAYS = 3650;

const CHANGE_REQUEST_STATE_SHOWN: Record<ChangeRequestState, { label: string; color: CardColor }> = {
  draft: { label: 'Draft', color: 'default' },
  submitted: { label: 'Awaiting approval', color: 'warning' },
  approved: { label: 'Approved', color: 'good' },
  rejected: { label: 'Rejected', color: 'attention' },
  withdrawn: { label: 'Withdrawn', color: 'default' },
  expired: { label: 'Expired', color: 'default' },
};

/** How the approvers decide, in words. */
export const APPROVAL_POLICY_LABELS: Record<ApprovalPolicy, string> = {
  sequential: 'One after another, in this order: everyone must approve; a rejection rejects the change.',
  all: 'All at once: everyone must approve; a rejection rejects the change.',
  any: 'All at once: the first decision, either way, settles the change.',
};

/** "+50,000 EUR", "−5,000 EUR" (a saving), or "No change". */
export function costDeltaLabel(amount: number, currency: string): string {
  if (amount === 0) return 'No change';
  return `${amount > 0 ? '+' : '−'}${moneyLabel(Math.abs(amount), currency)}`;
}

/** "+14 days" (finishes later), "−1 day" (earlier), or "No change". */
export function scheduleDeltaLabel(days: number): string {
  if (days === 0) return 'No change';
  return `${days > 0 ? '+' : '−'}${countLabel(Math.abs(days), 'day', 'days')}`;
}

type ApproverStatusShown = { label: string; color: CardColor; subtle: boolean };

function approverStatus(status: ApproverStatus, open: boolean): ApproverStatusShown {
  if (status === 'approved') return { label: 'Approved', color: 'good', subtle: false };
  if (status === 'rejected') return { label: 'Rejected', color: 'attention', subtle: false };
  // Once the request is settled, nobody is awaited any more: say only that they did not decide.
  if (!open) return { label: 'No decision', color: 'default', subtle: true };
  if (status === 'awaited') return { label: 'Decision awaited', color: 'warning', subtle: false };
  return { label: 'Not their turn yet', color: 'default', subtle: true };
}

/** At most `max` UTF-16 units (an input's maxLength), never splitting a surrogate pair. */
function withinLength(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

interface ApprovalCardData {
  refresh: { changeRequestId: string; userIds: string[] };
  project: { code: string; title: string };
  title: string;
  state: { label: string; color: CardColor };
  requestedBy: string;
  requestedAt: string;
  hasNotice: boolean;
  notice: { style: 'good' | 'warning' | 'attention' | 'accent'; text: string };
  hasGeneralErrors: boolean;
  generalErrors: string[];
  description: { given: boolean; text: string };
  costLabel: string;
  scheduleLabel: string;
  impacts: Array<{ heading: string; text: string; empty: boolean }>;
  justification: string;
  policyLabel: string;
  approvers: Array<{
    name: string;
    hasComment: boolean;
    comment: string;
    status: ApproverStatusShown;
    hasAt: boolean;
    at: string;
  }>;
  decide: boolean;
  /** null leaves the comment box empty. */
  commentValue: string | null;
  commentErrors: string[];
  limits: { reason: number };
  action: { changeRequestId: string; version: number };
}

const approval = new CardTemplate<ApprovalCardData>(approvalJson);

/** The refresh list Teams accepts: no blanks, no repeats, the first 60 (callers list approvers first). */
export function refreshUserIds(ids: readonly string[]): string[] {
  return [...new Set(ids.filter((id) => id.trim() !== ''))].slice(0, REFRESH_USER_IDS_LIMIT);
}

/**
 * A change request in chat. Every copy carries a refresh for `refreshUserIds`, so each of them gets
 * their own view (Approve / Reject only when awaited); anyone else sees the card as it was sent.
 */
export function buildApprovalCard(view: ApprovalCardView): AdaptiveCardJson {
  const cr = view.changeRequest;
  const decide = view.mode === 'decide';
  const open = cr.state === 'submitted' || cr.state === 'draft';
  const commentErrors: string[] = [];
  const generalErrors: string[] = [];
  for (const error of view.errors ?? []) {
    const message = display(error.message, LIMITS.reason);
    // Without the comment box (read only) a comment error still shows, at the top.
    if (decide && error.field === 'comment') commentErrors.push(message);
    else generalErrors.push(message);
  }
  const description = clip(cr.description, APPROVAL_CARD_PREVIEW.description);
  const impact = (heading: string, text: string) => {
    const clipped = clip(text, APPROVAL_CARD_PREVIEW.impact);
    return clipped === ''
      ? { heading, text: 'None given.', empty: true }
      : { heading, text: shown(clipped), empty: false };
  };
  const comment = view.commentValue ?? '';
  return approval.bind({
    refresh: { changeRequestId: cr.id, userIds: refreshUserIds(view.refreshUserIds) },
    project: {
      code: display(view.project.code, LIMITS.code),
      title: display(view.project.title, LIMITS.title),
    },
    title: display(cr.title, LIMITS.title),
    state: CHANGE_REQUEST_STATE_SHOWN[cr.state],
    requestedBy: display(cr.requestedBy, LIMITS.shortText),
    requestedAt:
      cr.requestedAtLabel.trim() === '' ? '' : ` · ${display(cr.requestedAtLabel, LIMITS.shortText)}`,
    hasNotice: view.notice !== null,
    notice: view.notice
      ? { style: view.notice.tone, text: display(view.notice.text, LIMITS.reason) }
      : { style: 'accent', text: '' },
    hasGeneralErrors: generalErrors.length > 0,
    generalErrors,
    description: { given: description !== '', text: shown(description) },
    costLabel: shown(costDeltaLabel(cr.costDelta, view.currency)),
    scheduleLabel: scheduleDeltaLabel(cr.scheduleDeltaDays),
    impacts: [impact('Scope', cr.scopeChange), impact('Benefits', cr.benefitImpact)],
    justification: display(cr.justification, APPROVAL_CARD_PREVIEW.justification),
    policyLabel: APPROVAL_POLICY_LABELS[cr.policy],
    approvers: view.approvers.map((a) => {
      const said = clip(a.comment ?? '', APPROVAL_CARD_PREVIEW.comment);
      const at = a.atLabel?.trim() ?? '';
      return {
        name: display(a.name, ROW_NAME),
        hasComment: said !== '',
        comment: shown(said),
        status: approverStatus(a.status, open),
        hasAt: at !== '',
        at: display(at, ROW_LABEL),
      };
    }),
    decide,
    commentValue: decide && comment !== '' ? withinLength(comment, LIMITS.reason) : null,
    commentErrors,
    limits: { reason: LIMITS.reason },
    action: { changeRequestId: cr.id, version: cr.version },
  });
}

// ---------------------------------------------------------------------------------------------------
// Change requests: the form (`change request`)

/** The form's input ids: Teams sends the values back under these keys. */
export const CHANGE_REQUEST_FORM_INPUT_IDS = [
  'projectId',
  'title',
  'description',
  'costDelta',
  'scheduleDeltaDays',
  'scopeChange',
  'benefitImpact',
  'justification',
  'policy',
] as const satisfies ReadonlyArray<keyof ChangeRequestFormValues>;
export type ChangeRequestFormInputId = (typeof CHANGE_REQUEST_FORM_INPUT_IDS)[number];

/** The form input that shows an error on a domain field, or null for the summary at the top. */
export function changeRequestInputForField(field: string): ChangeRequestFormInputId | null {
  return (CHANGE_REQUEST_FORM_INPUT_IDS as readonly string[]).includes(field)
    ? (field as ChangeRequestFormInputId)
    : null;
}

/** The policy choices, in plain words. */
export const APPROVAL_POLICY_CHOICES: ReadonlyArray<{ title: string; value: ApprovalPolicy }> = [
  { title: 'One after another, in order: everyone must approve', value: 'sequential' },
  { title: 'All at once: everyone must approve', value: 'all' },
  { title: 'All at once: the first decision settles it', value: 'any' },
];

interface ChangeRequestFormData {
  submissionId: string;
  hasProjects: boolean;
  hasErrors: boolean;
  hasFieldErrors: boolean;
  errorSummary: string;
  generalErrors: string[];
  errors: Record<ChangeRequestFormInputId, string[]>;
  projectChoices: Array<{ title: string; value: string }>;
  hasMoreProjects: boolean;
  moreProjectsText: string;
  policyChoices: Array<{ title: string; value: ApprovalPolicy }>;
  /** null leaves the input empty (the property is dropped). */
  values: Record<ChangeRequestFormInputId, string | number | null>;
  costLabel: string;
  limits: {
    title: number;
    description: number;
    money: number;
    minMoney: number;
    days: number;
    minDays: number;
  };
}

const changeRequestForm = new CardTemplate<ChangeRequestFormData>(changeRequestFormJson);

export function buildChangeRequestForm(view: ChangeRequestFormView): AdaptiveCardJson {
  const hasProjects = view.projects.length > 0;
  // Without projects the inputs are not shown, so every error goes to the top.
  const { errors, generalErrors } = errorsByInput(
    view.errors,
    CHANGE_REQUEST_FORM_INPUT_IDS,
    hasProjects ? changeRequestInputForField : () => null,
  );
  const inputsWithErrors = CHANGE_REQUEST_FORM_INPUT_IDS.filter((id) => errors[id].length > 0).length;
  const raw = (id: ChangeRequestFormInputId) => view.values[id] ?? '';
  const text = (id: ChangeRequestFormInputId) => (raw(id) === '' ? null : raw(id));

  // The chosen project stays a choice even past the cap; one project is chosen for the requester.
  const chosen =
    view.projects.find((p) => p.id === raw('projectId')) ??
    (view.projects.length === 1 ? view.projects[0] : undefined);
  const listed = view.projects.slice(0, CARD_ROW_LIMITS.changeRequestProjects);
  if (chosen && !listed.includes(chosen)) listed.push(chosen);
  const more = view.projects.length - listed.length;
  const others = countLabel(more, 'more project', 'more projects');
  const policy = APPROVAL_POLICIES.find((p) => p === raw('policy').trim()) ?? 'sequential';

  return changeRequestForm.bind({
    submissionId: view.submissionId,
    hasProjects,
    hasErrors: inputsWithErrors > 0 || generalErrors.length > 0,
    hasFieldErrors: inputsWithErrors > 0,
    errorSummary: `${countLabel(inputsWithErrors, 'answer needs', 'answers need')} a look.`,
    generalErrors,
    errors,
    projectChoices: listed.map((p) => ({
      title: `${display(p.code, LIMITS.code)} · ${display(p.title, ROW_TITLE)}`,
      value: p.id,
    })),
    hasMoreProjects: more > 0,
    moreProjectsText: `…and ${others}: use the PMO Hub tab for those.`,
    policyChoices: [...APPROVAL_POLICY_CHOICES],
    values: {
      projectId: chosen?.id ?? null,
      title: text('title'),
      description: text('description'),
      costDelta: numberValue(raw('costDelta')),
      scheduleDeltaDays: numberValue(raw('scheduleDeltaDays')),
      scopeChange: text('scopeChange'),
      benefitImpact: text('benefitImpact'),
      justification: text('justification'),
      policy,
    },
    costLabel: shown(`Cost change (${view.currency})`),
    limits: {
      title: LIMITS.title,
      description: LIMITS.description,
      money: LIMITS.money,
      minMoney: -LIMITS.money,
      days: SCHEDULE_DELTA_LIMIT_DAYS,
      minDays: -SCHEDULE_DELTA_LIMIT_DAYS,
    },
  });
}

// ---------------------------------------------------------------------------------------------------
// Change requests: waiting for my decision (`pending`)

interface PendingApprovalsData {
  isEmpty: boolean;
  rows: Array<{ changeRequestId: string; code: string; title: string; impact: string; detail: string }>;
  hasMore: boolean;
  moreText: string;
}

const pendingApprovals = new CardTemplate<PendingApprovalsData>(pendingApprovalsJson);

export function buildPendingApprovals(view: PendingApprovalsView): AdaptiveCardJson {
  const shownRows = view.items.slice(0, CARD_ROW_LIMITS.pendingApprovals);
  const more = view.items.length - shownRows.length;
  const others = countLabel(more, 'more change request', 'more change requests');
  return pendingApprovals.bind({
    isEmpty: view.items.length === 0,
    rows: shownRows.map((item) => {
      const cost = clip(item.costDeltaLabel, ROW_LABEL);
      const schedule = clip(item.scheduleDeltaLabel, ROW_LABEL);
      const since = clip(item.waitingSinceLabel, ROW_LABEL);
      return {
        changeRequestId: item.changeRequestId,
        code: display(item.projectCode, LIMITS.code),
        title: display(item.title, ROW_TITLE),
        impact: shown(`Cost ${cost} · schedule ${schedule}`),
        detail: shown(`Requested by ${clip(item.requestedBy, ROW_NAME)} · waiting since ${since}`),
      };
    }),
    hasMore: more > 0,
    moreText: `…and ${others}: see them all in the PMO Hub tab.`,
  });
}
