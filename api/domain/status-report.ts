import type { FieldError } from './errors';
import { RuleViolation, ValidationError } from './errors';
import type { IsoWeek } from './iso-week';
import { isCalendarDate } from './iso-week';
import { LIMITS } from './limits';
import type { PersonRef } from './people';
import type { LatestStatus, Project } from './project';
import type { RagAssessment } from './rag';
import { needsOverrideReason, suggestedOverall } from './rag';

export const STATUS_SOURCES = ['bot', 'tab', 'api'] as const;
export type StatusSource = (typeof STATUS_SOURCES)[number];

/** What a PM answers each week, whichever way they answer it. */
export interface StatusAnswers {
  rag: RagAssessment;
  /** Required when `rag.overall` is better than the worst dimension (the watermelon guard). */
  overallOverrideReason: string | null;
  percentComplete: number;
  accomplishments: string;
  nextSteps: string;
  risksAndIssues: string;
  decisionsNeeded: string;
  actualCostToDate: number;
  forecastFinish: string;
}

export interface StatusReport extends StatusAnswers {
  id: string;
  projectId: string;
  week: IsoWeek;
  /** The overall RAG the rules suggested (worst dimension), kept so an override stays visible. */
  suggestedOverall: RagAssessment['overall'];
  submittedBy: PersonRef;
  submittedAt: string;
  source: StatusSource;
  /** 1 for the first submission of the week; each resubmission bumps it and keeps the old one as a revision. */
  version: number;
}

/** An earlier answer for the same project and week, kept when the report is resubmitted. */
export interface StatusReportRevision {
  reportId: string;
  version: number;
  snapshot: StatusReport;
  replacedAt: string;
  replacedBy: PersonRef;
}

/**
 * Domain checks on an answer, beyond its shape: the watermelon guard, ranges, dates.
 * Returns every problem at once so a card can show each beside its field.
 */
export function checkStatusAnswers(answers: StatusAnswers): FieldError[] {
  const errors: FieldError[] = [];
  const reason = answers.overallOverrideReason?.trim() ?? '';
  if (needsOverrideReason(answers.rag) && reason.length === 0) {
    errors.push({
      field: 'overallOverrideReason',
      message: `Overall is ${answers.rag.overall} but the worst dimension is ${suggestedOverall(answers.rag)}: say why the project is healthier overall.`,
    });
  }
  if (
    !Number.isFinite(answers.percentComplete) ||
    answers.percentComplete < 0 ||
    answers.percentComplete > 100
  ) {
    errors.push({ field: 'percentComplete', message: 'Percent complete must be between 0 and 100.' });
  }
  if (!Number.isFinite(answers.actualCostToDate) || answers.actualCostToDate < 0) {
    errors.push({ field: 'actualCostToDate', message: 'Cost to date cannot be negative.' });
  } else if (answers.actualCostToDate > LIMITS.money) {
    errors.push({ field: 'actualCostToDate', message: `Cost to date cannot exceed ${LIMITS.money}.` });
  }
  if (!isCalendarDate(answers.forecastFinish)) {
    errors.push({ field: 'forecastFinish', message: 'Forecast finish must be a real date (YYYY-MM-DD).' });
  }
  for (const field of ['accomplishments', 'nextSteps', 'risksAndIssues', 'decisionsNeeded'] as const) {
    if (answers[field].length > LIMITS.statusText) {
      errors.push({ field, message: `At most ${LIMITS.statusText} characters.` });
    }
  }
  if (reason.length > LIMITS.reason) {
    errors.push({ field: 'overallOverrideReason', message: `At most ${LIMITS.reason} characters.` });
  }
  return errors;
}

/** Throws unless a report may be filed for this project now. */
export function assertProjectAcceptsStatus(project: Pick<Project, 'state' | 'code'>): void {
  if (project.state === 'closed') {
    throw new RuleViolation(`Project ${project.code} is closed: it takes no more status reports.`, [
      { field: 'projectId', message: 'The project is closed.' },
    ]);
  }
}

export function validateStatusAnswers(answers: StatusAnswers): void {
  const errors = checkStatusAnswers(answers);
  if (errors.length > 0) throw new ValidationError(errors);
}

/** Normalises an answer before it is stored: no override reason unless one is needed. */
export function normaliseAnswers(answers: StatusAnswers): StatusAnswers {
  const reason = answers.overallOverrideReason?.trim() ?? '';
  return {
    ...answers,
    overallOverrideReason: needsOverrideReason(answers.rag) ? reason : null,
  };
}

/** The project fields that a report for `week` updates, or null when a newer week is already latest. */
export function projectUpdateFromReport(
  project: Pick<Project, 'latestStatus'>,
  report: Pick<
    StatusReport,
    'week' | 'submittedAt' | 'rag' | 'percentComplete' | 'actualCostToDate' | 'forecastFinish'
  >,
): {
  latestStatus: LatestStatus;
  percentComplete: number;
  actualCost: number;
  forecastFinish: string;
} | null {
  if (project.latestStatus && project.latestStatus.week > report.week) return null;
  return {
    latestStatus: { week: report.week, reportedAt: report.submittedAt, ...report.rag },
    percentComplete: report.percentComplete,
    actualCost: report.actualCostToDate,
    forecastFinish: report.forecastFinish,
  };
}
