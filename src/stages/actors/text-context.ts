/**
 * Per-document reading helpers for the actors stage: the word before or after an offset, the sentence
 * and token at an offset, and reading a person's name forward or backward from an offset. Pure
 * functions over the text and the tokens layer. Depends on core types and the trie's word test only.
 */
import type { Sentence, Token } from '../../core/types.js';
import { isWordChar, wordStarts } from './trie.js';

export interface Word {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Spaces inside a line (a line break separates paragraphs and headlines: never read across one). */
function isInlineSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\u00a0' || ch === '\t';
}

/** The word ending just before `pos` (across inline spaces only), or null. */
export function wordBefore(text: string, pos: number): Word | null {
  let e = pos;
  while (e > 0 && isInlineSpace(text[e - 1])) e--;
  let s = e;
  while (s > 0 && (isWordChar(text[s - 1]) || text[s - 1] === '.' || text[s - 1] === '-')) s--;
  if (s === e) return null;
  return { start: s, end: e, text: text.slice(s, e) };
}

/** The word starting just after `pos` (across inline spaces only), or null. */
export function wordAfter(text: string, pos: number): Word | null {
  let s = pos;
  while (s < text.length && isInlineSpace(text[s])) s++;
  let e = s;
  while (e < text.length && isWordChar(text[e])) e++;
  if (s === e) return null;
  return { start: s, end: e, text: text.slice(s, e) };
}

export function isCapitalised(word: string): boolean {
  const c = word[0];
  return c !== undefined && c !== c.toLowerCase() && c === c.toUpperCase();
}

/** Locates tokens and sentences by character offset (binary search over starts). */
export class TextIndex {
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly sentences: readonly Sentence[];
  /** Offsets where words start, shared by every trie scan. */
  readonly starts: Int32Array;
  /** The text lower-cased char by char (same offsets), for case-insensitive tries. */
  readonly folded: string;

  constructor(text: string, tokens: readonly Token[], sentences: readonly Sentence[]) {
    this.text = text;
    this.tokens = tokens;
    this.sentences = sentences;
    this.starts = wordStarts(text);
    const lower = text.toLowerCase();
    // A few characters change length when lower-cased ('İ'): keep those as they are.
    this.folded =
      lower.length === text.length
        ? lower
        : Array.from(text, (ch) => {
            const l = ch.toLowerCase();
            return l.length === ch.length ? l : ch;
          }).join('');
  }

  /** Index of the last item whose start is <= pos, or -1. */
  private static floor(items: readonly { start: number }[], pos: number): number {
    let lo = 0;
    let hi = items.length - 1;
    let best = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (items[mid]!.start <= pos) {
        best = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return best;
  }

  /** The sentence index containing (or last starting before) `pos`; 0 if none. */
  sentenceAt(pos: number): number {
    return Math.max(0, TextIndex.floor(this.sentences, pos));
  }

  /** The token starting exactly at `pos`, or null. */
  tokenStartingAt(pos: number): Token | null {
    const i = TextIndex.floor(this.tokens, pos);
    const t = i >= 0 ? this.tokens[i]! : null;
    return t && t.start === pos ? t : null;
  }

  /** Does `pos` begin a sentence (or a line)? Capitalisation there says nothing about names. */
  startsSentence(pos: number): boolean {
    const s = this.sentences[this.sentenceAt(pos)];
    if (s && s.start === pos) return true;
    let i = pos - 1;
    while (i >= 0 && isInlineSpace(this.text[i])) i--;
    return (
      i < 0 ||
      this.text[i] === '\n' ||
      (/[“"‘(]/.test(this.text[i]!) && (i === 0 || this.text[i - 1] === '\n'))
    );
  }
}

/** One word of a person's name: capitalised ("Yong-hyun", "O'Neill"), an initial ("W."), or a particle. */
const NAME_WORD = /[\p{L}][\p{L}\p{M}]*(?:[-'’][\p{L}\p{M}]+)*\.?/uy;

export interface NameReading {
  readonly start: number;
  readonly end: number;
  readonly words: readonly string[];
}

export interface NameRules {
  readonly particles: ReadonlySet<string>;
  readonly notNames: ReadonlySet<string>;
  /** Offsets where a known non-person name starts (a state, an organisation): a name stops there. */
  readonly stops: ReadonlySet<number>;
  /** Does a title start here? A name never starts with one ("Chairman ... Adm. Mike Mullen"). */
  readonly titleAt?: (pos: number) => boolean;
}

/**
 * Reads up to `max` words of a person's name starting at `pos`: capitalised words and inner particles
 * separated by single spaces, stopping at a lower-case word, an acronym, a listed non-name, a known
 * actor's name, or punctuation. A possessive ('s) ends the name and is left out. Null when no name.
 */
export function readNameForward(text: string, pos: number, rules: NameRules, max = 4): NameReading | null {
  const words: { text: string; start: number; end: number; particle: boolean }[] = [];
  let at = pos;
  while (words.length < max) {
    if (rules.stops.has(at)) break;
    NAME_WORD.lastIndex = at;
    const m = NAME_WORD.exec(text);
    if (!m) break;
    let w = m[0];
    let possessive = false;
    if (/['’]s$/.test(w)) {
      w = w.slice(0, -2);
      possessive = true;
    }
    // A trailing period belongs to the word only for initials ("George W. Bush").
    if (w.endsWith('.') && !/^\p{Lu}\.$/u.test(w)) w = w.slice(0, -1);
    const particle = rules.particles.has(w) || /^(?:al|el|ad|as|ash|an|at)-\p{Lu}/u.test(w);
    const acronym = w.length > 1 && w === w.toUpperCase() && /\p{L}{2}/u.test(w);
    if (!w || acronym || rules.notNames.has(w) || (!particle && !isCapitalised(w))) break;
    if (words.length === 0 && rules.titleAt?.(at)) break;
    if (/^\p{Lu}\.$/u.test(w) && words.length === 0 && text[at + 2] !== ' ') break;
    words.push({ text: w, start: at, end: at + w.length, particle: rules.particles.has(w) });
    at += w.length;
    if (possessive) break;
    if (text[at] !== ' ' || !/[\p{L}]/u.test(text[at + 1] ?? '')) break;
    at++;
  }
  // Trailing particles and initials are not the end of a name ("Alexandre D." is cut at the initial).
  while (
    words.length > 1 &&
    (words[words.length - 1]!.particle || /^\p{Lu}\.$/u.test(words[words.length - 1]!.text))
  ) {
    words.pop();
  }
  if (!words.length || words[0]!.particle) return null;
  return { start: words[0]!.start, end: words[words.length - 1]!.end, words: words.map((w) => w.text) };
}

/**
 * Reads a person's name ending at `end` (exclusive), backwards, 2 to `max` words: the "NAME" of
 * "NAME, the defense minister". Null unless every word is capitalised (inner particles allowed).
 */
export function readNameBackward(text: string, end: number, rules: NameRules, max = 4): NameReading | null {
  const words: Word[] = [];
  let e = end;
  while (words.length < max) {
    let s = e;
    while (s > 0 && (isWordChar(text[s - 1]) || /[-'’.]/.test(text[s - 1]!))) s--;
    if (s === e) break;
    const w = text.slice(s, e);
    const particle = rules.particles.has(w);
    if (rules.notNames.has(w) || (!particle && !isCapitalised(w)) || rules.stops.has(s)) break;
    // A sentence's last word ("Lahore."), a possessive ("NPR's") or an acronym ends the name.
    if (/[^\p{Lu}]\.$/u.test(w) || /['’]s$/.test(w) || (w.length > 1 && w === w.toUpperCase())) break;
    words.unshift({ start: s, end: e, text: w });
    if (text[s - 1] !== ' ') break;
    e = s - 1;
  }
  // "Chairman Penny Cobham said": a leading title is not part of the name.
  while (words.length && (rules.particles.has(words[0]!.text) || rules.titleAt?.(words[0]!.start)))
    words.shift();
  if (words.length < 2) return null;
  return { start: words[0]!.start, end: words[words.length - 1]!.end, words: words.map((w) => w.text) };
}
