/**
 * Where the project's data files are: `data/` at the package root, the same from src/ (tsx) and
 * dist/ (compiled), since both sit one level below the root.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SitrepError } from '../core/errors.js';

export const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export function dataPath(...parts: string[]): string {
  return path.join(packageRoot, 'data', ...parts);
}

/** Reads a data file as UTF-8, with a clear error if the package is incomplete. */
export function readDataFile(...parts: string[]): string {
  const p = dataPath(...parts);
  try {
    return readFileSync(p, 'utf8');
  } catch (err) {
    throw new SitrepError(
      'DATA_MISSING',
      `data file ${path.relative(packageRoot, p)} is missing or unreadable`,
      {
        input: p,
        cause: err,
      },
    );
  }
}

/**
 * Parses a TSV data file: the first non-comment line names the columns; lines starting with `#` are
 * comments; empty cells are ''. Returns one record per row with its 1-based line number (for `rule`).
 */
export function parseTsv(content: string): { line: number; row: Record<string, string> }[] {
  const out: { line: number; row: Record<string, string> }[] = [];
  let header: string[] | null = null;
  const lines = content.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.replace(/\r$/, '');
    if (raw.trim() === '' || raw.startsWith('#')) continue;
    const cells = raw.split('\t');
    if (!header) {
      header = cells;
      continue;
    }
    const row: Record<string, string> = {};
    header.forEach((h, j) => {
      row[h] = (cells[j] ?? '').trim();
    });
    out.push({ line: i + 1, row });
  }
  return out;
}
