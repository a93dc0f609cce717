import type { RaidItemJson } from '../../api/types';

/** RAID items as the API sends them, one type per kind. */
export type RiskJson = Extract<RaidItemJson, { kind: 'risk' }>;
export type IssueJson = Extract<RaidItemJson, { kind: 'issue' }>;
export type DecisionJson = Extract<RaidItemJson, { kind: 'decision' }>;

export type RiskStatus = RiskJson['status'];
export type IssueStatus = IssueJson['status'];
export type DecisionStatus = DecisionJson['status'];
export type IssueSeverity = IssueJson['severity'];

/** The words shown for each stored value (the API's enums are camelCase identifiers). */
export const RISK_STATUS_LABEL: Record<RiskStatus, string> = {
  open: 'Open',
  mitigating: 'Mitigating',
  closed: 'Closed',
  occurred: 'Occurred',
};
export const ISSUE_STATUS_LABEL: Record<IssueStatus, string> = {
  open: 'Open',
  inProgress: 'In progress',
  resolved: 'Resolved',
  closed: 'Closed',
};
export const DECISION_STATUS_LABEL: Record<DecisionStatus, string> = {
  proposed: 'Proposed',
  decided: 'Decided',
  superseded: 'Superseded',
};
export const SEVERITY_LABEL: Record<IssueSeverity, string> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  critical: 'Critical',
};
export const SEVERITY_RANK: Record<IssueSeverity, number> = { low: 1, medium: 2, high: 3, critical: 4 };

export const PROBABILITY_LABEL = ['Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain'] as const;
export const IMPACT_LABEL = ['Negligible', 'Minor', 'Moderate', 'Major', 'Severe'] as const;

export type Score = 1 | 2 | 3 | 4 | 5;
export const SCORES: readonly Score[] = [1, 2, 3, 4, 5];

export type RiskZone = 'low' | 'medium' | 'high';
export const ZONE_LABEL: Record<RiskZone, string> = { low: 'Low', medium: 'Medium', high: 'High' };

/** Same thresholds as the server's `isHighRisk` (score 15 or more is high). */
export function riskZone(score: number): RiskZone {
  if (score >= 15) return 'high';
  if (score >= 5) return 'medium';
  return 'low';
}

/** Open risks are the ones still to manage: the heat map counts these (as the server's `isRaidOpen`). */
export function isRiskOpen(risk: Pick<RiskJson, 'status'>): boolean {
  return risk.status === 'open' || risk.status === 'mitigating';
}
export function isIssueOpen(issue: Pick<IssueJson, 'status'>): boolean {
  return issue.status === 'open' || issue.status === 'inProgress';
}
