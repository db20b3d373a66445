/**
 * Reads the PETRARCH-2 validation sentences (`petrarch2/validation/*.jsonl`: a sentence with zero or
 * more gold CAMEO codings, source and target actor codes) and, for the peer, the default codes of the
 * verbs in PETRARCH's CAMEO verb dictionary (`dictionaries/CAMEO.2.0.txt`). Depends on node:fs only.
 *
 * Splits (the data has none), all from `PETR2_GSR_validation.jsonl`, which is coded with the real
 * CAMEO and Phoenix dictionaries: `test` = the real news sentences (categories AFP and GOLD), `dev`
 * (and `train`) = the constructed sentences about real actors (TEST, OTHER, VERB, PASSIVE).
 * `PETR.UnitTest.records.jsonl` is not used: its sentences are about invented actors and its codes come
 * from the test-only verb dictionary (PETR.Validate.verbs.txt codes DELAY as 120 and RESTORE as 064),
 * so they test PETRARCH's logic, not CAMEO coding.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Split } from '../suite.js';

export interface GoldCoding {
  readonly code: string;
  /** Actor codes as given ("USAGOV", "GUYJUD"); null for `---` or missing. */
  readonly source: string | null;
  readonly target: string | null;
}

export interface PetrarchRecord {
  readonly id: string;
  readonly category: string;
  /** YYYY-MM-DD. */
  readonly date: string;
  readonly text: string;
  /** Valid CAMEO codings only (roots 01–20). */
  readonly codings: readonly GoldCoding[];
  /** The record says the sentence has no event (`noevents`) and lists no coding. */
  readonly noEvents: boolean;
}

/** GSR categories of real news sentences, the test split; the others are constructed sentences. */
const NEWS_CATEGORIES: ReadonlySet<string> = new Set(['AFP', 'GOLD']);

export function petrarchSplit(category: string): 'dev' | 'test' {
  return NEWS_CATEGORIES.has(category) ? 'test' : 'dev';
}

/** A CAMEO event code: root 01–20, then up to two more digits. */
export function isCameoCode(code: string): boolean {
  return /^(?:0[1-9]|1\d|20)\d{0,2}$/.test(code);
}

function actor(code: unknown): string | null {
  if (typeof code !== 'string') return null;
  const c = code.trim().replace(/^"+|"+$/g, '');
  return c === '' || c.startsWith('---') ? null : c;
}

/**
 * Parses the derived JSONL. Records with an `error` coding (tests of the coder's error handling) and
 * records whose only codings are not CAMEO codes are dropped: they test PETRARCH, not event coding.
 */
export function parsePetrarchRecords(jsonl: string): PetrarchRecord[] {
  const out: PetrarchRecord[] = [];
  for (const line of jsonl.split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as Record<string, unknown>;
    const text = typeof r.text === 'string' ? r.text.trim() : '';
    if (!text) continue;
    const raw = Array.isArray(r.eventCodings) ? (r.eventCodings as Record<string, unknown>[]) : [];
    if (raw.some((c) => 'error' in c)) continue;
    const all = raw.filter((c) => typeof c.eventcode === 'string');
    const codings = all
      .filter((c) => isCameoCode(String(c.eventcode)))
      .map((c) => ({ code: String(c.eventcode), source: actor(c.sourcecode), target: actor(c.targetcode) }));
    const noEvents = all.length === 0 && raw.some((c) => 'noevents' in c);
    if (codings.length === 0 && !noEvents) continue;
    const d = String(r.date ?? '');
    out.push({
      id: String(r.id),
      category: String(r.category ?? ''),
      date: /^\d{8}$/.test(d) ? `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}` : '',
      text,
      codings,
      noEvents,
    });
  }
  return out;
}

export function readPetrarch(dataDir: string, split: Split, limit: number | null): PetrarchRecord[] {
  const want = split === 'test' ? 'test' : 'dev';
  const jsonl = readFileSync(
    path.join(dataDir, 'petrarch2', 'validation', 'PETR2_GSR_validation.jsonl'),
    'utf8',
  );
  const records = parsePetrarchRecords(jsonl).filter((r) => petrarchSplit(r.category) === want);
  return limit === null ? records : records.slice(0, limit);
}

/**
 * Verb forms (lower case: base forms and the irregular forms listed in braces) → default CAMEO code,
 * from a PETRARCH verb dictionary. A verb's code is its own bracketed code, else its block's
 * (`---  NAME   [code]  ---`); verbs with neither, multi-word verbs (`+ASK_FOR`) and the patterns
 * (`- ...`) are left out: the peer looks at single verbs only.
 */
export function parseCameoVerbs(text: string): ReadonlyMap<string, string> {
  const verbs = new Map<string, string>();
  const put = (word: string, code: string | null) => {
    if (!code || !/^[A-Z]+$/.test(word)) return;
    if (!verbs.has(word.toLowerCase())) verbs.set(word.toLowerCase(), code);
  };
  let block: string | null = null;
  let inBlocks = false;
  // The block's name is a verb too, with the block's code, unless a line of the block codes it itself.
  let pending: [string, string | null] | null = null;
  const flush = () => {
    if (pending) put(pending[0], pending[1]);
    pending = null;
  };
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) continue;
    const header = /^---\s+(\S+)\s+\[([^\]]*)\]\s+---/.exec(line);
    if (header) {
      flush();
      inBlocks = true;
      block = isCameoCode(header[2]!.trim()) ? header[2]!.trim() : null;
      pending = [header[1]!, block];
      continue;
    }
    if (!inBlocks || line.startsWith('-') || line.startsWith('+') || line.startsWith('&')) continue;
    const own = /\[([^\]]*)\]/.exec(line)?.[1]?.trim();
    const code = own !== undefined ? (isCameoCode(own) ? own : null) : block;
    const word = line.split(/[\s{[]/)[0]!;
    put(word, code);
    const irregular = /\{([^}]*)\}/.exec(line)?.[1];
    if (irregular) for (const form of irregular.trim().split(/\s+/)) put(form, code);
  }
  flush();
  return verbs;
}

/** The verb dictionary, or null when the petrarch2 folder is absent (the PLOVER suite then runs without its peer). */
export function readCameoVerbs(dataDir: string): ReadonlyMap<string, string> | null {
  const file = path.join(dataDir, 'petrarch2', 'dictionaries', 'CAMEO.2.0.txt');
  return existsSync(file) ? parseCameoVerbs(readFileSync(file, 'utf8')) : null;
}
