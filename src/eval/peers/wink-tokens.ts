/**
 * A peer for the syntax suites (`sitrep eval pos|parse`): sentences and tokens with universal
 * part-of-speech tags and lemmas from wink-nlp's English model, as Sitrep's tokens stage made them
 * before it had its own tokenizer and tagger (src/nlp). Sentences never cross
 * a paragraph break (a blank line or a single-line headline). Character offsets are recovered by
 * walking the text, because wink reports token values, not offsets.
 * Depends on core and the stage contract; never on store, CLI or HTTP.
 */

import type { Sentence, Token } from '../../core/types.js';
import { winkForDocument } from './wink-session.js';

/** Start offsets of paragraphs: blocks separated by a line break. */
function paragraphStarts(text: string): number[] {
  const starts = [0];
  const re = /\n\s*/g;
  for (let m = re.exec(text); m; m = re.exec(text)) starts.push(m.index + m[0].length);
  return starts;
}

/** No word is this long; wink's tokenizer is quadratic in the length of one unbroken run. */
const MAX_RUN = 100;

/**
 * The text with a space put into every unbroken run longer than MAX_RUN characters (base64 blobs,
 * leftover scripts, hostile input), keeping the length, so wink's offsets still fit the real text.
 */
export function breakLongRuns(text: string): string {
  if (!/\S{101}/.test(text)) return text;
  return text.replace(/\S{101,}/g, (run) => {
    let out = '';
    for (let i = 0; i < run.length; i += MAX_RUN) {
      const piece = run.slice(i, i + MAX_RUN);
      // Never split a surrogate pair: replace the last code unit only when it is not one.
      const last = piece.charCodeAt(piece.length - 1);
      const surrogate = last >= 0xd800 && last <= 0xdfff;
      out += i + MAX_RUN < run.length && !surrogate ? `${piece.slice(0, -1)} ` : piece;
    }
    return out;
  });
}

export function tokenize(text: string): { sentences: Sentence[]; tokens: Token[] } {
  const w = winkForDocument();
  const its = w.its;
  const forWink = breakLongRuns(text);
  const doc = w.readDoc(forWink);
  const values = doc.tokens().out(its.value) as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  const normal = doc.tokens().out(its.normal) as string[];
  // biome-ignore lint/suspicious/noExplicitAny: wink's typings omit its.lemma from token outputs.
  const lemma = doc.tokens().out(its.lemma as any) as string[];
  const winkSpans = doc.sentences().out(its.span) as unknown as [number, number][];

  // Offsets: find each token value at or after the cursor, in the very text wink read (the same
  // length as ours: breakLongRuns only swaps characters for spaces). wink keeps values verbatim;
  // should one ever be missing (it has not been seen), it gets zero width at the cursor and is
  // dropped below.
  const starts = new Array<number>(values.length);
  const ends = new Array<number>(values.length);
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    const at = forWink.indexOf(v, cursor);
    if (at < 0) {
      starts[i] = cursor;
      ends[i] = cursor;
    } else {
      starts[i] = at;
      ends[i] = at + v.length;
      cursor = at + v.length;
    }
  }

  const paras = paragraphStarts(text);
  const paragraphOf = (offset: number): number => {
    let lo = 0;
    let hi = paras.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (paras[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };

  // Split wink's sentences at paragraph breaks.
  const ranges: [number, number][] = [];
  for (const [first, last] of winkSpans) {
    let from = first;
    for (let i = first + 1; i <= last; i++) {
      if (paragraphOf(starts[i]!) !== paragraphOf(starts[i - 1]!)) {
        ranges.push([from, i - 1]);
        from = i;
      }
    }
    ranges.push([from, last]);
  }

  const sentences: Sentence[] = [];
  const tokens: Token[] = [];
  for (const [rangeFirst, rangeLast] of ranges) {
    // wink emits line breaks as tokens: they are not words, and sentences are trimmed to words.
    let first = rangeFirst;
    let last = rangeLast;
    const isWord = (i: number) => values[i]!.trim() !== '' && ends[i]! > starts[i]!;
    while (first <= last && !isWord(first)) first++;
    while (last >= first && !isWord(last)) last--;
    if (first > last) continue;
    const sIndex = sentences.length;
    const start = starts[first]!;
    const end = ends[last]!;
    sentences.push({
      index: sIndex,
      start,
      end,
      text: text.slice(start, end),
      paragraph: paragraphOf(start),
    });
    for (let i = first; i <= last; i++) {
      if (!isWord(i)) continue;
      const next = i + 1 < values.length ? starts[i + 1]! : text.length;
      tokens.push({
        index: tokens.length,
        start: starts[i]!,
        end: ends[i]!,
        text: text.slice(starts[i]!, ends[i]!),
        pos: pos[i]!,
        xpos: '',
        normal: normal[i]!,
        lemma: (lemma[i] ?? normal[i]!).toLowerCase(),
        sentence: sIndex,
        spaceAfter: next > ends[i]!,
      });
    }
  }
  return { sentences, tokens };
}
