import type { ChangeRequestView } from '../services/change-request-service';
import type { RaidListing } from '../services/raid-service';
import type { StatusRequestRow } from '../services/status-cycle-service';
import { timestampOf } from '../domain/iso-week';
import type { PortfolioRow } from '../domain/portfolio';
import type { RaidItem, RaidKind } from '../domain/raid';
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

/**
 * A change request with its decision trail, who is awaited now, and the project facts an approver
 * decides against (an approver need not be a member of the project to see these).
 */
export function changeRequestJson(v: ChangeRequestView) {
  const p = v.project;
  return {
    ...v.changeRequest,
    decisions: v.decisions,
    currentApprovers: v.currentApprovers,
    project: {
      id: p.id,
      code: p.code,
      title: p.title,
      program: p.program,
      approvedBudget: p.budget.approved,
      forecastFinish: p.forecastFinish,
    },
  };
}

/** An item of the cross-project RAID log: the item (risks with their score) and its project. */
export function raidListingJson(listing: RaidListing<RaidKind>) {
  return { ...raidJson(listing.item), project: listing.project };
}

/** A week's status request as the PMO's compliance view shows it. */
export function statusRequestRowJson({ request: r, project: p, dueAt }: StatusRequestRow) {
  return {
    id: r.id,
    week: r.week,
    state: r.state,
    dueAt: timestampOf(dueAt),
    sentAt: r.sentAt,
    remindedAt: r.remindedAt,
    escalatedAt: r.escalatedAt,
    reason: r.reason,
    project: { id: p.id, code: p.code, title: p.title, program: p.program },
    projectManager: { id: p.projectManager.id, name: p.projectManager.name, email: p.projectManager.email },
  };
}
