import type { ChangeRequestView } from '../services/change-request-service';
import type { PortfolioRow } from '../domain/portfolio';
import type { RaidItem } from '../domain/raid';
import { riskScore } from '../domain/raid';
import type { StatusReport } from '../domain/status-report';

/** A project as the API shows it: the record plus the derived figures, people as {id, name, email}. */
export function projectJson(row: PortfolioRow) {
  const p = row.project;
  return {
    id: p.id,
    code: p.code,
    title: p.title,
    description: p.description,
    program: p.program,
    department: p.department,
    projectManager: p.projectManager,
    delegates: p.delegates,
    sponsors: p.sponsors,
    phase: p.phase,
    state: p.state,
    methodology: p.methodology,
    startDate: p.startDate,
    baselineFinish: p.baselineFinish,
    forecastFinish: p.forecastFinish,
    budget: p.budget,
    percentComplete: p.percentComplete,
    cadence: p.cadence,
    latestStatus: p.latestStatus,
    overallRag: row.overallRag,
    budgetVariance: row.budgetVariance,
    scheduleVarianceDays: row.scheduleVarianceDays,
    stale: row.stale,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    version: p.version,
  };
}

export function statusReportJson(r: StatusReport) {
  return {
    id: r.id,
    projectId: r.projectId,
    week: r.week,
    rag: r.rag,
    suggestedOverall: r.suggestedOverall,
    overallOverrideReason: r.overallOverrideReason,
    percentComplete: r.percentComplete,
    accomplishments: r.accomplishments,
    nextSteps: r.nextSteps,
    risksAndIssues: r.risksAndIssues,
    decisionsNeeded: r.decisionsNeeded,
    actualCostToDate: r.actualCostToDate,
    forecastFinish: r.forecastFinish,
    submittedBy: r.submittedBy,
    submittedAt: r.submittedAt,
    source: r.source,
    version: r.version,
  };
}

export function raidJson(item: RaidItem) {
  return item.kind === 'risk' ? { ...item, score: riskScore(item) } : item;
}

/** A change request with its decision trail and who is awaited now. */
export function changeRequestJson(v: ChangeRequestView) {
  return { ...v.changeRequest, decisions: v.decisions, currentApprovers: v.currentApprovers };
}
