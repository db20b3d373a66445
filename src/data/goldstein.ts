/**
 * The Goldstein score and GDELT QuadClass of a CAMEO code, from data/events/goldstein.tsv (read on
 * first use): the longest listed prefix of the code wins. Imports the data reader only.
 */
import { parseTsv, readDataFile } from './paths.js';

export interface GoldsteinEntry {
  readonly goldstein: number;
  /** 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict. */
  readonly quad: 1 | 2 | 3 | 4;
}

let table: Map<string, GoldsteinEntry> | null = null;

function goldsteinTable(): Map<string, GoldsteinEntry> {
  if (table) return table;
  table = new Map();
  for (const { row } of parseTsv(readDataFile('events', 'goldstein.tsv'))) {
    table.set(row.code!, {
      goldstein: Number(row.goldstein),
      quad: Number(row.quad) as GoldsteinEntry['quad'],
    });
  }
  return table;
}

/** The entry of the longest listed prefix of `cameo`; null for a code of no listed root. */
export function goldsteinOf(cameo: string): GoldsteinEntry | null {
  const t = goldsteinTable();
  for (let n = cameo.length; n >= 2; n--) {
    const e = t.get(cameo.slice(0, n));
    if (e) return e;
  }
  return null;
}
