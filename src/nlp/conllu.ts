/**
 * CoNLL-U (https://universaldependencies.org/format.html): the reader used by training and
 * evaluation, and the writer behind `sitrep parse --conllu`. Multiword-token ranges (`3-4`) and
 * empty nodes (`5.1`) are kept apart from the basic tree: a basic-tree tagger and parser never see
 * them, the tokenizer's evaluation does (a range's FORM is what the raw text holds).
 */

/** One syntactic word of the basic tree (1-based `id`; `head` 0 is the root). */
export interface ConlluWord {
  readonly id: number;
  readonly form: string;
  readonly lemma: string;
  readonly upos: string;
  readonly xpos: string;
  readonly feats: string;
  readonly head: number;
  /** The full relation, subtype included (`nsubj:pass`). */
  readonly deprel: string;
  readonly deps: string;
  readonly misc: string;
}

/** A multiword token (`3-4 don't`): the surface form of words `first..last`. */
export interface ConlluRange {
  readonly first: number;
  readonly last: number;
  readonly form: string;
  readonly misc: string;
}

export interface ConlluSentence {
  /** `# key = value` comments, in order (`sent_id`, `text`, `newdoc id`, `newpar id`, ...). */
  readonly comments: ReadonlyArray<readonly [string, string]>;
  readonly words: readonly ConlluWord[];
  readonly ranges: readonly ConlluRange[];
}

const UNDERSCORE = '_';

function field(value: string | undefined): string {
  return value === undefined ? UNDERSCORE : value;
}

/** Parses CoNLL-U text. Throws on a line with the wrong column count, naming the line. */
export function parseConllu(text: string, source = 'conllu'): ConlluSentence[] {
  const out: ConlluSentence[] = [];
  let comments: [string, string][] = [];
  let words: ConlluWord[] = [];
  let ranges: ConlluRange[] = [];
  const flush = () => {
    if (words.length > 0 || ranges.length > 0) out.push({ comments, words, ranges });
    comments = [];
    words = [];
    ranges = [];
  };
  const lines = text.split('\n');
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!.endsWith('\r') ? lines[n]!.slice(0, -1) : lines[n]!;
    if (line === '') {
      flush();
      continue;
    }
    if (line.startsWith('#')) {
      const body = line.slice(1).trim();
      const eq = body.indexOf('=');
      comments.push(eq < 0 ? [body, ''] : [body.slice(0, eq).trim(), body.slice(eq + 1).trim()]);
      continue;
    }
    const cols = line.split('\t');
    if (cols.length !== 10) {
      throw new Error(`${source}:${n + 1}: expected 10 tab-separated columns, found ${cols.length}`);
    }
    const id = cols[0]!;
    const dash = id.indexOf('-');
    if (dash > 0) {
      ranges.push({
        first: Number(id.slice(0, dash)),
        last: Number(id.slice(dash + 1)),
        form: cols[1]!,
        misc: field(cols[9]),
      });
      continue;
    }
    if (id.includes('.')) continue; // empty node of the enhanced graph
    words.push({
      id: Number(id),
      form: cols[1]!,
      lemma: cols[2]!,
      upos: cols[3]!,
      xpos: cols[4]!,
      feats: cols[5]!,
      head: cols[6] === UNDERSCORE ? 0 : Number(cols[6]),
      deprel: cols[7]!,
      deps: cols[8]!,
      misc: cols[9]!,
    });
  }
  flush();
  return out;
}

/** The value of a sentence comment (`text`, `sent_id`), or null. */
export function commentOf(sentence: ConlluSentence, key: string): string | null {
  for (const [k, v] of sentence.comments) if (k === key) return v;
  return null;
}

/** A MISC column's `SpaceAfter=No` flag. */
export function noSpaceAfter(misc: string): boolean {
  return misc !== UNDERSCORE && misc.split('|').includes('SpaceAfter=No');
}

/** One sentence in CoNLL-U, with its comments and multiword ranges before their first word. */
export function formatConlluSentence(sentence: ConlluSentence): string {
  const lines: string[] = [];
  for (const [k, v] of sentence.comments) lines.push(v === '' ? `# ${k}` : `# ${k} = ${v}`);
  const rangeAt = new Map<number, ConlluRange>();
  for (const r of sentence.ranges) rangeAt.set(r.first, r);
  for (const w of sentence.words) {
    const r = rangeAt.get(w.id);
    if (r) lines.push([`${r.first}-${r.last}`, r.form, '_', '_', '_', '_', '_', '_', '_', r.misc].join('\t'));
    lines.push(
      [String(w.id), w.form, w.lemma, w.upos, w.xpos, w.feats, String(w.head), w.deprel, w.deps, w.misc].join(
        '\t',
      ),
    );
  }
  return `${lines.join('\n')}\n\n`;
}
