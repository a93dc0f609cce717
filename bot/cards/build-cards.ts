import type { FieldError } from '../../api/domain/errors';
import type { IsoWeek } from '../../api/domain/iso-week';
import { LIMITS } from '../../api/domain/limits';
import type { Rag } from '../../api/domain/rag';
import { RAG_VALUES } from '../../api/domain/rag';
import { BOT_COMMANDS } from '../bot-commands';
import { CardTemplate } from './bind-card';
import type { CardColor } from './card-text';
import { clip, countLabel, dateLabel, display, moneyLabel, ragColor, ragLabel, shown } from './card-text';
import type {
  AdaptiveCardJson,
  EscalationView,
  MyProjectsView,
  NoticeView,
  ProjectPickerView,
  RedAlertView,
  StatusFormValues,
  StatusFormView,
  StatusSubmittedView,
  ThisWeekState,
  WelcomeView,
} from './card-views';
import escalationJson from './escalation.json';
import helpJson from './help.json';
import myProjectsJson from './my-projects.json';
import noticeJson from './notice.json';
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
export const CARD_ROW_LIMITS = { myProjects: 25, projectPicker: 25, late: 30, undeliverable: 10 } as const;
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
  const byInput = Object.fromEntries(STATUS_FORM_INPUT_IDS.map((id) => [id, [] as string[]])) as Record<
    StatusFormInputId,
    string[]
  >;
  const generalErrors: string[] = [];
  for (const error of errors) {
    const input = inputForField(error.field);
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
