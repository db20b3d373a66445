/**
 * Plain-text renderings of eval results for the terminal: one aligned table per suite (every metric,
 * Sitrep beside its peer), a summary table for `all`, and the misses for `--errors N`. Pure string
 * building; imports the eval contract only.
 */
import type { EvalResult } from './suite.js';

const NUMERIC = /^(-?[\d.]+|—)$/;

/** A column is numeric (right-aligned) when every cell is a number or —. */
export function numericColumns(rows: readonly (readonly string[])[], width: number): boolean[] {
  return Array.from(
    { length: width },
    (_, i) => rows.length > 0 && rows.every((r) => NUMERIC.test(r[i] ?? '')),
  );
}

/**
 * Aligns columns: a column whose cells are all numbers (or —) right-aligned, any other left-aligned;
 * a rule under the header.
 */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const right = numericColumns(rows, header.length);
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (right[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** Fractions with three decimals, km and seconds rounded, counts as integers. */
export function formatMetric(key: string, value: number | undefined): string {
  if (value === undefined || Number.isNaN(value)) return '—';
  if (key.endsWith('_km')) return value.toFixed(0);
  if (key.endsWith('_s')) return value.toFixed(2);
  if (key.startsWith('n_') || (Number.isInteger(value) && value > 1)) return String(value);
  return value.toFixed(3);
}

export function formatResult(r: EvalResult): string {
  const keys = Object.keys(r.metrics);
  for (const k of Object.keys(r.peer?.metrics ?? {})) if (!keys.includes(k)) keys.push(k);
  const header = ['metric', 'sitrep', ...(r.peer ? [r.peer.name] : [])];
  const rows = keys.map((k) => [
    k === r.headline ? `${k} *` : k,
    formatMetric(k, r.metrics[k]),
    ...(r.peer ? [formatMetric(k, r.peer.metrics[k])] : []),
  ]);
  const title = `${r.suite} (${r.split}, n=${r.n}, ${r.seconds.toFixed(1)} s)`;
  return `${title}\n${table(header, rows)}`;
}

export function formatSummary(results: readonly EvalResult[]): string {
  const rows = results.map((r) => [
    r.suite,
    r.split,
    String(r.n),
    r.headline,
    formatMetric(r.headline, r.metrics[r.headline]),
    r.peer ? formatMetric(r.headline, r.peer.metrics[r.headline]) : '—',
    r.peer?.name ?? '—',
    r.seconds.toFixed(1),
  ]);
  return table(['suite', 'split', 'n', 'metric', 'sitrep', 'peer', 'peer name', 'seconds'], rows);
}

export function formatMisses(r: EvalResult): string {
  if (r.misses.length === 0) return `${r.suite}: no misses collected`;
  const lines = r.misses.map(
    (m, i) =>
      `${String(i + 1).padStart(3)}. [${m.kind}] expected ${m.expected}, got ${m.got}${m.context ? `\n     ${m.context}` : ''}`,
  );
  return `${r.suite}: ${r.misses.length} misses\n${lines.join('\n')}`;
}
