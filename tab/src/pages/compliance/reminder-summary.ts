import type { ReminderResult, StatusRequestRow } from './status-requests-api';

export interface ReminderSummary {
  intent: 'success' | 'warning' | 'error';
  /** One sentence: "3 reminders sent, 1 could not be delivered: …". */
  text: string;
  /** Each request that did not get its reminder, and why. */
  problems: Array<{ id: string; project: string; reason: string }>;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What "Send reminder now" did, in words for the PMO. */
export function summarizeReminders(
  results: readonly ReminderResult[],
  rows: ReadonlyMap<string, StatusRequestRow>,
): ReminderSummary {
  const count = (outcome: ReminderResult['outcome']) => results.filter((r) => r.outcome === outcome).length;
  const sent = count('sent');
  const problems = results
    .filter((r) => r.outcome !== 'sent')
    .map((r) => {
      const row = rows.get(r.id);
      return {
        id: r.id,
        project: row ? `${row.project.code} ${row.project.title}` : 'A request',
        reason: r.reason ?? 'No reason was given.',
      };
    });
  const parts = [sent > 0 ? plural(sent, 'reminder sent', 'reminders sent') : 'No reminder sent'];
  if (count('undeliverable') > 0) parts.push(`${count('undeliverable')} could not be delivered`);
  if (count('skipped') > 0) parts.push(`${count('skipped')} not needed`);
  if (count('notFound') > 0) parts.push(`${count('notFound')} no longer found`);
  let text = parts.join(', ');
  // One problem reads best inline; several are listed below the sentence.
  if (problems.length === 1) text += `: ${problems[0].project}: ${problems[0].reason}`;
  const intent = problems.length === 0 ? 'success' : sent > 0 ? 'warning' : 'error';
  return { intent, text, problems: problems.length === 1 ? [] : problems };
}
