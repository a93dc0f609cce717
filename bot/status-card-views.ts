import type { FieldError } from '../api/domain/errors';
import type { IsoWeek } from '../api/domain/iso-week';
import { isoWeekOf, weekBounds } from '../api/domain/iso-week';
import type { Project } from '../api/domain/project';
import type { StatusReport } from '../api/domain/status-report';
import type { StatusFormView, StatusSubmittedView } from './cards/card-views';
import type { StatusFormValues } from './status-form-input';
import { formValuesOf } from './status-form-input';

/** "Week 48 · 23–29 Nov 2026": the ISO week as a person reads it, in the project's zone. */
export function weekLabel(week: IsoWeek, timeZone: string): string {
  const { start, end } = weekBounds(week, timeZone);
  const last = new Date(end.getTime() - 1);
  const day = (d: Date, withMonth: boolean, withYear: boolean) =>
    new Intl.DateTimeFormat('en-GB', {
      day: 'numeric',
      ...(withMonth ? { month: 'short' } : {}),
      ...(withYear ? { year: 'numeric' } : {}),
      timeZone,
    }).format(d);
  const sameMonth = start.getUTCMonth() === last.getUTCMonth();
  return `Week ${Number(week.slice(6))} · ${day(start, !sameMonth, false)}–${day(last, true, true)}`;
}

/** "Fri 27 Nov, 10:00" in a zone. */
export function instantLabel(instant: Date | string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(new Date(instant));
}

/** The week a project reports for now, in its own zone. */
export function currentWeekOf(project: Pick<Project, 'cadence'>, now: Date): IsoWeek {
  return isoWeekOf(now, project.cadence.timeZone);
}

export function statusFormView(input: {
  project: Project;
  week: IsoWeek;
  requestId: string | null;
  values: StatusFormValues;
  prefilledFrom: IsoWeek | null;
  errors?: FieldError[];
  banner?: StatusFormView['banner'];
  currency: string;
  dueAt?: Date | null;
  expectedVersion?: number | null;
}): StatusFormView {
  const { project } = input;
  return {
    project: { id: project.id, code: project.code, title: project.title },
    week: input.week,
    weekLabel: weekLabel(input.week, project.cadence.timeZone),
    requestId: input.requestId,
    values: input.values,
    prefilledFrom: input.prefilledFrom,
    errors: input.errors ?? [],
    banner: input.banner ?? null,
    currency: input.currency,
    dueLabel: input.dueAt ? `Due ${instantLabel(input.dueAt, project.cadence.timeZone)}` : null,
    expectedVersion: input.expectedVersion ?? null,
  };
}

/** A form prefilled with a report's answers (last week's, or this week's when editing). */
export function prefilledForm(
  project: Project,
  week: IsoWeek,
  from: StatusReport | null,
  options: {
    requestId: string | null;
    currency: string;
    dueAt?: Date | null;
    banner?: StatusFormView['banner'];
    editing?: boolean;
  },
): StatusFormView {
  return statusFormView({
    project,
    week,
    requestId: options.requestId,
    values: formValuesOf(from),
    prefilledFrom: from && !options.editing ? from.week : null,
    currency: options.currency,
    dueAt: options.dueAt ?? null,
    banner: options.banner ?? null,
    expectedVersion: options.editing && from ? from.version : null,
  });
}

export function submittedView(
  project: Project,
  report: StatusReport,
  options: { currency: string; canEdit: boolean },
): StatusSubmittedView {
  return {
    project: { id: project.id, code: project.code, title: project.title },
    week: report.week,
    weekLabel: weekLabel(report.week, project.cadence.timeZone),
    submittedBy: report.submittedBy.name,
    submittedAtLabel: instantLabel(report.submittedAt, project.cadence.timeZone),
    rag: report.rag,
    percentComplete: report.percentComplete,
    actualCostToDate: report.actualCostToDate,
    currency: options.currency,
    forecastFinish: report.forecastFinish,
    overallOverrideReason: report.overallOverrideReason,
    accomplishments: report.accomplishments,
    version: report.version,
    canEdit: options.canEdit,
  };
}
