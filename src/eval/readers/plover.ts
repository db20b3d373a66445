/**
 * Reads the PLOVER gold-standard records (`plover-gsr/PLOVER_GSR_CAMEO.jsonl`: one sentence, one
 * event type, source and target actors with country codes) and the CAMEO-to-PLOVER conversion table
 * (`CAMEO2PLOVER-2021.txt`). Normalises the records' PLOVER 0.5b1 names and non-ISO country codes to
 * the current ones. Depends on node:fs only.
 *
 * The corpus has no split. Ours, fixed and documented: records with an odd sequence number within their
 * category (AGREE-0001, AGREE-0003, ...) are `dev` (and `train`), even ones are `test`, so the events
 * stage can be tuned on half of every category without touching the half that is reported.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Split } from '../suite.js';

export interface PloverRecord {
  readonly id: string;
  readonly text: string;
  /** Current PLOVER name (0.5b1 names mapped). */
  readonly event: string;
  /** The name as the record gives it. */
  readonly eventAsGiven: string;
  /** Country / actor codes of the source actors (normalised), empty when the record has none. */
  readonly source: readonly string[];
  readonly target: readonly string[];
  readonly date: string;
}

/**
 * PLOVER 0.5b1 names to the 2021 names, as the 2021 conversion table maps their CAMEO roots:
 * DEMAND is CAMEO 10 (REQUEST), DISAPPROVE is 11 and INVESTIGATE 09 (both ACCUSE), FIGHT is 19 (ASSAULT).
 */
export const PLOVER_RENAMES: Readonly<Record<string, string>> = Object.freeze({
  DEMAND: 'REQUEST',
  DISAPPROVE: 'ACCUSE',
  INVESTIGATE: 'ACCUSE',
  FIGHT: 'ASSAULT',
});

/** Normalises a PLOVER type name: upper case, 0.5b1 names mapped to current ones. */
export function normalisePlover(name: string | null | undefined): string {
  const n = (name ?? '').trim().toUpperCase();
  return PLOVER_RENAMES[n] ?? n;
}

/** Codes in the records that are not ISO 3166-1 alpha-3 but mean a country that has one. */
const CODE_ALIASES: Readonly<Record<string, string>> = Object.freeze({ JAP: 'JPN', ITL: 'ITA', VTN: 'VNM' });

export function normaliseCountryCode(code: string): string {
  const c = code.trim().toUpperCase();
  return CODE_ALIASES[c] ?? c;
}

interface RawActor {
  code?: string;
}

function codes(v: unknown): string[] {
  if (!Array.isArray(v)) return [];
  return [
    ...new Set(
      (v as RawActor[]).flatMap((a) =>
        a && typeof a.code === 'string' && a.code ? [normaliseCountryCode(a.code)] : [],
      ),
    ),
  ];
}

const sequence = (id: string): number => Number(/(\d+)$/.exec(id)?.[1] ?? '0');

/** Which of our splits a record id belongs to (see the module comment). */
export function ploverSplit(id: string): 'dev' | 'test' {
  return sequence(id) % 2 === 1 ? 'dev' : 'test';
}

/** Parses the JSONL records, skipping documentation records. */
export function parsePloverRecords(jsonl: string): PloverRecord[] {
  const out: PloverRecord[] = [];
  for (const line of jsonl.split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as Record<string, unknown>;
    const event = typeof r.event === 'string' ? r.event : '';
    if (event === 'DOCUMENT' || typeof r.text !== 'string' || !r.text) continue;
    out.push({
      id: String(r.id),
      text: r.text,
      event: normalisePlover(event),
      eventAsGiven: event,
      source: codes(r.source),
      target: codes(r.target),
      date: typeof r.date === 'string' ? r.date : '2000-01-01',
    });
  }
  return out;
}

/**
 * Orders records by their number within their category (AGREE-0001, ASSAULT-0001, ..., AGREE-0003, ...),
 * keeping file order among equals, so that a small `--limit` sees every category rather than AGREE only.
 */
export function interleaveCategories(records: readonly PloverRecord[]): PloverRecord[] {
  return records
    .map((r, i) => ({ r, i, n: sequence(r.id) }))
    .sort((a, b) => a.n - b.n || a.i - b.i)
    .map((x) => x.r);
}

export function readPlover(dataDir: string, split: Split, limit: number | null): PloverRecord[] {
  const jsonl = readFileSync(path.join(dataDir, 'plover-gsr', 'PLOVER_GSR_CAMEO.jsonl'), 'utf8');
  const want = split === 'test' ? 'test' : 'dev';
  const records = interleaveCategories(parsePloverRecords(jsonl).filter((r) => ploverSplit(r.id) === want));
  return limit === null ? records : records.slice(0, limit);
}

/** CAMEO code (2 to 4 digits) → PLOVER type, from the 2021 conversion table. */
export type CameoToPlover = ReadonlyMap<string, string>;

/**
 * Parses `CAMEO2PLOVER-2021.txt` lines `<code>: <PLOVER>[, <mode>, <context>] # <description>`.
 * Root 08 is listed twice (CONCEDE, then RETREAT); the first listing of a code wins, and the
 * three-digit rows decide the rest.
 */
export function parseCameoToPlover(text: string): CameoToPlover {
  const table = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = /^(\d{2,4}):\s*([A-Z]+)/.exec(line);
    if (m && !table.has(m[1]!)) table.set(m[1]!, m[2]!);
  }
  return table;
}

export function readCameoToPlover(dataDir: string): CameoToPlover {
  return parseCameoToPlover(readFileSync(path.join(dataDir, 'plover-gsr', 'CAMEO2PLOVER-2021.txt'), 'utf8'));
}

/** The PLOVER type of a CAMEO code: the longest listed prefix of it, or '' when none is listed (roots 01, 02). */
export function ploverOfCameo(table: CameoToPlover, code: string): string {
  for (let n = code.length; n >= 2; n--) {
    const p = table.get(code.slice(0, n));
    if (p) return p;
  }
  return '';
}
