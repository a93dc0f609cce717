import type { IsoWeek } from '../api/domain/iso-week';
import type { Rag } from '../api/domain/rag';
import { RAG_VALUES } from '../api/domain/rag';
import type { StatusAnswers, StatusReport } from '../api/domain/status-report';
import type { StatusFormValues } from './cards/card-views';

/**
 * The status card's inputs as Teams sends them back (every value a string; an untouched optional input
 * may be missing), to and from the domain's answers. Malformed numbers stay as typed so the card can
 * show them again next to the message.
 */
/** The card's inputs, as the card views define them (one definition for both directions). */
export type { StatusFormValues };

const TEXT_INPUTS = [
  'overallOverrideReason',
  'accomplishments',
  'nextSteps',
  'risksAndIssues',
  'decisionsNeeded',
  'percentComplete',
  'actualCostToDate',
  'forecastFinish',
] as const;
const RAG_INPUTS = ['overall', 'schedule', 'budget', 'scope', 'resources'] as const;

const asRag = (v: unknown): Rag | '' =>
  (RAG_VALUES as readonly string[]).includes(String(v)) ? (v as Rag) : '';
const asText = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

/** The inputs out of an Action.Execute's data (which also carries our own keys: ignored here). */
export function formValuesFrom(data: Record<string, unknown>): StatusFormValues {
  const values = {} as StatusFormValues;
  for (const key of RAG_INPUTS) values[key] = asRag(data[key]);
  for (const key of TEXT_INPUTS) values[key] = asText(data[key]);
  return values;
}

/** A report's answers as the card's starting values (last week's, or the one being edited). */
export function formValuesOf(report: StatusReport | null): StatusFormValues {
  if (!report) {
    return {
      overall: '',
      schedule: '',
      budget: '',
      scope: '',
      resources: '',
      overallOverrideReason: '',
      percentComplete: '',
      accomplishments: '',
      nextSteps: '',
      risksAndIssues: '',
      decisionsNeeded: '',
      actualCostToDate: '',
      forecastFinish: '',
    };
  }
  return {
    ...report.rag,
    overallOverrideReason: report.overallOverrideReason ?? '',
    percentComplete: String(report.percentComplete),
    accomplishments: report.accomplishments,
    nextSteps: report.nextSteps,
    risksAndIssues: report.risksAndIssues,
    decisionsNeeded: report.decisionsNeeded,
    actualCostToDate: String(report.actualCostToDate),
    forecastFinish: report.forecastFinish,
  };
}

/**
 * The answers the status service takes, or the fields that cannot even be read (empty choices, text in a
 * number box). The service's own checks (ranges, the watermelon guard, dates) come after.
 */
export function answersFrom(
  values: StatusFormValues,
): { answers: StatusAnswers } | { missing: Array<{ field: string; message: string }> } {
  const missing: Array<{ field: string; message: string }> = [];
  for (const key of RAG_INPUTS) {
    if (!values[key]) missing.push({ field: `rag.${key}`, message: 'Choose green, amber or red.' });
  }
  const number = (field: 'percentComplete' | 'actualCostToDate', label: string): number => {
    const raw = values[field].trim().replace(/,/g, '');
    const n = raw === '' ? NaN : Number(raw);
    if (!Number.isFinite(n)) missing.push({ field, message: `${label} must be a number.` });
    return n;
  };
  const percentComplete = number('percentComplete', 'Percent complete');
  const actualCostToDate = number('actualCostToDate', 'Cost to date');
  if (!values.accomplishments.trim())
    missing.push({ field: 'accomplishments', message: 'Say what was done this week.' });
  if (!values.nextSteps.trim()) missing.push({ field: 'nextSteps', message: 'Say what comes next.' });
  if (!values.forecastFinish.trim())
    missing.push({ field: 'forecastFinish', message: 'Give the forecast finish date.' });
  if (missing.length > 0) return { missing };
  return {
    answers: {
      rag: {
        overall: values.overall as Rag,
        schedule: values.schedule as Rag,
        budget: values.budget as Rag,
        scope: values.scope as Rag,
        resources: values.resources as Rag,
      },
      overallOverrideReason: values.overallOverrideReason.trim() || null,
      percentComplete,
      accomplishments: values.accomplishments,
      nextSteps: values.nextSteps,
      risksAndIssues: values.risksAndIssues,
      decisionsNeeded: values.decisionsNeeded,
      actualCostToDate,
      forecastFinish: values.forecastFinish.trim().slice(0, 10),
    },
  };
}

/** What every status card action carries besides the inputs: which project and week it is about. */
export interface StatusActionData {
  projectId: string;
  week: IsoWeek;
  requestId?: string;
  expectedVersion?: number;
}
