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

export function isRaidOpen(item: RaidItem): boolean {
  switch (item.kind) {
    case 'risk':
      return item.status === 'open' || item.status === 'mitigating';
    case 'issue':
      return item.status === 'open' || item.status === 'inProgress';
    case 'decision':
      return item.status === 'proposed';
  }
}
