/**
 * CSV cells for every CSV writer (RFC 4180 quoting), safe to open in a spreadsheet: a text cell
 * starting with `=`, `+`, `-`, `@`, tab or carriage return would be read as a formula (an outlet
 * named `=cmd|' /C calc'!A0` comes from a feed), so it gets a leading single quote and is quoted
 * (OWASP's rule). Numbers are written as numbers: a negative count stays `-3`. Imports nothing.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: null and undefined are empty; numbers and booleans as they are; text neutralised. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') {
    return String(value);
  }
  const text = String(value);
  if (FORMULA_START.test(text)) return `"'${text.replace(/"/g, '""')}"`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One line of cells, without its line end. */
export function csvLine(values: readonly unknown[]): string {
  return values.map(csvCell).join(',');
}
