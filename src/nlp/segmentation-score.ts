/**
 * Scoring a tokenizer and sentence splitter against CoNLL-U gold, as the CoNLL 2018 shared task
 * does: the raw text is rebuilt from the treebank the way UD's `conllu_to_text` does (sentences'
 * `# text` joined by a space within a paragraph, a blank line between paragraphs and documents),
 * and spans are compared on their non-whitespace characters, so where a space falls never matters.
 * Used by the tokenizer's tests and by `sitrep eval parse` in raw-text mode.
 */
import { type ConlluSentence, commentOf } from './conllu.js';

export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface RawText {
  readonly text: string;
  /** Syntactic words (EWT's multiword tokens are concatenations of their words). */
  readonly words: Span[];
  /** Surface tokens: a multiword token (`don't`) is one span, other words are themselves. */
  readonly tokens: Span[];
  readonly sentences: Span[];
  /** Index in `words` of each sentence's first word, parallel to `sentences`, plus the word count. */
  readonly sentenceFirstWord: number[];
}

export interface SpanScore {
  readonly gold: number;
  readonly system: number;
  readonly correct: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x2028 || c === 0x2029 || c === 0xfeff;
}

/**
 * Finds `form` in `text` from `at`, skipping whitespace on both sides; returns [start, end) of the
 * match in text. Throws when the form is not there: the treebank and its `# text` disagree.
 */
function locate(text: string, at: number, form: string, where: string): Span {
  let i = at;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  const start = i;
  for (let k = 0; k < form.length; k++) {
    const f = form.charCodeAt(k);
    if (isSpace(f)) continue;
    while (i < text.length && isSpace(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i) !== f) {
      throw new Error(`${where}: form ${JSON.stringify(form)} not found at offset ${at} of the text`);
    }
    i++;
  }
  return { start, end: i };
}

/** The raw text of a treebank with gold word, token and sentence spans in it. */
export function rawTextOf(sentences: readonly ConlluSentence[]): RawText {
  const parts: string[] = [];
  let length = 0;
  const words: Span[] = [];
  const tokens: Span[] = [];
  const spans: Span[] = [];
  const sentenceFirstWord: number[] = [];
  for (const s of sentences) {
    const id = commentOf(s, 'sent_id') ?? `sentence ${spans.length + 1}`;
    const text = commentOf(s, 'text') ?? s.words.map((w) => w.form).join(' ');
    const breaks = s.comments.some(([k]) => k.startsWith('newpar') || k.startsWith('newdoc'));
    if (length > 0) {
      const sep = breaks ? '\n\n' : ' ';
      parts.push(sep);
      length += sep.length;
    }
    const base = length;
    parts.push(text);
    length += text.length;
    spans.push({ start: base, end: base + text.length });
    sentenceFirstWord.push(words.length);
    const rangeAt = new Map<number, { last: number; form: string }>();
    for (const r of s.ranges) rangeAt.set(r.first, r);
    let cursor = 0;
    for (let w = 0; w < s.words.length; w++) {
      const word = s.words[w]!;
      const range = rangeAt.get(word.id);
      if (!range) {
        const span = locate(text, cursor, word.form, id);
        words.push({ start: base + span.start, end: base + span.end });
        tokens.push(words[words.length - 1]!);
        cursor = span.end;
        continue;
      }
      const whole = locate(text, cursor, range.form, id);
      tokens.push({ start: base + whole.start, end: base + whole.end });
      const inside = text.slice(0, whole.end);
      let at = whole.start;
      let last = w;
      while (last + 1 < s.words.length && s.words[last + 1]!.id <= range.last) last++;
      for (let k = w; k <= last; k++) {
        const span = locate(inside, at, s.words[k]!.form, id);
        words.push({ start: base + span.start, end: base + span.end });
        at = span.end;
      }
      cursor = whole.end;
      w = last;
    }
  }
  sentenceFirstWord.push(words.length);
  return { text: parts.join(''), words, tokens, sentences: spans, sentenceFirstWord };
}

/** Non-whitespace characters before each offset: the coordinates CoNLL 2018 compares spans in. */
function nonSpaceOffsets(text: string): Int32Array {
  const out = new Int32Array(text.length + 1);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    out[i] = n;
    if (!isSpace(text.charCodeAt(i))) n++;
  }
  out[text.length] = n;
  return out;
}

function keysOf(spans: readonly Span[], offsets: Int32Array | null): Set<number> {
  const out = new Set<number>();
  for (const s of spans) {
    const a = offsets ? offsets[s.start]! : s.start;
    const b = offsets ? offsets[s.end]! : s.end;
    // Exact as a double while offsets stay below 2^27 and spans below 2^26 characters.
    if (b > a) out.add(a * 0x4000000 + (b - a));
  }
  return out;
}

/**
 * Precision, recall and F1 of system spans against gold spans (exact match). With `text`, spans
 * are compared on non-whitespace characters (CoNLL 2018); spans without any are ignored.
 */
export function spanF1(gold: readonly Span[], system: readonly Span[], text?: string): SpanScore {
  const offsets = text === undefined ? null : nonSpaceOffsets(text);
  const g = keysOf(gold, offsets);
  const s = keysOf(system, offsets);
  let correct = 0;
  for (const k of s) if (g.has(k)) correct++;
  const precision = s.size === 0 ? 0 : correct / s.size;
  const recall = g.size === 0 ? 0 : correct / g.size;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { gold: g.size, system: s.size, correct, precision, recall, f1 };
}
