/**
 * A parsed document as CoNLL-U, the way UDPipe writes it, so standard tools (and any CoNLL 2018
 * scorer, which aligns by characters) can read Sitrep's parse: `# newdoc id`, `# newpar` where a
 * paragraph starts, `# sent_id` and `# text` per sentence; FORM exactly as in the text; FEATS and DEPS
 * `_`; MISC `SpaceAfter=No` where no whitespace follows and `TokenRange=start:end`, the word's
 * offsets into the document text (UTF-16 code units, end exclusive); contractions as EWT's
 * multiword tokens (`1-2 don't`, then `do` and `n't`). Also a readable table for the
 * terminal. Pure string building over the tokens and syntax layers.
 */
import type { Sentence, Syntax, Token } from '../core/types.js';
import {
  type ConlluRange,
  type ConlluSentence,
  type ConlluWord,
  formatConlluSentence,
} from '../nlp/conllu.js';
import { surfaceTokens } from '../nlp/multiword.js';

export interface ParsedText {
  readonly text: string;
  readonly sentences: readonly Sentence[];
  readonly tokens: readonly Token[];
  readonly syntax: Syntax;
}

const WHITESPACE = /\s/;

/** A comment value on one line: line breaks (and runs of whitespace around them) become a space. */
function oneLine(s: string): string {
  return s.replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ');
}

/** `SpaceAfter=No` (when asked and no whitespace follows) and `TokenRange=start:end`. */
function miscOf(text: string, start: number, end: number, spaceAfter: boolean): string {
  const glued = spaceAfter && end < text.length && !WHITESPACE.test(text.charAt(end));
  return glued ? `SpaceAfter=No|TokenRange=${start}:${end}` : `TokenRange=${start}:${end}`;
}

/** The sentences of one document as CoNLL-U records; `firstSentId` numbers them from there. */
export function conlluSentences(doc: ParsedText, docId: string, firstSentId = 1): ConlluSentence[] {
  const out: ConlluSentence[] = [];
  const { text, tokens, syntax } = doc;
  const starts = Int32Array.from(tokens, (x) => x.start);
  const ends = Int32Array.from(tokens, (x) => x.end);
  let t = 0;
  let paragraph = -1;
  for (const s of doc.sentences) {
    while (t < tokens.length && tokens[t]!.sentence < s.index) t++;
    const first = t;
    while (t < tokens.length && tokens[t]!.sentence === s.index) t++;
    if (t === first) continue;
    const comments: [string, string][] = [];
    if (out.length === 0) comments.push(['newdoc id', oneLine(docId)]);
    if (s.paragraph !== paragraph) comments.push(['newpar', '']);
    paragraph = s.paragraph;
    comments.push(['sent_id', String(firstSentId + out.length)]);
    comments.push(['text', oneLine(text.slice(tokens[first]!.start, tokens[t - 1]!.end))]);
    const words: ConlluWord[] = [];
    const ranges: ConlluRange[] = [];
    const inRange = new Uint8Array(t - first);
    for (const m of surfaceTokens(text, starts, ends, first, t)) {
      if (m.lastWord === m.firstWord) continue;
      for (let i = m.firstWord; i <= m.lastWord; i++) inRange[i - first] = 1;
      ranges.push({
        first: m.firstWord - first + 1,
        last: m.lastWord - first + 1,
        form: text.slice(m.start, m.end),
        misc: miscOf(text, m.start, m.end, true),
      });
    }
    for (let i = first; i < t; i++) {
      const tok = tokens[i]!;
      const h = syntax.heads[i] ?? -1;
      // SpaceAfter belongs on a multiword token's line, not on its words.
      const misc = miscOf(text, tok.start, tok.end, inRange[i - first] === 0);
      words.push({
        id: i - first + 1,
        form: text.slice(tok.start, tok.end),
        lemma: tok.lemma === '' ? '_' : tok.lemma,
        upos: tok.pos,
        xpos: tok.xpos === '' ? '_' : tok.xpos,
        feats: '_',
        head: h < 0 ? 0 : h - first + 1,
        deprel: syntax.deprels[i] ?? 'dep',
        deps: '_',
        misc,
      });
    }
    out.push({ comments, words, ranges });
  }
  return out;
}

/** One document in CoNLL-U (sentences numbered from `firstSentId`). */
export function formatConllu(doc: ParsedText, docId: string, firstSentId = 1): string {
  return conlluSentences(doc, docId, firstSentId).map(formatConlluSentence).join('');
}

/** The parse as aligned columns per sentence (id, form, lemma, tags, head, relation), for reading. */
export function formatParseTable(doc: ParsedText, docId: string): string {
  const blocks: string[] = [docId];
  for (const s of conlluSentences(doc, docId)) {
    const header = ['id', 'form', 'lemma', 'upos', 'xpos', 'head', 'deprel'];
    const rows = s.words.map((w) => [
      String(w.id),
      w.form,
      w.lemma,
      w.upos,
      w.xpos,
      w.head === 0 ? '0 (root)' : `${w.head} ${s.words[w.head - 1]?.form ?? ''}`,
      w.deprel,
    ]);
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const line = (cells: readonly string[]) =>
      cells
        .map((c, i) => c.padEnd(widths[i]!))
        .join('  ')
        .trimEnd();
    const text = s.comments.find(([k]) => k === 'text')?.[1] ?? '';
    blocks.push('', `# ${text}`, line(header), ...rows.map(line));
  }
  return blocks.join('\n');
}
