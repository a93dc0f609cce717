import type { ConversationRecord, DeliveryRecord } from '../../domain/bot-delivery';
import type { ChangeRequest, Decision } from '../../domain/change-request';
import type { IsoWeek } from '../../domain/iso-week';
import type { Person, PersonRef } from '../../domain/people';
import type { LatestStatus, Project, StatusCadence } from '../../domain/project';
import { overallRagOf } from '../../domain/project';
import type { Rag, RagOrNone } from '../../domain/rag';
import { needsOverrideReason } from '../../domain/rag';
import type { DecisionLogEntry, Issue, RaidItem, RaidKind, Risk, Score } from '../../domain/raid';
import type { StatusReport, StatusReportRevision, StatusSource } from '../../domain/status-report';
import type { StatusRequest } from '../../domain/status-request';
import { createHash } from 'node:crypto';
import type { Stakeholder } from '../../domain/stakeholder';
import { stakeholderKey, stakeholderLabel } from '../../domain/stakeholder';

/**
 * Domain records to SharePoint list fields and back: one pair of functions per list (see list-schema).
 * Values come back as SharePoint stores them: instants to the second, dates as midnight UTC.
 */
export type Fields = Record<string, unknown>;

// ---- reading values, tolerant of a cell a person cleared in Lists ----

const str = (f: Fields, k: string): string => (typeof f[k] === 'string' ? (f[k] as string) : '');
const strOrNull = (f: Fields, k: string): string | null =>
  typeof f[k] === 'string' && f[k] !== '' ? (f[k] as string) : null;
const num = (f: Fields, k: string): number => {
  const v = f[k];
  if (typeof v === 'number') return v;
  const parsed = typeof v === 'string' ? Number(v) : NaN;
  return Number.isFinite(parsed) ? parsed : 0;
};
const instant = (f: Fields, k: string): string => {
  const v = strOrNull(f, k);
  return v ? new Date(v).toISOString() : '';
};
const instantOrNull = (f: Fields, k: string): string | null => (strOrNull(f, k) ? instant(f, k) : null);
const dateOrNull = (f: Fields, k: string): string | null => strOrNull(f, k)?.slice(0, 10) ?? null;
const date = (f: Fields, k: string): string => dateOrNull(f, k) ?? '';
const json = <T>(f: Fields, k: string, fallback: T): T => {
  const v = strOrNull(f, k);
  if (!v) return fallback;
  try {
    return JSON.parse(v) as T;
  } catch {
    return fallback;
  }
};
const personOrNull = (f: Fields, prefix: string): PersonRef | null => {
  const id = strOrNull(f, `${prefix}Id`);
  return id ? { id, name: str(f, `${prefix}Name`), email: str(f, `${prefix}Email`) } : null;
};
const person = (f: Fields, prefix: string): PersonRef =>
  personOrNull(f, prefix) ?? { id: '', name: '', email: '' };

// ---- writing values ----

/** SharePoint keeps instants to the second; sending them so makes a write read back as it was sent. */
export const toSpInstant = (iso: string): string => new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z');
const toSpInstantOrNull = (iso: string | null): string | null => (iso ? toSpInstant(iso) : null);
/** A calendar date is stored as midnight UTC in a date-only column. */
const toSpDate = (d: string | null): string | null => (d ? `${d}T00:00:00Z` : null);
const personFields = (prefix: string, p: PersonRef | null): Fields => ({
  [`${prefix}Id`]: p?.id ?? null,
  [`${prefix}Name`]: p?.name ?? null,
  [`${prefix}Email`]: p?.email ?? null,
});
/** Single-line text columns hold 255 characters. */
const line = (s: string): string => (s.length > 255 ? `${s.slice(0, 254)}…` : s);

// ---- people ----

export function personToFields(p: Person, at: string): Fields {
  return {
    Title: p.name,
    PmoId: p.id,
    Email: p.email,
    EmailKey: p.email.toLowerCase(),
    Department: p.department ?? null,
    JobTitle: p.jobTitle ?? null,
    TimeZone: p.timeZone ?? null,
    AwayUntil: toSpDate(p.awayUntil ?? null),
    UpdatedAt: toSpInstant(at),
  };
}

export function personFromFields(f: Fields): Person {
  const p: Person = { id: str(f, 'PmoId'), name: str(f, 'Title'), email: str(f, 'Email') };
  const department = strOrNull(f, 'Department');
  const jobTitle = strOrNull(f, 'JobTitle');
  const timeZone = strOrNull(f, 'TimeZone');
  if (department) p.department = department;
  if (jobTitle) p.jobTitle = jobTitle;
  if (timeZone) p.timeZone = timeZone;
  const awayUntil = dateOrNull(f, 'AwayUntil');
  if (awayUntil) p.awayUntil = awayUntil;
  return p;
}

// ---- projects ----

/** Every project column; the store sends only the changed ones on update. */
export function projectToFields(p: Project): Fields {
  return {
    Title: p.title,
    PmoId: p.id,
    Code: p.code,
    Description: p.description,
    Program: p.program,
    Department: p.department,
    ...personFields('Pm', p.projectManager),
    Delegates: JSON.stringify(p.delegates),
    Sponsors: JSON.stringify(p.sponsors),
    SponsorNames: line(p.sponsors.map((s) => s.name).join('; ')),
    Phase: p.phase,
    ProjectState: p.state,
    Methodology: p.methodology,
    StartDate: toSpDate(p.startDate),
    BaselineFinish: toSpDate(p.baselineFinish),
    ForecastFinish: toSpDate(p.forecastFinish),
    BudgetBaseline: p.budget.baseline,
    BudgetApproved: p.budget.approved,
    ActualCost: p.budget.actualCost,
    ForecastAtCompletion: p.budget.forecastAtCompletion,
    PercentComplete: p.percentComplete,
    CadenceWeekday: p.cadence.weekday,
    CadenceTime: p.cadence.localTime,
    CadenceTimeZone: p.cadence.timeZone,
    ...latestStatusFields(p.latestStatus),
    CreatedAt: toSpInstant(p.createdAt),
    UpdatedAt: toSpInstant(p.updatedAt),
    PmoVersion: p.version,
  };
}

export function latestStatusFields(s: LatestStatus | null): Fields {
  return {
    OverallRag: overallRagOf({ latestStatus: s }),
    LatestWeek: s?.week ?? null,
    LatestReportedAt: toSpInstantOrNull(s?.reportedAt ?? null),
    LatestSchedule: s?.schedule ?? null,
    LatestBudget: s?.budget ?? null,
    LatestScope: s?.scope ?? null,
    LatestResources: s?.resources ?? null,
  };
}

export function projectFromFields(f: Fields): Project {
  const week = strOrNull(f, 'LatestWeek');
  const overall = str(f, 'OverallRag') as RagOrNone;
  const latestStatus: LatestStatus | null =
    week && overall !== 'notReported'
      ? {
          week: week as IsoWeek,
          reportedAt: instant(f, 'LatestReportedAt'),
          overall: overall as Rag,
          schedule: str(f, 'LatestSchedule') as Rag,
          budget: str(f, 'LatestBudget') as Rag,
          scope: str(f, 'LatestScope') as Rag,
          resources: str(f, 'LatestResources') as Rag,
        }
      : null;
  return {
    id: str(f, 'PmoId'),
    code: str(f, 'Code'),
    title: str(f, 'Title'),
    description: str(f, 'Description'),
    program: str(f, 'Program'),
    department: str(f, 'Department'),
    projectManager: person(f, 'Pm'),
    delegates: json<PersonRef[]>(f, 'Delegates', []),
    sponsors: json<PersonRef[]>(f, 'Sponsors', []),
    phase: str(f, 'Phase') as Project['phase'],
    state: str(f, 'ProjectState') as Project['state'],
    methodology: str(f, 'Methodology') as Project['methodology'],
    startDate: date(f, 'StartDate'),
    baselineFinish: date(f, 'BaselineFinish'),
    forecastFinish: date(f, 'ForecastFinish'),
    budget: {
      baseline: num(f, 'BudgetBaseline'),
      approved: num(f, 'BudgetApproved'),
      actualCost: num(f, 'ActualCost'),
      forecastAtCompletion: num(f, 'ForecastAtCompletion'),
    },
    percentComplete: num(f, 'PercentComplete'),
    cadence: {
      weekday: num(f, 'CadenceWeekday') as StatusCadence['weekday'],
      localTime: str(f, 'CadenceTime'),
      timeZone: str(f, 'CadenceTimeZone'),
    },
    latestStatus,
    createdAt: instant(f, 'CreatedAt'),
    updatedAt: instant(f, 'UpdatedAt'),
    version: num(f, 'PmoVersion'),
  };
}

// ---- status reports ----

export const reportKey = (projectId: string, week: string): string => `${projectId}|${week}`;

export function reportToFields(r: StatusReport): Fields {
  return {
    Title: r.week,
    PmoId: r.id,
    ProjectId: r.projectId,
    Week: r.week,
    ReportKey: reportKey(r.projectId, r.week),
    OverallRag: r.rag.overall,
    ScheduleRag: r.rag.schedule,
    BudgetRag: r.rag.budget,
    ScopeRag: r.rag.scope,
    ResourcesRag: r.rag.resources,
    SuggestedOverall: r.suggestedOverall,
    OverallOverridden: needsOverrideReason(r.rag),
    OverrideReason: r.overallOverrideReason,
    PercentComplete: r.percentComplete,
    Accomplishments: r.accomplishments,
    NextSteps: r.nextSteps,
    RisksAndIssues: r.risksAndIssues,
    DecisionsNeeded: r.decisionsNeeded,
    ActualCostToDate: r.actualCostToDate,
    ForecastFinish: toSpDate(r.forecastFinish),
    ...personFields('SubmittedBy', r.submittedBy),
    SubmittedAt: toSpInstant(r.submittedAt),
    Source: r.source,
    PmoVersion: r.version,
  };
}

export function reportFromFields(f: Fields): StatusReport {
  return {
    id: str(f, 'PmoId'),
    projectId: str(f, 'ProjectId'),
    week: str(f, 'Week') as IsoWeek,
    rag: {
      overall: str(f, 'OverallRag') as Rag,
      schedule: str(f, 'ScheduleRag') as Rag,
      budget: str(f, 'BudgetRag') as Rag,
      scope: str(f, 'ScopeRag') as Rag,
      resources: str(f, 'ResourcesRag') as Rag,
    },
    overallOverrideReason: strOrNull(f, 'OverrideReason'),
    percentComplete: num(f, 'PercentComplete'),
    accomplishments: str(f, 'Accomplishments'),
    nextSteps: str(f, 'NextSteps'),
    risksAndIssues: str(f, 'RisksAndIssues'),
    decisionsNeeded: str(f, 'DecisionsNeeded'),
    actualCostToDate: num(f, 'ActualCostToDate'),
    forecastFinish: date(f, 'ForecastFinish'),
    suggestedOverall: str(f, 'SuggestedOverall') as Rag,
    submittedBy: person(f, 'SubmittedBy'),
    submittedAt: instant(f, 'SubmittedAt'),
    source: str(f, 'Source') as StatusSource,
    version: num(f, 'PmoVersion'),
  };
}

export function revisionToFields(r: StatusReportRevision): Fields {
  return {
    Title: r.snapshot.week,
    ReportId: r.reportId,
    RevisionKey: `${r.reportId}|${r.version}`,
    ReportVersion: r.version,
    Snapshot: JSON.stringify(r.snapshot),
    ReplacedAt: toSpInstant(r.replacedAt),
    ...personFields('ReplacedBy', r.replacedBy),
  };
}

export function revisionFromFields(f: Fields): StatusReportRevision {
  return {
    reportId: str(f, 'ReportId'),
    version: num(f, 'ReportVersion'),
    snapshot: json<StatusReport>(f, 'Snapshot', {} as StatusReport),
    replacedAt: instant(f, 'ReplacedAt'),
    replacedBy: person(f, 'ReplacedBy'),
  };
}

// ---- RAID ----

export function raidToFields(item: RaidItem): Fields {
  const common: Fields = {
    Title: item.title,
    PmoId: item.id,
    ProjectId: item.projectId,
    Description: item.description,
    ...personFields('Owner', item.owner),
    DueDate: toSpDate(item.dueDate),
    ...personFields('CreatedBy', item.createdBy),
    CreatedAt: toSpInstant(item.createdAt),
    UpdatedAt: toSpInstant(item.updatedAt),
    PmoVersion: item.version,
    RaidStatus: item.status,
  };
  switch (item.kind) {
    case 'risk':
      return { ...common, Probability: item.probability, Impact: item.impact, Mitigation: item.mitigation };
    case 'issue':
      return { ...common, Severity: item.severity, Resolution: item.resolution };
    case 'decision':
      return {
        ...common,
        Rationale: item.rationale,
        ...personFields('DecidedBy', item.decidedBy),
        DecidedOn: toSpDate(item.decidedOn),
      };
  }
}

export function raidFromFields(kind: RaidKind, f: Fields): RaidItem {
  const common = {
    id: str(f, 'PmoId'),
    projectId: str(f, 'ProjectId'),
    title: str(f, 'Title'),
    description: str(f, 'Description'),
    owner: personOrNull(f, 'Owner'),
    dueDate: dateOrNull(f, 'DueDate'),
    createdAt: instant(f, 'CreatedAt'),
    updatedAt: instant(f, 'UpdatedAt'),
    createdBy: person(f, 'CreatedBy'),
    version: num(f, 'PmoVersion'),
  };
  switch (kind) {
    case 'risk':
      return {
        ...common,
        kind,
        probability: num(f, 'Probability') as Score,
        impact: num(f, 'Impact') as Score,
        mitigation: str(f, 'Mitigation'),
        status: str(f, 'RaidStatus') as Risk['status'],
      };
    case 'issue':
      return {
        ...common,
        kind,
        severity: str(f, 'Severity') as Issue['severity'],
        resolution: str(f, 'Resolution'),
        status: str(f, 'RaidStatus') as Issue['status'],
      };
    case 'decision':
      return {
        ...common,
        kind,
        rationale: str(f, 'Rationale'),
        decidedBy: personOrNull(f, 'DecidedBy'),
        decidedOn: dateOrNull(f, 'DecidedOn'),
        status: str(f, 'RaidStatus') as DecisionLogEntry['status'],
      };
  }
}

// ---- change requests and decisions ----

export function changeRequestToFields(cr: ChangeRequest): Fields {
  return {
    Title: cr.title,
    PmoId: cr.id,
    ProjectId: cr.projectId,
    Description: cr.description,
    CostDelta: cr.costDelta,
    ScheduleDeltaDays: cr.scheduleDeltaDays,
    ScopeChange: cr.scopeChange,
    BenefitImpact: cr.benefitImpact,
    Justification: cr.justification,
    ...personFields('RequestedBy', cr.requestedBy),
    RequestedAt: toSpInstant(cr.requestedAt),
    Approvers: JSON.stringify(cr.approvers),
    Policy: cr.policy,
    CrState: cr.state,
    DecidedAt: toSpInstantOrNull(cr.decidedAt),
    History: cr.history.length ? JSON.stringify(cr.history) : null,
    PmoVersion: cr.version,
  };
}

export function changeRequestFromFields(f: Fields): ChangeRequest {
  return {
    id: str(f, 'PmoId'),
    projectId: str(f, 'ProjectId'),
    title: str(f, 'Title'),
    description: str(f, 'Description'),
    costDelta: num(f, 'CostDelta'),
    scheduleDeltaDays: num(f, 'ScheduleDeltaDays'),
    scopeChange: str(f, 'ScopeChange'),
    benefitImpact: str(f, 'BenefitImpact'),
    justification: str(f, 'Justification'),
    requestedBy: person(f, 'RequestedBy'),
    requestedAt: instant(f, 'RequestedAt'),
    approvers: json<PersonRef[]>(f, 'Approvers', []),
    policy: str(f, 'Policy') as ChangeRequest['policy'],
    state: str(f, 'CrState') as ChangeRequest['state'],
    decidedAt: instantOrNull(f, 'DecidedAt'),
    history: json<ChangeRequest['history']>(f, 'History', []),
    version: num(f, 'PmoVersion'),
  };
}

export function decisionToFields(d: Decision): Fields {
  return {
    Title: `${d.decision} by ${d.approver.name}`.slice(0, 255),
    PmoId: d.id,
    ChangeRequestId: d.changeRequestId,
    ...personFields('Approver', d.approver),
    Outcome: d.decision,
    Comment: d.comment,
    DecidedAt: toSpInstant(d.at),
    Channel: d.channel,
  };
}

export function decisionFromFields(f: Fields): Decision {
  return {
    id: str(f, 'PmoId'),
    changeRequestId: str(f, 'ChangeRequestId'),
    approver: person(f, 'Approver'),
    decision: str(f, 'Outcome') as Decision['decision'],
    comment: str(f, 'Comment'),
    at: instant(f, 'DecidedAt'),
    channel: str(f, 'Channel') as Decision['channel'],
  };
}

// ---- the weekly status cycle ----

export const requestKey = reportKey;

export function statusRequestToFields(r: StatusRequest): Fields {
  return {
    Title: r.week,
    PmoId: r.id,
    ProjectId: r.projectId,
    Week: r.week,
    RequestKey: requestKey(r.projectId, r.week),
    RequestState: r.state,
    SentAt: toSpInstantOrNull(r.sentAt),
    RemindedAt: toSpInstantOrNull(r.remindedAt),
    EscalatedAt: toSpInstantOrNull(r.escalatedAt),
    Reason: r.reason,
    CardActivityId: r.cardActivityId,
    ConversationId: r.conversationId,
    CreatedAt: toSpInstant(r.createdAt),
    PmoVersion: r.version,
  };
}

export function statusRequestFromFields(f: Fields): StatusRequest {
  return {
    id: str(f, 'PmoId'),
    projectId: str(f, 'ProjectId'),
    week: str(f, 'Week') as IsoWeek,
    state: str(f, 'RequestState') as StatusRequest['state'],
    sentAt: instantOrNull(f, 'SentAt'),
    remindedAt: instantOrNull(f, 'RemindedAt'),
    escalatedAt: instantOrNull(f, 'EscalatedAt'),
    reason: strOrNull(f, 'Reason'),
    cardActivityId: strOrNull(f, 'CardActivityId'),
    conversationId: strOrNull(f, 'ConversationId'),
    createdAt: instant(f, 'CreatedAt'),
    version: num(f, 'PmoVersion'),
  };
}

export function conversationToFields(c: ConversationRecord): Fields {
  return {
    Title: c.key,
    ConversationKey: c.key,
    ConversationKind: c.kind,
    ConversationId: c.conversationId,
    ServiceUrl: line(c.serviceUrl),
    TenantId: c.tenantId,
    Reference: c.reference,
    UpdatedAt: toSpInstant(c.updatedAt),
  };
}

export function conversationFromFields(f: Fields): ConversationRecord {
  return {
    key: str(f, 'ConversationKey'),
    kind: str(f, 'ConversationKind') as ConversationRecord['kind'],
    conversationId: str(f, 'ConversationId'),
    serviceUrl: str(f, 'ServiceUrl'),
    tenantId: str(f, 'TenantId'),
    reference: str(f, 'Reference'),
    updatedAt: instant(f, 'UpdatedAt'),
  };
}

export function deliveryToFields(d: DeliveryRecord): Fields {
  return {
    Title: d.purpose,
    DeliveryKey: d.key,
    RecipientId: d.recipientId,
    ConversationId: d.conversationId,
    DeliveryState: d.state,
    Attempts: d.attempts,
    LastError: d.lastError,
    ActivityId: d.activityId,
    CreatedAt: toSpInstant(d.createdAt),
    UpdatedAt: toSpInstant(d.updatedAt),
  };
}

export function deliveryFromFields(f: Fields): DeliveryRecord {
  return {
    key: str(f, 'DeliveryKey'),
    purpose: str(f, 'Title'),
    recipientId: str(f, 'RecipientId'),
    conversationId: str(f, 'ConversationId'),
    state: str(f, 'DeliveryState') as DeliveryRecord['state'],
    attempts: num(f, 'Attempts'),
    lastError: strOrNull(f, 'LastError'),
    activityId: strOrNull(f, 'ActivityId'),
    createdAt: instant(f, 'CreatedAt'),
    updatedAt: instant(f, 'UpdatedAt'),
  };
}

// ---- the stakeholder register ----

/**
 * The unique column holds a digest of the domain's natural key: an address may be 254 characters, and a
 * single-line column holds 255.
 */
export function stakeholderKeyDigest(s: Stakeholder): string {
  return createHash('sha256').update(stakeholderKey(s)).digest('hex');
}

export function stakeholderToFields(s: Stakeholder): Fields {
  return {
    Title: line(stakeholderLabel(s)),
    PmoId: s.id,
    ScopeKind: s.scope.kind,
    ScopeId: s.scope.id,
    StakeholderKey: stakeholderKeyDigest(s),
    ...personFields('Person', s.person),
    Address: s.address,
    ChannelId: s.channelId,
    StakeholderRole: s.role,
    StakeholderChannel: s.channel,
    Frequency: s.frequency,
    PmoVersion: s.version,
  };
}

export function stakeholderFromFields(f: Fields): Stakeholder {
  return {
    id: str(f, 'PmoId'),
    scope: { kind: str(f, 'ScopeKind') as Stakeholder['scope']['kind'], id: str(f, 'ScopeId') },
    person: personOrNull(f, 'Person'),
    address: strOrNull(f, 'Address'),
    channelId: strOrNull(f, 'ChannelId'),
    role: str(f, 'StakeholderRole') as Stakeholder['role'],
    channel: str(f, 'StakeholderChannel') as Stakeholder['channel'],
    frequency: str(f, 'Frequency') as Stakeholder['frequency'],
    version: num(f, 'PmoVersion'),
  };
}
