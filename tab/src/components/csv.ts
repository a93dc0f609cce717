/**
 * CSV export done in the browser: what the person sees, as a file, without a round trip to the server.
 * RFC 4180 quoting, CRLF line ends, and a byte-order mark so Excel reads UTF-8 (names, £, €) correctly.
 */

export type CsvValue = string | number | boolean | null | undefined;

/** Cells a spreadsheet would run as a formula (CSV injection): =, +, -, @, and tab/CR that hide them. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One cell as CSV text. Text that a spreadsheet would treat as a formula is prefixed with a single quote
 * (OWASP's advice); numbers are written as numbers, so a negative variance stays a number.
 */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A header row and data rows as one CSV document. */
export function toCsv(header: readonly string[], rows: Iterable<readonly CsvValue[]>): string {
  const lines = [header.map(csvCell).join(',')];
  for (const row of rows) lines.push(row.map(csvCell).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** Today as YYYY-MM-DD in the person's own time zone (for file names). */
export function localIsoDate(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
