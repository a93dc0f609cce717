import type { PersonRef } from './people';

/**
 * RAID: risks, issues and the decision log of a project. They share an envelope (title, owner, status,
 * due date) and differ in what they measure.
 */
export const RAID_KINDS = ['risk', 'issue', 'decision'] as const;
export type RaidKind = (typeof RAID_KINDS)[number];

export const RISK_STATUSES = ['open', 'mitigating', 'closed', 'occurred'] as const;
export const ISSUE_STATUSES = ['open', 'inProgress', 'resolved', 'closed'] as const;
export const DECISION_LOG_STATUSES = ['proposed', 'decided', 'superseded'] as const;
export const ISSUE_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;

/** Probability and impact are scored 1 (very low) to 5 (very high). */
export type Score = 1 | 2 | 3 | 4 | 5;

interface RaidBase {
  id: string;
  projectId: string;
  title: string;
  description: string;
  owner: PersonRef | null;
  /** Due or review date, YYYY-MM-DD. */
  dueDate: string | null;
  createdAt: string;
  updatedAt: string;
  createdBy: PersonRef;
  version: number;
}

export interface Risk extends RaidBase {
  kind: 'risk';
  probability: Score;
  impact: Score;
  mitigation: string;
  status: (typeof RISK_STATUSES)[number];
}

export interface Issue extends RaidBase {
  kind: 'issue';
  severity: (typeof ISSUE_SEVERITIES)[number];
  resolution: string;
  status: (typeof ISSUE_STATUSES)[number];
}

export interface DecisionLogEntry extends RaidBase {
  kind: 'decision';
  rationale: string;
  decidedBy: PersonRef | null;
  decidedOn: string | null;
  status: (typeof DECISION_LOG_STATUSES)[number];
}

export type RaidItem = Risk | Issue | DecisionLogEntry;
export type RaidItemOf<K extends RaidKind> = Extract<RaidItem, { kind: K }>;

/** Probability × impact, 1–25. */
export function riskScore(risk: Pick<Risk, 'probability' | 'impact'>): number {
  return risk.probability * risk.impact;
}

/** A high risk scores 15 or more (the red zone of a 5 × 5 heat map). */
export function isHighRisk(risk: Pick<Risk, 'probability' | 'impact' | 'status'>): boolean {
  return (risk.status === 'open' || risk.status === 'mitigating') && riskScore(risk) >= 15;
}

export type RaidStatusOf<K extends RaidKind> = RaidItemOf<K>['status'];

const STATUSES: { [K in RaidKind]: readonly RaidStatusOf<K>[] } = {
  risk: RISK_STATUSES,
  issue: ISSUE_STATUSES,
  decision: DECISION_LOG_STATUSES,
};

/** The statuses in which an item still needs attention; the others are settled. */
export const OPEN_RAID_STATUSES: { [K in RaidKind]: readonly RaidStatusOf<K>[] } = {
  risk: ['open', 'mitigating'],
  issue: ['open', 'inProgress'],
  decision: ['proposed'],
};

export function isRaidOpen(item: RaidItem): boolean {
  return (OPEN_RAID_STATUSES[item.kind] as readonly string[]).includes(item.status);
}

/** The statuses of a kind's open items, or (open false) of its settled ones. */
export function raidStatuses<K extends RaidKind>(kind: K, open: boolean): RaidStatusOf<K>[] {
  const opened = OPEN_RAID_STATUSES[kind] as readonly RaidStatusOf<K>[];
  return (STATUSES[kind] as readonly RaidStatusOf<K>[]).filter((s) => opened.includes(s) === open);
}

/** Open and serious: a high risk (scoring 15 or more) or a high or critical issue. Decisions have no severity. */
export function isHighSeverity(item: RaidItem): boolean {
  switch (item.kind) {
    case 'risk':
      return isHighRisk(item);
    case 'issue':
      return isRaidOpen(item) && (item.severity === 'high' || item.severity === 'critical');
    case 'decision':
      return false;
  }
}

/** When a decision was taken, or (still proposed) raised: YYYY-MM-DD. */
function decisionDate(item: DecisionLogEntry): string {
  return item.decidedOn ?? item.createdAt.slice(0, 10);
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Most severe first: risks by score, issues by severity, decisions newest first (decided on, else
 * raised). Ties go to the earlier due date (none last), then the id, so the order is stable.
 */
export function compareRaidBySeverity(a: RaidItem, b: RaidItem): number {
  let first: number;
  if (a.kind === 'risk' && b.kind === 'risk') first = riskScore(b) - riskScore(a);
  else if (a.kind === 'issue' && b.kind === 'issue')
    first = ISSUE_SEVERITIES.indexOf(b.severity) - ISSUE_SEVERITIES.indexOf(a.severity);
  else if (a.kind === 'decision' && b.kind === 'decision') first = byText(decisionDate(b), decisionDate(a));
  else first = RAID_KINDS.indexOf(a.kind) - RAID_KINDS.indexOf(b.kind);
  if (first !== 0) return first;
  if (a.dueDate !== b.dueDate) {
    if (a.dueDate === null) return 1;
    if (b.dueDate === null) return -1;
    return byText(a.dueDate, b.dueDate);
  }
  return byText(a.id, b.id);
}
