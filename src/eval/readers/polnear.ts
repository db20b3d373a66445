/**
 * Reads the PolNeAR attribution corpus (BRAT standoff, one `.ann` per article and annotator) into
 * gold attributions: source, cue and content spans, each a list of fragments (spans can be
 * discontinuous). Depends on node:fs only; it knows nothing of Sitrep's layers or of scoring.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Split } from '../suite.js';

/** A possibly discontinuous span: fragments in text order, half-open offsets into the article text. */
export interface Fragments {
  readonly fragments: readonly (readonly [number, number])[];
}

export interface GoldAttribution {
  /** The `E` line id, for messages. */
  readonly id: string;
  readonly source: Fragments | null;
  readonly cue: Fragments | null;
  readonly content: Fragments | null;
}

export interface PolnearDocument {
  /** File stem: `<publisher>_<YYYY-MM-DD>_<slug>`. */
  readonly name: string;
  readonly text: string;
  /** Publication date taken from the file name, the reference date for the article. */
  readonly published: string | null;
  readonly attributions: readonly GoldAttribution[];
}

const SPAN_LINE = /^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t/;

/**
 * Parses one BRAT `.ann` file into attributions. `T` lines give role spans; `E` lines tie a cue,
 * a source (absent for Attribution-no-source) and a content together. A span's text may run over
 * several lines; continuation lines start with neither `T` nor `E` and are skipped. When an `E` line
 * names two contents (a split content), the fragments of both are joined.
 */
export function parseBratAttributions(ann: string): GoldAttribution[] {
  const spans = new Map<string, [number, number][]>();
  const events: string[] = [];
  for (const line of ann.split('\n')) {
    const t = SPAN_LINE.exec(line);
    if (t) {
      const frags = t[3]!.split(';').map((pair) => {
        const [a, b] = pair.split(' ').map(Number);
        return [a!, b!] as [number, number];
      });
      spans.set(t[1]!, frags);
    } else if (/^E\d+\t/.test(line)) {
      events.push(line);
    }
  }
  const out: GoldAttribution[] = [];
  for (const line of events) {
    const [id, args = ''] = line.split('\t');
    const roles: Record<string, [number, number][]> = {};
    for (const arg of args.trim().split(/\s+/)) {
      const [role, ref] = arg.split(':');
      if (!role || !ref) continue;
      const frags = spans.get(ref);
      if (!frags) continue;
      const key = role.startsWith('Attribution') ? 'Attribution' : role;
      roles[key] = [...(roles[key] ?? []), ...frags];
    }
    const toFragments = (f: [number, number][] | undefined): Fragments | null =>
      f && f.length > 0 ? { fragments: [...f].sort((a, b) => a[0] - b[0]) } : null;
    out.push({
      id: id!,
      source: toFragments(roles.Source),
      cue: toFragments(roles.Cue),
      content: toFragments(roles.Content),
    });
  }
  return out;
}

/** The date in a PolNeAR file name (`politico_2016-10-02_slug`), or null. */
export function publishedFromName(name: string): string | null {
  return /_(\d{4}-\d{2}-\d{2})_/.exec(name)?.[1] ?? null;
}

/**
 * Reads one split: every article with the first `.ann` file in sort order (a few articles were
 * annotated by several annotators for agreement checks; SOURCE.md suggests taking one file).
 * Articles are taken in file-name order, at most `limit` of them.
 */
export function readPolnear(dataDir: string, split: Split, limit: number | null): PolnearDocument[] {
  const root = path.join(dataDir, 'polnear', split);
  const annFiles = readdirSync(path.join(root, 'attributions'))
    .filter((f) => f.endsWith('.ann'))
    .sort();
  const firstAnn = new Map<string, string>();
  for (const f of annFiles) {
    // `<stem>_<annotatorId>.ann`: the annotator id never contains `_`.
    const stem = f.slice(0, f.lastIndexOf('_'));
    if (!firstAnn.has(stem)) firstAnn.set(stem, f);
  }
  const docs: PolnearDocument[] = [];
  for (const stem of [...firstAnn.keys()].sort()) {
    if (limit !== null && docs.length >= limit) break;
    const text = readFileSync(path.join(root, 'text', `${stem}.txt`), 'utf8');
    const ann = readFileSync(path.join(root, 'attributions', firstAnn.get(stem)!), 'utf8');
    docs.push({
      name: stem,
      text,
      published: publishedFromName(stem),
      attributions: parseBratAttributions(ann),
    });
  }
  return docs;
}
