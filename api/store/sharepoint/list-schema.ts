import { CHANGE_REQUEST_STATES, APPROVAL_POLICIES, DECISION_OUTCOMES } from '../../domain/change-request';
import { METHODOLOGIES, PROJECT_PHASES, PROJECT_STATES } from '../../domain/project';
import { RAG_VALUES } from '../../domain/rag';
import { DELIVERY_STATES } from '../../domain/bot-delivery';
import { STATUS_REQUEST_STATES } from '../../domain/status-request';
import { DECISION_LOG_STATUSES, ISSUE_SEVERITIES, ISSUE_STATUSES, RISK_STATUSES } from '../../domain/raid';
import { STATUS_SOURCES } from '../../domain/status-report';
import { STAKEHOLDER_CHANNELS, STAKEHOLDER_FREQUENCIES, STAKEHOLDER_ROLES } from '../../domain/stakeholder';

/**
 * The SharePoint lists PMO Hub keeps its data in: what `npm run provision:sharepoint` creates and what
 * the store reads and writes. A PMO opens the same lists in Microsoft Lists, Excel or Power BI, so each
 * value a person reads has a real, typed column; only ordered lists of people (sponsors, delegates,
 * approvers) and revision snapshots are JSON in a multi-line column.
 *
 * Every column a `$filter` names is indexed (Graph refuses a filter on a column that is not). Columns
 * marked `unique` are indexed and enforce unique values: SharePoint itself refuses a second project
 * with the same code or a second report for the same project and week, even from two servers at once.
 *
 * Changing the schema: add lists or columns (never rename or retype one), raise `SCHEMA_VERSION`, and
 * run provisioning; it adds what is missing and records the new version.
 * Versions: 1 the portfolio, status reports, RAID and change requests; 2 the weekly status cycle (status
 * requests, away, conversations with the bot, deliveries); 3 change requests' history (reassignments,
 * the approval applied to the project); 4 the stakeholder register.
 */
export const SCHEMA_VERSION = 4;

export type ColumnKind =
  'text' | 'multilineText' | 'number' | 'currency' | 'dateTime' | 'dateOnly' | 'choice' | 'boolean';

export interface ColumnSpec {
  /** Internal name: what Graph's `fields` use. */
  name: string;
  displayName: string;
  kind: ColumnKind;
  indexed?: boolean;
  unique?: boolean;
  choices?: readonly string[];
  description?: string;
}

export const LIST_KEYS = [
  'settings',
  'people',
  'projects',
  'statusReports',
  'statusReportRevisions',
  'risks',
  'issues',
  'decisionLog',
  'changeRequests',
  'decisions',
  'statusRequests',
  'conversations',
  'deliveries',
  'stakeholders',
] as const;
export type ListKey = (typeof LIST_KEYS)[number];

export interface ListSpec {
  key: ListKey;
  displayName: string;
  description: string;
  /** What the built-in Title column holds. */
  title: string;
  columns: readonly ColumnSpec[];
}

const text = (name: string, displayName: string, extra: Partial<ColumnSpec> = {}): ColumnSpec => ({
  name,
  displayName,
  kind: 'text',
  ...extra,
});
const note = (name: string, displayName: string): ColumnSpec => ({
  name,
  displayName,
  kind: 'multilineText',
});
const num = (name: string, displayName: string): ColumnSpec => ({ name, displayName, kind: 'number' });
const money = (name: string, displayName: string): ColumnSpec => ({ name, displayName, kind: 'currency' });
const instant = (name: string, displayName: string): ColumnSpec => ({ name, displayName, kind: 'dateTime' });
const date = (name: string, displayName: string): ColumnSpec => ({ name, displayName, kind: 'dateOnly' });
const choice = (
  name: string,
  displayName: string,
  choices: readonly string[],
  extra: Partial<ColumnSpec> = {},
): ColumnSpec => ({ name, displayName, kind: 'choice', choices, ...extra });
/** The domain's own id (a GUID): the key every lookup uses. */
const pmoId = (displayName = 'PMO Hub id'): ColumnSpec =>
  text('PmoId', displayName, { indexed: true, unique: true });
const personColumns = (prefix: string, label: string): ColumnSpec[] => [
  text(`${prefix}Id`, `${label} (Entra object id)`),
  text(`${prefix}Name`, label),
  text(`${prefix}Email`, `${label} email`),
];
const version = num('PmoVersion', 'Version');
const RAG_OR_NONE = [...RAG_VALUES, 'notReported'] as const;

const raidCommon = (): ColumnSpec[] => [
  pmoId(),
  text('ProjectId', 'Project id', { indexed: true }),
  note('Description', 'Description'),
  ...personColumns('Owner', 'Owner'),
  date('DueDate', 'Due'),
  ...personColumns('CreatedBy', 'Raised by'),
  instant('CreatedAt', 'Raised at'),
  instant('UpdatedAt', 'Updated at'),
  version,
];

export const LISTS: readonly ListSpec[] = [
  {
    key: 'settings',
    displayName: 'PMO Hub Settings',
    description: 'PMO Hub: the schema version of these lists (written by provisioning). Do not edit.',
    title: 'Setting name',
    columns: [text('SettingValue', 'Value')],
  },
  {
    key: 'people',
    displayName: 'PMO People',
    description: 'PMO Hub: people who appear on projects (filled from sign-ins and project records).',
    title: 'Name',
    columns: [
      pmoId('Entra object id'),
      text('Email', 'Email'),
      text('EmailKey', 'Email (lower case, for lookups)', { indexed: true }),
      text('Department', 'Department'),
      text('JobTitle', 'Job title'),
      text('TimeZone', 'Time zone'),
      date('AwayUntil', 'Away until'),
      instant('UpdatedAt', 'Updated at'),
    ],
  },
  {
    key: 'projects',
    displayName: 'PMO Projects',
    description:
      'PMO Hub: the portfolio. Latest-status columns are written together with each status report.',
    title: 'Project title',
    columns: [
      pmoId(),
      text('Code', 'Code', { indexed: true, unique: true }),
      note('Description', 'Description'),
      text('Program', 'Program', { indexed: true }),
      text('Department', 'Department', { indexed: true }),
      ...personColumns('Pm', 'Project manager').map((c) => (c.name === 'PmId' ? { ...c, indexed: true } : c)),
      note('Delegates', 'Delegates (JSON)'),
      note('Sponsors', 'Sponsors (JSON)'),
      text('SponsorNames', 'Sponsors'),
      choice('Phase', 'Phase', PROJECT_PHASES, { indexed: true }),
      choice('ProjectState', 'State', PROJECT_STATES, { indexed: true }),
      choice('Methodology', 'Methodology', METHODOLOGIES),
      date('StartDate', 'Start'),
      date('BaselineFinish', 'Baseline finish'),
      date('ForecastFinish', 'Forecast finish'),
      money('BudgetBaseline', 'Budget baseline'),
      money('BudgetApproved', 'Budget approved'),
      money('ActualCost', 'Actual cost'),
      money('ForecastAtCompletion', 'Forecast at completion'),
      num('PercentComplete', 'Percent complete'),
      num('CadenceWeekday', 'Status day (1 = Monday)'),
      text('CadenceTime', 'Status time (HH:mm)'),
      text('CadenceTimeZone', 'Status time zone'),
      choice('OverallRag', 'Overall RAG', RAG_OR_NONE, { indexed: true }),
      text('LatestWeek', 'Last status week', { indexed: true }),
      instant('LatestReportedAt', 'Last status at'),
      choice('LatestSchedule', 'Schedule RAG', RAG_VALUES),
      choice('LatestBudget', 'Budget RAG', RAG_VALUES),
      choice('LatestScope', 'Scope RAG', RAG_VALUES),
      choice('LatestResources', 'Resources RAG', RAG_VALUES),
      num('LatestReportVersion', 'Last status report version'),
      instant('CreatedAt', 'Created at'),
      instant('UpdatedAt', 'Updated at'),
      version,
    ],
  },
  {
    key: 'statusReports',
    displayName: 'PMO Status Reports',
    description: 'PMO Hub: one weekly status report per project and ISO week.',
    title: 'ISO week',
    columns: [
      pmoId(),
      text('ProjectId', 'Project id', { indexed: true }),
      text('Week', 'ISO week', { indexed: true }),
      text('ReportKey', 'Project and week', { indexed: true, unique: true }),
      choice('OverallRag', 'Overall', RAG_VALUES),
      choice('ScheduleRag', 'Schedule', RAG_VALUES),
      choice('BudgetRag', 'Budget', RAG_VALUES),
      choice('ScopeRag', 'Scope', RAG_VALUES),
      choice('ResourcesRag', 'Resources', RAG_VALUES),
      choice('SuggestedOverall', 'Suggested overall', RAG_VALUES),
      { name: 'OverallOverridden', displayName: 'Overall better than worst dimension', kind: 'boolean' },
      note('OverrideReason', 'Why overall is better than the worst dimension'),
      num('PercentComplete', 'Percent complete'),
      note('Accomplishments', 'Accomplishments'),
      note('NextSteps', 'Next steps'),
      note('RisksAndIssues', 'Risks and issues'),
      note('DecisionsNeeded', 'Decisions needed'),
      money('ActualCostToDate', 'Cost to date'),
      date('ForecastFinish', 'Forecast finish'),
      ...personColumns('SubmittedBy', 'Submitted by'),
      instant('SubmittedAt', 'Submitted at'),
      choice('Source', 'Source', STATUS_SOURCES),
      version,
    ],
  },
  {
    key: 'statusReportRevisions',
    displayName: 'PMO Status Report Revisions',
    description: 'PMO Hub: earlier answers of resubmitted status reports (append-only).',
    title: 'ISO week',
    columns: [
      text('ReportId', 'Report id', { indexed: true }),
      text('RevisionKey', 'Report and version', { indexed: true, unique: true }),
      num('ReportVersion', 'Version replaced'),
      note('Snapshot', 'Replaced report (JSON)'),
      instant('ReplacedAt', 'Replaced at'),
      ...personColumns('ReplacedBy', 'Replaced by'),
    ],
  },
  {
    key: 'risks',
    displayName: 'PMO Risks',
    description: 'PMO Hub: project risks, scored probability × impact.',
    title: 'Risk',
    columns: [
      ...raidCommon(),
      choice('RaidStatus', 'Status', RISK_STATUSES, { indexed: true }),
      num('Probability', 'Probability (1–5)'),
      num('Impact', 'Impact (1–5)'),
      note('Mitigation', 'Mitigation'),
    ],
  },
  {
    key: 'issues',
    displayName: 'PMO Issues',
    description: 'PMO Hub: project issues.',
    title: 'Issue',
    columns: [
      ...raidCommon(),
      choice('RaidStatus', 'Status', ISSUE_STATUSES, { indexed: true }),
      choice('Severity', 'Severity', ISSUE_SEVERITIES),
      note('Resolution', 'Resolution'),
    ],
  },
  {
    key: 'decisionLog',
    displayName: 'PMO Decision Log',
    description: 'PMO Hub: project decisions.',
    title: 'Decision',
    columns: [
      ...raidCommon(),
      choice('RaidStatus', 'Status', DECISION_LOG_STATUSES, { indexed: true }),
      note('Rationale', 'Rationale'),
      ...personColumns('DecidedBy', 'Decided by'),
      date('DecidedOn', 'Decided on'),
    ],
  },
  {
    key: 'changeRequests',
    displayName: 'PMO Change Requests',
    description: 'PMO Hub: change requests and where their approval stands.',
    title: 'Change request',
    columns: [
      pmoId(),
      text('ProjectId', 'Project id', { indexed: true }),
      note('Description', 'Description'),
      money('CostDelta', 'Cost change'),
      num('ScheduleDeltaDays', 'Schedule change (days)'),
      note('ScopeChange', 'Scope change'),
      note('BenefitImpact', 'Benefit impact'),
      note('Justification', 'Justification'),
      ...personColumns('RequestedBy', 'Requested by'),
      instant('RequestedAt', 'Requested at'),
      note('Approvers', 'Approvers in order (JSON)'),
      choice('Policy', 'Approval policy', APPROVAL_POLICIES),
      choice('CrState', 'State', CHANGE_REQUEST_STATES, { indexed: true }),
      instant('DecidedAt', 'Decided at'),
      note('History', 'Reassignments and the approval applied (JSON)'),
      version,
    ],
  },
  {
    key: 'decisions',
    displayName: 'PMO Change Decisions',
    description: 'PMO Hub: every approver decision on a change request, append-only (the audit trail).',
    title: 'Decision',
    columns: [
      pmoId(),
      text('ChangeRequestId', 'Change request id', { indexed: true }),
      ...personColumns('Approver', 'Approver'),
      choice('Outcome', 'Decision', DECISION_OUTCOMES),
      note('Comment', 'Comment'),
      instant('DecidedAt', 'Decided at'),
      choice('Channel', 'Channel', ['bot', 'tab', 'api']),
    ],
  },
  {
    key: 'statusRequests',
    displayName: 'PMO Status Requests',
    description: 'PMO Hub: the weekly status request of each project and ISO week, and where it stands.',
    title: 'ISO week',
    columns: [
      pmoId(),
      text('ProjectId', 'Project id', { indexed: true }),
      text('Week', 'ISO week', { indexed: true }),
      text('RequestKey', 'Project and week', { indexed: true, unique: true }),
      choice('RequestState', 'State', STATUS_REQUEST_STATES, { indexed: true }),
      instant('SentAt', 'Sent at'),
      instant('RemindedAt', 'Reminded at'),
      instant('EscalatedAt', 'Escalated at'),
      note('Reason', 'Why excused or undeliverable'),
      text('CardActivityId', 'Teams card activity id'),
      text('ConversationId', 'Teams conversation id'),
      instant('CreatedAt', 'Created at'),
      version,
    ],
  },
  {
    key: 'conversations',
    displayName: 'PMO Bot Conversations',
    description:
      'PMO Hub: where the bot can reach each person or channel (kept at install, removed at uninstall).',
    title: 'Person or channel id',
    columns: [
      text('ConversationKey', 'Person or channel id', { indexed: true, unique: true }),
      choice('ConversationKind', 'Kind', ['personal', 'channel', 'groupChat']),
      note('ConversationId', 'Teams conversation id'),
      text('ServiceUrl', 'Service URL'),
      text('TenantId', 'Tenant id'),
      note('Reference', 'Conversation reference (JSON)'),
      instant('UpdatedAt', 'Updated at'),
    ],
  },
  {
    key: 'deliveries',
    displayName: 'PMO Bot Deliveries',
    description: 'PMO Hub: every message the bot sent unprompted, and whether it arrived.',
    title: 'Purpose',
    columns: [
      text('DeliveryKey', 'Delivery key', { indexed: true, unique: true }),
      text('RecipientId', 'Recipient id', { indexed: true }),
      note('ConversationId', 'Teams conversation id'),
      choice('DeliveryState', 'State', DELIVERY_STATES, { indexed: true }),
      num('Attempts', 'Attempts'),
      note('LastError', 'Last error'),
      text('ActivityId', 'Teams activity id'),
      instant('CreatedAt', 'Created at'),
      instant('UpdatedAt', 'Updated at'),
    ],
  },
  {
    key: 'stakeholders',
    displayName: 'PMO Stakeholders',
    description:
      'PMO Hub: who hears about each project and program (a person, an address or a Teams channel), how and how often.',
    title: 'Who or where',
    columns: [
      pmoId(),
      choice('ScopeKind', 'Register of', ['project', 'program'], { indexed: true }),
      text('ScopeId', 'Project id or program', { indexed: true }),
      text('StakeholderKey', 'Register, recipient and channel', {
        indexed: true,
        unique: true,
        description: 'Keeps one entry per recipient and channel in a register. Do not edit.',
      }),
      ...personColumns('Person', 'Person'),
      text('Address', 'Email address'),
      text('ChannelId', 'Teams channel id'),
      choice('StakeholderRole', 'Role', STAKEHOLDER_ROLES),
      choice('StakeholderChannel', 'Channel', STAKEHOLDER_CHANNELS),
      choice('Frequency', 'Frequency', STAKEHOLDER_FREQUENCIES),
      version,
    ],
  },
];

export function listSpec(key: ListKey): ListSpec {
  const spec = LISTS.find((l) => l.key === key);
  if (!spec) throw new Error(`No list spec for ${key}`);
  return spec;
}

/** The Graph `columnDefinition` that provisioning creates for a column. */
export function columnDefinition(column: ColumnSpec, currencyLocale: string): Record<string, unknown> {
  const base = {
    name: column.name,
    displayName: column.displayName,
    ...(column.description ? { description: column.description } : {}),
    indexed: Boolean(column.indexed || column.unique),
    ...(column.unique ? { enforceUniqueValues: true } : {}),
  };
  switch (column.kind) {
    case 'text':
      return { ...base, text: { allowMultipleLines: false, maxLength: 255 } };
    case 'multilineText':
      return { ...base, text: { allowMultipleLines: true, linesForEditing: 6, textType: 'plain' } };
    case 'number':
      return { ...base, number: { decimalPlaces: 'automatic', displayAs: 'number' } };
    case 'currency':
      return { ...base, currency: { locale: currencyLocale } };
    case 'dateTime':
      return { ...base, dateTime: { displayAs: 'standard', format: 'dateTime' } };
    case 'dateOnly':
      return { ...base, dateTime: { displayAs: 'standard', format: 'dateOnly' } };
    case 'choice':
      return {
        ...base,
        choice: { allowTextEntry: false, choices: [...(column.choices ?? [])], displayAs: 'dropDownMenu' },
      };
    case 'boolean':
      return { ...base, boolean: {} };
  }
}

/** The currency column's locale (lower case, as SharePoint returns it) for the portfolio's ISO 4217 currency. */
export function currencyLocaleFor(currency: string): string {
  const locales: Record<string, string> = {
    USD: 'en-us',
    GBP: 'en-gb',
    EUR: 'de-de',
    CHF: 'de-ch',
    CAD: 'en-ca',
    AUD: 'en-au',
    NZD: 'en-nz',
    JPY: 'ja-jp',
    INR: 'en-in',
    SEK: 'sv-se',
    NOK: 'nb-no',
    DKK: 'da-dk',
    ZAR: 'en-za',
    SGD: 'en-sg',
  };
  return locales[currency.toUpperCase()] ?? 'en-us';
}
