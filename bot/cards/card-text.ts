import type { RagOrNone } from '../../api/domain/rag';

/**
 * Text as a card shows it. Every string that comes from people or records (titles, names, answers) is
 * shown in a TextRun, which Teams never reads as markdown; these helpers do the rest.
 */

/** Adaptive Card text colours, by what they mean. */
export type CardColor = 'default' | 'good' | 'warning' | 'attention' | 'accent';

const WORD_JOINER = '\u2060';

/**
 * Text shown exactly as typed. Hosts rewrite `{{DATE(…)}}` and `{{TIME(…)}}` in any text, TextRuns
 * included; an invisible word joiner between the braces stops that and changes nothing on screen.
 * Only for display: input values go back to the bot unchanged.
 */
export function shown(text: string): string {
  return text.replaceAll('{{', `{${WORD_JOINER}{`);
}

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** At most `max` characters as people count them (an emoji is one), with an ellipsis when cut. */
export function clip(text: string, max: number): string {
  const trimmed = text.trim();
  if (trimmed.length <= max) return trimmed;
  const parts = Array.from(graphemes.segment(trimmed), (s) => s.segment);
  if (parts.length <= max) return trimmed;
  return `${parts
    .slice(0, max - 1)
    .join('')
    .trimEnd()}…`;
}

/** Display text for a record's field: clipped, protected, and never empty. */
export function display(text: string, max: number, empty = '—'): string {
  const clipped = clip(text, max);
  return clipped === '' ? empty : shown(clipped);
}

const RAG_LABELS: Record<RagOrNone, string> = {
  green: 'Green',
  amber: 'Amber',
  red: 'Red',
  notReported: 'Not reported',
};

const RAG_COLORS: Record<RagOrNone, CardColor> = {
  green: 'good',
  amber: 'warning',
  red: 'attention',
  notReported: 'default',
};

export function ragLabel(rag: RagOrNone): string {
  return RAG_LABELS[rag];
}

export function ragColor(rag: RagOrNone): CardColor {
  return RAG_COLORS[rag];
}

/** "1,234,567.5 EUR": grouping, up to two decimals, the ISO code after (never throws on a code). */
export function moneyLabel(amount: number, currency: string): string {
  const number = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }).format(amount);
  return `${number} ${currency}`;
}

/** "31 Mar 2027" for a YYYY-MM-DD date; anything else as given. */
export function dateLabel(date: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return date;
  const instant = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(instant.getTime())) return date;
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(instant);
}

/** "1 answer needs", "2 answers need" */
export function countLabel(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
