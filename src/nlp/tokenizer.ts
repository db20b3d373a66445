/**
 * Tokenizer and sentence splitter following UD English (EWT) conventions: clitics (`n't`, `'s`,
 * `'re`, ...) split off as their own words, `cannot` as `can`+`not`, `gonna` as `gon`+`na`,
 * hyphenated compounds split around a `-` word except after prefixes EWT keeps (`pre-war`),
 * number ranges split, phone numbers and dates kept, abbreviations and initials keep their period,
 * URLs and e-mail addresses whole. Offsets point into the verbatim text.
 *
 * One left-to-right pass over the text with `charCodeAt`, no regular expressions, so it is linear on
 * any input; no token is longer than MAX_TOKEN code units (a longer run is cut, never inside a
 * surrogate pair). Sentences never cross a line break: news text reduced from HTML puts paragraphs
 * (and headlines) on lines of their own.
 */
import { existsSync } from 'node:fs';
import { dataPath } from '../data/paths.js';
import { perceptronFrom, readModelFile } from './model-file.js';
import { mix, type Scorer } from './perceptron.js';

export interface Segmentation {
  /** Token i covers text.slice(starts[i], ends[i]); tokens are the syntactic words of UD (EWT's multiword tokens are always concatenations of their words, so words are substrings). */
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** Sentence j covers tokens [sentenceStarts[j], sentenceStarts[j+1]); length = sentences + 1. */
  readonly sentenceStarts: Int32Array;
}

/** Longer runs are base64, scripts or hostile input, not words. */
export const MAX_TOKEN = 100;

// ---------------------------------------------------------------------------------------------
// Character classes

/** 0: part of a token, 1: space, 2: line break (a paragraph break). C0 controls separate too. */
function separator(c: number): number {
  if (c > 32) {
    if (c < 0x7f) return 0;
    if (
      c === 0x7f ||
      c === 0xa0 ||
      c === 0x1680 ||
      c === 0x202f ||
      c === 0x205f ||
      c === 0x3000 ||
      c === 0xfeff
    )
      return 1;
    if (c >= 0x2000 && c <= 0x200b) return 1;
    if (c === 0x85 || c === 0x2028 || c === 0x2029) return 2;
    if (c >= 0x80 && c < 0xa0) return 1;
    return 0;
  }
  return c === 10 || c === 13 || c === 11 || c === 12 ? 2 : 1;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isAsciiLetter(c: number): boolean {
  return (c | 32) >= 97 && (c | 32) <= 122;
}

function isUpper(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7);
}

/** Letters, approximately outside ASCII: Latin-1 and the alphabetic blocks up to U+1FFF, and CJK. */
function isLetter(c: number): boolean {
  if (c < 0x80) return isAsciiLetter(c);
  if (c < 0xc0) return c === 0xaa || c === 0xb5 || c === 0xba;
  if (c < 0x2000) return c !== 0xd7 && c !== 0xf7;
  return c >= 0x3040 && c < 0xd800;
}

function isApostrophe(c: number): boolean {
  return c === 0x27 || c === 0x2019 || c === 0x60;
}

/** Opening punctuation split off the front of a word. */
function isOpening(c: number): boolean {
  return (
    c === 0x22 || // "
    c === 0x27 || // '
    c === 0x28 || // (
    c === 0x5b || // [
    c === 0x7b || // {
    c === 0x3c || // <
    c === 0x60 || // `
    c === 0x2a || // *
    c === 0x24 || // $
    c === 0x3e || // >
    c === 0x3d || // =
    c === 0x7e || // ~
    c === 0x201c ||
    c === 0x2018 ||
    c === 0x201e ||
    c === 0xab ||
    c === 0xa3 || // £
    c === 0x20ac || // €
    c === 0xa5 || // ¥
    c === 0xbf ||
    c === 0xa1
  );
}

/** Closing punctuation split off the end of a word (periods are decided apart). */
function isClosing(c: number): boolean {
  return (
    c === 0x22 ||
    c === 0x27 ||
    c === 0x29 ||
    c === 0x5d ||
    c === 0x7d ||
    c === 0x3e ||
    c === 0x2c || // ,
    c === 0x3b || // ;
    c === 0x3a || // :
    c === 0x25 || // %
    c === 0x2a ||
    c === 0x3d ||
    c === 0x23 || // #
    c === 0x2f || // /
    c === 0x201d ||
    c === 0x2019 ||
    c === 0xbb
  );
}

/** Characters that end a sentence; a run of them is one token (`!!!`, `?!`, `...`). */
function isTerminal(c: number): boolean {
  return c === 0x2e || c === 0x21 || c === 0x3f || c === 0x2026;
}

/** Dashes that are words of their own wherever they stand. */
function isDash(c: number): boolean {
  return c === 0x2014 || c === 0x2013 || c === 0x2015 || c === 0x2012;
}

// ---------------------------------------------------------------------------------------------
// Word lists, looked up by a hash of the lower-cased ASCII letters (no substring per token)

/** FNV-1a of the lower-cased code units of text[s, e), or -1 when one is not an ASCII letter. */
function lowerHash(text: string, s: number, e: number): number {
  let h = 0x811c9dc5;
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (!isAsciiLetter(c)) return -1;
    h = Math.imul(h ^ (c | 32), 0x01000193) >>> 0;
  }
  return h;
}

function hashOf(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

function sameLower(text: string, s: number, e: number, word: string): boolean {
  if (e - s !== word.length) return false;
  for (let i = 0; i < word.length; i++)
    if ((text.charCodeAt(s + i) | 32) !== word.charCodeAt(i)) return false;
  return true;
}

function lexicon<V>(entries: ReadonlyArray<readonly [string, V]>): Map<number, Array<readonly [string, V]>> {
  const m = new Map<number, Array<readonly [string, V]>>();
  for (const e of entries) {
    const h = hashOf(e[0]);
    const list = m.get(h);
    if (list) list.push(e);
    else m.set(h, [e]);
  }
  return m;
}

function lookup<V>(
  m: Map<number, Array<readonly [string, V]>>,
  text: string,
  s: number,
  e: number,
): V | undefined {
  const h = lowerHash(text, s, e);
  if (h < 0) return undefined;
  const list = m.get(h);
  if (!list) return undefined;
  for (const [word, v] of list) if (sameLower(text, s, e, word)) return v;
  return undefined;
}

/**
 * Words EWT writes as two syntactic words without an apostrophe: the length of the first.
 * (`its` is left alone: far more often the possessive than `it's` misspelt.)
 */
const FUSED = lexicon<number>([
  ['cannot', 3],
  ['gonna', 3],
  ['wanna', 3],
  ['gotta', 3],
  ['dont', 2],
  ['didnt', 3],
  ['doesnt', 4],
  ['isnt', 2],
  ['wasnt', 3],
  ['arent', 3],
  ['werent', 4],
  ['havent', 4],
  ['hasnt', 3],
  ['hadnt', 3],
  ['couldnt', 5],
  ['wouldnt', 5],
  ['shouldnt', 6],
  ['cant', 2],
  ['wont', 2],
  ['aint', 2],
  ['thats', 4],
  ['ive', 1],
  ['im', 1],
]);

/** (first letter, last letter) pairs of FUSED words, a cheap filter before hashing a piece. */
const FUSED_ENDS = (() => {
  const m = new Uint8Array(32 * 32);
  const words =
    'cannot gonna wanna gotta dont didnt doesnt isnt wasnt arent werent havent hasnt hadnt couldnt wouldnt shouldnt cant wont aint thats ive im';
  for (const w of words.split(' ')) m[(w.charCodeAt(0) & 31) * 32 + (w.charCodeAt(w.length - 1) & 31)] = 1;
  return m;
})();

enum Abbrev {
  /** Keeps its period; may still end a sentence before a capitalised word (`Inc.`, `etc.`). */
  Plain = 1,
  /** Keeps its period and never ends a sentence (`Mr.`, `Dr.`). */
  Title = 2,
  /** An abbreviation only before a number (`No. 5`); otherwise a word and a period. */
  BeforeNumber = 3,
}

const ABBREVIATIONS = lexicon<Abbrev>([
  ...'mr mrs ms messrs dr prof sr jr st mt gen gov sen rep col lt sgt capt cmdr adm rev hon pres supt det insp'
    .split(' ')
    .map((w) => [w, Abbrev.Title] as const),
  ...'jan feb mar apr jun jul aug sep sept oct nov dec inc ltd co corp bros dept univ assn vs etc approx est fig ave blvd rd ft lb lbs oz mins hrs cf al ala ariz ark calif colo conn fla kan kans mich minn neb nev okla tenn tex wis wyo'
    .split(' ')
    .map((w) => [w, Abbrev.Plain] as const),
  ...'no nos vol pp'.split(' ').map((w) => [w, Abbrev.BeforeNumber] as const),
]);

/** Prefixes EWT keeps joined to the rest by their hyphen (`pre-war`, `non-violent`, `e-mail`). */
const HYPHEN_PREFIXES = lexicon<true>(
  'e pre post non co re semi multi mid ex anti pro un sub socio psycho vice over neo micro intra inter cross counter arch mis'
    .split(' ')
    .map((w) => [w, true] as const),
);

// ---------------------------------------------------------------------------------------------
// Output buffers, reused across calls (segment is synchronous and not re-entrant)

let starts = new Int32Array(1024);
let ends = new Int32Array(1024);
/** Per token: LINE_BEFORE (a line break since the previous token), SPACE_BEFORE. */
let flags = new Uint8Array(1024);
let count = 0;
let pendingFlags = 0;
const LINE_BEFORE = 1;
const SPACE_BEFORE = 2;

/** Suffix tokens found from the right end, emitted after the core in reverse. */
let suffixes = new Int32Array(64);
let suffixCount = 0;

function grow(): void {
  const size = starts.length * 2;
  const s = new Int32Array(size);
  s.set(starts);
  starts = s;
  const e = new Int32Array(size);
  e.set(ends);
  ends = e;
  const f = new Uint8Array(size);
  f.set(flags);
  flags = f;
}

function pushToken(s: number, e: number): void {
  if (count === starts.length) grow();
  starts[count] = s;
  ends[count] = e;
  flags[count] = pendingFlags;
  pendingFlags = 0;
  count++;
}

/** Emits text[s, e) as one token, or as MAX_TOKEN pieces, never cutting a surrogate pair. */
function emit(text: string, s: number, e: number): void {
  while (e - s > MAX_TOKEN) {
    let cut = s + MAX_TOKEN;
    const c = text.charCodeAt(cut - 1);
    if (c >= 0xd800 && c <= 0xdbff) cut--;
    pushToken(s, cut);
    s = cut;
  }
  if (e > s) pushToken(s, e);
}

function pushSuffix(s: number, e: number): void {
  if (suffixCount + 2 > suffixes.length) {
    const n = new Int32Array(suffixes.length * 2);
    n.set(suffixes);
    suffixes = n;
  }
  suffixes[suffixCount++] = s;
  suffixes[suffixCount++] = e;
}

// ---------------------------------------------------------------------------------------------
// Words

/** `st`, `nd`, `rd`, `th` (ordinals) and `s` (decades, `1970s`) stay on their number. */
function isNumberSuffix(text: string, s: number, e: number): boolean {
  const n = e - s;
  if (n === 1) return (text.charCodeAt(s) | 32) === 115;
  if (n !== 2) return false;
  const pair = text.slice(s, e).toLowerCase();
  return pair === 'st' || pair === 'nd' || pair === 'rd' || pair === 'th';
}

/** A piece with no punctuation left to split: fused forms (`cannot`) and numbers with units (`5pm`). */
function emitPiece(text: string, s: number, e: number): void {
  const len = e - s;
  const pair = ((text.charCodeAt(s) | 32) & 31) * 32 + ((text.charCodeAt(e - 1) | 32) & 31);
  if (len >= 2 && len <= 8 && FUSED_ENDS[pair] === 1) {
    const first = lookup(FUSED, text, s, e);
    if (first !== undefined) {
      pushToken(s, s + first);
      pushToken(s + first, e);
      return;
    }
  }
  // A number with a unit glued on is two words in EWT (`5pm`, `3m`, `2.3bn`, `10km`, `20k`),
  // ordinals and decades one (`20th`, `1970s`).
  if (len >= 2 && isDigit(text.charCodeAt(s))) {
    let k = s;
    while (
      k < e &&
      (isDigit(text.charCodeAt(k)) ||
        text.charCodeAt(k) === 0x2e ||
        text.charCodeAt(k) === 0x2c ||
        text.charCodeAt(k) === 0x3a)
    )
      k++;
    let letters = k;
    while (letters < e && isAsciiLetter(text.charCodeAt(letters))) letters++;
    if (k > s && k < e && letters === e && isDigit(text.charCodeAt(k - 1)) && !isNumberSuffix(text, k, e)) {
      emit(text, s, k);
      emit(text, k, e);
      return;
    }
  }
  emit(text, s, e);
}

/** text[s, e) is an abbreviation keeping a final period at e (the period itself excluded). */
function abbreviation(text: string, s: number, e: number, nextChar: number): Abbrev | 0 {
  const len = e - s;
  if (len === 1) return isUpper(text.charCodeAt(s)) ? Abbrev.Title : 0;
  // Dotted letters: U.S, e.g, a.m, Ph.D (segments of at most two letters).
  let dots = 0;
  let run = 0;
  let dotted = true;
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x2e) {
      if (run === 0) {
        dotted = false;
        break;
      }
      dots++;
      run = 0;
    } else if (isLetter(c) && run < 2) run++;
    else {
      dotted = false;
      break;
    }
  }
  if (dotted && dots > 0) return Abbrev.Plain;
  if (len > 5) return 0;
  const kind = lookup(ABBREVIATIONS, text, s, e);
  if (kind === undefined) return 0;
  // Sentence-final `etc.` is `etc` + `.` in EWT; inside a sentence it keeps its period.
  if (
    len === 3 &&
    sameLower(text, s, e, 'etc') &&
    !(isLetter(nextChar) && !isUpper(nextChar)) &&
    nextChar !== 0x2c
  )
    return 0;
  if (kind === Abbrev.BeforeNumber) return isDigit(nextChar) ? Abbrev.Title : 0;
  return kind;
}

function isUrlStart(text: string, s: number, e: number): boolean {
  const c = text.charCodeAt(s) | 32;
  if (c === 104) return startsWithLower(text, s, e, 'http://') || startsWithLower(text, s, e, 'https://');
  if (c === 119) return startsWithLower(text, s, e, 'www.');
  if (c === 102) return startsWithLower(text, s, e, 'ftp://');
  return false;
}

function startsWithLower(text: string, s: number, e: number, prefix: string): boolean {
  if (e - s < prefix.length + 1) return false;
  for (let i = 0; i < prefix.length; i++)
    if ((text.charCodeAt(s + i) | 32) !== prefix.charCodeAt(i)) return false;
  return true;
}

/** name@host.tld: an @ with something before it and a dot after it. */
function isEmail(text: string, s: number, e: number): boolean {
  let at = -1;
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x40) {
      if (at >= 0 || i === s) return false;
      at = i;
    } else if (c === 0x2e && at >= 0 && i > at + 1 && i < e - 1) return true;
  }
  return false;
}

const EMOTICONS = new Set(
  ":) :-) ;) ;-) :( :-( :D :-D :P :-P :p :-p ;P ;p :/ :-/ :\\ :-\\ <3 </3 :'( :O :o :-O =) =( =D ^_^ ^^ -_- XD xD :] :[ :| :-| (: ): 8) B)".split(
    ' ',
  ),
);

/** Cheap filter before the set lookup: emoticons start with punctuation, or are XD, B) and 8). */
function maybeEmoticon(text: string, a: number): boolean {
  const c0 = text.charCodeAt(a);
  const c1 = text.charCodeAt(a + 1);
  if (!isAsciiLetter(c0) && !isDigit(c0)) return true;
  return !isAsciiLetter(c1) || c1 === 68;
}

/** Length of the clitic ending text[s, e) (`n't` 3, `'s` 2, `'ll` 3), or 0. */
function cliticLength(text: string, s: number, e: number): number {
  const len = e - s;
  if (len < 3) return 0;
  const last = text.charCodeAt(e - 1) | 32;
  const prev = text.charCodeAt(e - 2);
  if (isApostrophe(prev)) {
    if (last === 115 || last === 100 || last === 109) {
      const before = text.charCodeAt(e - 3);
      return isLetter(before) || isDigit(before) ? 2 : 0;
    }
    if (last === 116 && len >= 4 && (text.charCodeAt(e - 3) | 32) === 110 && isLetter(text.charCodeAt(e - 4)))
      return 3;
    return 0;
  }
  if (len >= 4 && isApostrophe(text.charCodeAt(e - 3)) && isLetter(text.charCodeAt(e - 4))) {
    const a = prev | 32;
    if ((a === 108 && last === 108) || (a === 114 && last === 101) || (a === 118 && last === 101)) return 3;
  }
  return 0;
}

/** First code unit of the next chunk after position e (skipping separators), or 0. */
function nextVisible(text: string, e: number): number {
  for (let i = e; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (separator(c) === 0) return c;
  }
  return 0;
}

/** Tokenizes one whitespace-free chunk text[a, b). */
function chunk(text: string, a: number, b: number): void {
  let lo = a;
  let hi = b;
  const len0 = b - a;
  if (len0 >= 2 && len0 <= 4 && maybeEmoticon(text, a) && EMOTICONS.has(text.slice(a, b))) {
    pushToken(a, b);
    return;
  }
  // Opening punctuation.
  while (lo < hi) {
    const c = text.charCodeAt(lo);
    if (isApostrophe(c) && hi - lo >= 2) {
      // A clitic standing alone ('s, 'll) or a year ('90s) is a word.
      if (hi - lo <= 3 && isCliticWord(text, lo, hi)) break;
      if (isDigit(text.charCodeAt(lo + 1))) break;
    }
    if (isOpening(c) || (c === 0x23 && lo + 1 < hi && isDigit(text.charCodeAt(lo + 1)))) {
      // Runs of the same character (`` '' *** $$$) are one token.
      let r = lo + 1;
      while (r < hi && text.charCodeAt(r) === c) r++;
      emit(text, lo, r);
      lo = r;
      continue;
    }
    if ((c === 0x2d && lo + 1 < hi) || isDash(c)) {
      let r = lo + 1;
      while (r < hi && text.charCodeAt(r) === c) r++;
      emit(text, lo, r);
      lo = r;
      continue;
    }
    break;
  }
  if (lo >= hi) return;
  const url = isUrlStart(text, lo, hi) || isEmail(text, lo, hi);
  // Closing punctuation, periods and clitics, from the right.
  suffixCount = 0;
  while (hi > lo) {
    const c = text.charCodeAt(hi - 1);
    if (isTerminal(c)) {
      let r = hi - 1;
      while (r > lo && isTerminal(text.charCodeAt(r - 1))) r--;
      if (hi - r === 1 && c === 0x2e && !url) {
        if (r === lo) {
          pushSuffix(r, hi);
          hi = r;
          break;
        }
        if (abbreviation(text, lo, r, nextVisible(text, hi)) !== 0) break;
      }
      if (url && hi - r > 1) r = hi - 1;
      // `Inc..`: the abbreviation keeps one period, the other ends the sentence.
      if (
        !url &&
        hi - r === 2 &&
        c === 0x2e &&
        r > lo &&
        abbreviation(text, lo, r, nextVisible(text, hi)) !== 0
      ) {
        pushSuffix(r + 1, hi);
        hi = r + 1;
        break;
      }
      pushSuffix(r, hi);
      hi = r;
      continue;
    }
    if (isClosing(c) || isDash(c)) {
      if (url && (c === 0x25 || c === 0x2f || c === 0x23)) break;
      // A run of the same closing character is one token ('' or ))).
      let r = hi - 1;
      while (r > lo && text.charCodeAt(r - 1) === c) r--;
      pushSuffix(r, hi);
      hi = r;
      continue;
    }
    // A dangling hyphen (`PS-`) is a word of its own, as is a run of them.
    if (
      c === 0x2d &&
      hi - 2 >= lo &&
      (text.charCodeAt(hi - 2) === 0x2d || isLetter(text.charCodeAt(hi - 2)))
    ) {
      let r = hi - 1;
      while (r > lo && text.charCodeAt(r - 1) === 0x2d) r--;
      pushSuffix(r, hi);
      hi = r;
      continue;
    }
    if (url) break;
    const clitic = cliticLength(text, lo, hi);
    if (clitic > 0 && hi - clitic > lo) {
      pushSuffix(hi - clitic, hi);
      hi -= clitic;
      continue;
    }
    break;
  }
  if (hi > lo) {
    if (url) emit(text, lo, hi);
    else infixes(text, lo, hi);
  }
  for (let k = suffixCount - 2; k >= 0; k -= 2) emit(text, suffixes[k]!, suffixes[k + 1]!);
}

function isCliticWord(text: string, s: number, e: number): boolean {
  const len = e - s;
  const c1 = text.charCodeAt(s + 1) | 32;
  if (len === 2) return c1 === 115 || c1 === 100 || c1 === 109;
  const c2 = text.charCodeAt(s + 2) | 32;
  return (c1 === 108 && c2 === 108) || (c1 === 114 && c2 === 101) || (c1 === 118 && c2 === 101);
}

/** Splits the core of a word at inner punctuation: hyphens, dashes, slashes, commas, ellipses. */
function infixes(text: string, lo: number, hi: number): void {
  let piece = lo;
  let k = lo;
  while (k < hi) {
    const c = text.charCodeAt(k);
    if (c < 0x80 && (isAsciiLetter(c) || isDigit(c))) {
      k++;
      continue;
    }
    if (c === 0x2d) {
      const next = k + 1 < hi ? text.charCodeAt(k + 1) : 0;
      if (next === 0x2d) {
        let r = k + 1;
        while (r < hi && text.charCodeAt(r) === 0x2d) r++;
        if (k > piece) emitPiece(text, piece, k);
        emit(text, k, r);
        piece = r;
        k = r;
        continue;
      }
      const prev = k > piece ? text.charCodeAt(k - 1) : 0;
      if (isDigit(prev) && isDigit(next)) {
        k = numberGroup(text, piece, k, hi);
        if (k < 0) {
          k = -k;
          piece = k;
        }
        continue;
      }
      const letters = (isLetter(prev) || isDigit(prev)) && (isLetter(next) || isDigit(next));
      if (letters && !(isLetter(prev) && lookup(HYPHEN_PREFIXES, text, piece, k) !== undefined)) {
        emitPiece(text, piece, k);
        pushToken(k, k + 1);
        piece = k + 1;
      }
      k++;
      continue;
    }
    if (
      isDash(c) ||
      c === 0x2026 ||
      c === 0x3b ||
      c === 0x21 ||
      c === 0x3f ||
      c === 0x22 ||
      c === 0x201c ||
      c === 0x201d ||
      c === 0x28 ||
      c === 0x29 ||
      c === 0x3d
    ) {
      let r = k + 1;
      while (r < hi && text.charCodeAt(r) === c) r++;
      if (k > piece) emitPiece(text, piece, k);
      emit(text, k, r);
      piece = r;
      k = r;
      continue;
    }
    if (c === 0x2e && k + 1 < hi && text.charCodeAt(k + 1) === 0x2e) {
      let r = k + 1;
      while (r < hi && text.charCodeAt(r) === 0x2e) r++;
      if (k > piece) emitPiece(text, piece, k);
      emit(text, k, r);
      piece = r;
      k = r;
      continue;
    }
    if (c === 0x2c || c === 0x3a) {
      const prev = k > piece ? text.charCodeAt(k - 1) : 0;
      const next = k + 1 < hi ? text.charCodeAt(k + 1) : 0;
      if (!(isDigit(prev) && isDigit(next))) {
        if (k > piece) emitPiece(text, piece, k);
        pushToken(k, k + 1);
        piece = k + 1;
      }
      k++;
      continue;
    }
    if (c === 0x2f) {
      const prev = k > piece ? text.charCodeAt(k - 1) : 0;
      const next = k + 1 < hi ? text.charCodeAt(k + 1) : 0;
      const after = k + 2 < hi ? text.charCodeAt(k + 2) : 0;
      if (isLetter(prev) && isLetter(next) && (k - piece > 1 || isLetter(after))) {
        emitPiece(text, piece, k);
        pushToken(k, k + 1);
        piece = k + 1;
      }
      k++;
      continue;
    }
    k++;
  }
  if (hi > piece) emitPiece(text, piece, hi);
}

/**
 * At a hyphen between digits: a group of digits and hyphens. One hyphen between numbers is a
 * range, split as EWT does (`1969 - 1970`), unless it looks like a phone number (`646-8420`); two
 * or more are a phone number or a date, kept. Returns where scanning continues, negated (and
 * the pieces emitted) when the range was split.
 */
function numberGroup(text: string, piece: number, hyphen: number, hi: number): number {
  let r = hyphen + 1;
  let hyphens = 1;
  while (r < hi) {
    const c = text.charCodeAt(r);
    if (isDigit(c)) r++;
    else if (c === 0x2d && r + 1 < hi && isDigit(text.charCodeAt(r + 1))) {
      hyphens++;
      r++;
    } else break;
  }
  if (r < hi && (isLetter(text.charCodeAt(r)) || text.charCodeAt(r) === 0x2e)) return r; // codes, file names
  if (hyphens > 1) return r;
  let left = hyphen;
  while (left > piece && isDigit(text.charCodeAt(left - 1))) left--;
  if (
    left > piece &&
    !isDigit(text.charCodeAt(left - 1)) &&
    text.charCodeAt(left - 1) !== 0x2e &&
    text.charCodeAt(left - 1) !== 0x2c
  )
    return r;
  // Phone numbers and extensions (646-8420, 3-5213); year ranges (1969-1970) split.
  if (r - hyphen - 1 === 4 && hyphen - left !== 4) return r;
  emitPiece(text, piece, hyphen);
  pushToken(hyphen, hyphen + 1);
  emitPiece(text, hyphen + 1, r);
  return -r;
}

// ---------------------------------------------------------------------------------------------
// Sentences

function isQuoteOrBracket(c: number): boolean {
  return (
    c === 0x22 ||
    c === 0x27 ||
    c === 0x29 ||
    c === 0x5d ||
    c === 0x7d ||
    c === 0x201d ||
    c === 0x2019 ||
    c === 0xbb ||
    c === 0x28 ||
    c === 0x5b ||
    c === 0x201c ||
    c === 0x2018 ||
    c === 0x60 ||
    c === 0xab
  );
}

/** The token is only sentence-final punctuation (`.`, `!!`, `?!`, `...`). */
function isTerminalToken(text: string, i: number): boolean {
  for (let k = starts[i]!; k < ends[i]!; k++) if (!isTerminal(text.charCodeAt(k))) return false;
  return true;
}

/** A rule decision: may a sentence start at token i (0 < i < count, same line as i - 1)? */
function ruleBoundary(text: string, i: number): boolean {
  const first = text.charCodeAt(starts[i]!);
  // A quote or bracket right after the previous token closes, it does not open.
  if (isQuoteOrBracket(first) && (flags[i]! & SPACE_BEFORE) === 0) return false;
  // Closing quotes and brackets attached to the terminal belong to the sentence it ends.
  let p = i - 1;
  while (p > 0 && (flags[p]! & SPACE_BEFORE) === 0 && isQuoteOrBracket(text.charCodeAt(starts[p]!))) p--;
  // EWT's web text starts many sentences in lower case: after ! ? and a period that is not an
  // abbreviation's, the case of the next word is no evidence.
  if (isTerminalToken(text, p)) return true;
  // An abbreviation's period can end the sentence too (`... in the U.S. The`), titles never.
  const e = ends[p]!;
  if (text.charCodeAt(e - 1) === 0x2e && e - starts[p]! > 1 && isUpper(first)) {
    const kind = abbreviation(text, starts[p]!, e - 1, first);
    return kind === Abbrev.Plain && e - starts[p]! > 3;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------

/** Fills the token buffers (`starts`, `ends`, `flags`, `count`) from text. */
function tokenizeInto(text: string): void {
  count = 0;
  pendingFlags = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const sep = separator(c);
    if (sep !== 0) {
      pendingFlags |= sep === 2 ? LINE_BEFORE | SPACE_BEFORE : SPACE_BEFORE;
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && separator(text.charCodeAt(j)) === 0) j++;
    chunk(text, i, j);
    i = j;
  }
}

// ---------------------------------------------------------------------------------------------
// The sentence-boundary model: a binary averaged perceptron deciding, at each gap the rules
// could not rule out, whether a sentence starts there (EWT web text ends many sentences without
// punctuation: e-mail headers, sign-offs, chat). The rules' decision is one of its features.

/** Features per gap; the buffer is reused. */
export const BOUNDARY_FEATURES = 16;
const featureBuffer = new Uint32Array(BOUNDARY_FEATURES);
const scoreBuffer = new Float32Array(2);

/** Per-token word and shape hashes, computed at most once per token (0: not yet). */
let wordCache = new Uint32Array(1024);
let shapeCache = new Uint32Array(1024);

function resetCaches(): void {
  if (wordCache.length < count) {
    wordCache = new Uint32Array(starts.length);
    shapeCache = new Uint32Array(starts.length);
  } else {
    wordCache.fill(0, 0, count);
    shapeCache.fill(0, 0, count);
  }
}

function wordHash(text: string, t: number): number {
  const h = wordCache[t]!;
  if (h !== 0) return h;
  const computed = (computeWordHash(text, t) | 1) >>> 0;
  wordCache[t] = computed;
  return computed;
}

function shapeHash(text: string, t: number): number {
  const h = shapeCache[t]!;
  if (h !== 0) return h;
  const computed = (computeShapeHash(text, t) | 1) >>> 0;
  shapeCache[t] = computed;
  return computed;
}

/** Hash of a token's lower-cased text (first 20 code units). */
function computeWordHash(text: string, t: number): number {
  let h = 0x811c9dc5;
  const e = Math.min(ends[t]!, starts[t]! + 20);
  for (let k = starts[t]!; k < e; k++) {
    const c = text.charCodeAt(k);
    h = Math.imul(h ^ (c < 0x80 && isAsciiLetter(c) ? c | 32 : c), 0x01000193);
  }
  return h >>> 0;
}

/** Hash of a token's shape: X x d or the character itself, repeats collapsed, at most 6 symbols. */
function computeShapeHash(text: string, t: number): number {
  let h = 0x811c9dc5;
  let last = -1;
  let n = 0;
  for (let k = starts[t]!; k < ends[t]! && n < 6; k++) {
    const c = text.charCodeAt(k);
    const sym = isUpper(c) ? 88 : isLetter(c) ? 120 : isDigit(c) ? 100 : c;
    if (sym === last) continue;
    last = sym;
    n++;
    h = Math.imul(h ^ sym, 0x01000193);
  }
  return h >>> 0;
}

function feature(kind: number, a: number, b = 0): number {
  return mix(Math.imul(a ^ (kind << 24), 0x9e3779b1) ^ kind, b);
}

/**
 * Features of the gap before token t (0 < t < count): the words and shapes around it, the rules'
 * decision and the length of the sentence so far. Returns the feature count.
 */
function gapFeatures(text: string, t: number, rule: boolean, sinceStart: number, out: Uint32Array): number {
  const prev = t - 1;
  const wp = wordHash(text, prev);
  const wn = wordHash(text, t);
  const sp = shapeHash(text, prev);
  const sn = shapeHash(text, t);
  const wpp = prev > 0 ? wordHash(text, prev - 1) : 1;
  const snn = t + 1 < count ? shapeHash(text, t + 1) : 1;
  const wnn = t + 1 < count ? wordHash(text, t + 1) : 1;
  const r = rule ? 1 : 2;
  const spaced = flags[t]! & SPACE_BEFORE;
  let n = 0;
  out[n++] = feature(1, r);
  out[n++] = feature(2, wp);
  out[n++] = feature(3, wn);
  out[n++] = feature(4, sp);
  out[n++] = feature(5, sn);
  out[n++] = feature(6, sp, sn);
  out[n++] = feature(7, wp, sn);
  out[n++] = feature(8, sp, wn);
  out[n++] = feature(9, r, sn);
  out[n++] = feature(10, r, wn);
  out[n++] = feature(11, wpp, wp);
  out[n++] = feature(12, wn, snn);
  out[n++] = feature(13, wn, wnn);
  out[n++] = feature(14, spaced, r);
  out[n++] = feature(15, Math.min(sinceStart, 30) >> 1, r);
  out[n++] = feature(16, wp, wn);
  return n;
}

/** Gaps the model is asked about: not between a word and a lower-case word (the bulk of gaps). */
/**
 * Gaps the boundary model learns from: the rules' own boundaries and every gap but one between a
 * word and a lower-case word (EWT's web text has many sentences without a final mark).
 */
function isTrainingCandidate(text: string, t: number, rule: boolean): boolean {
  if (rule) return true;
  const last = text.charCodeAt(ends[t - 1]! - 1);
  const first = text.charCodeAt(starts[t]!);
  return !((isLetter(last) || isDigit(last)) && isLetter(first) && !isUpper(first));
}

/**
 * Gaps the boundary model may split when segmenting: those above, but never between two words: in
 * news such a split cuts a name ("Paris | Hilton") far more often than it finds a sentence without a
 * final mark, and news paragraphs are on lines of their own anyway (EWT dev Sentences F1 0.892 ->
 * 0.879 for it).
 */
function isCandidate(text: string, t: number, rule: boolean): boolean {
  if (!isTrainingCandidate(text, t, rule)) return false;
  if (rule) return true;
  const last = text.charCodeAt(ends[t - 1]! - 1);
  return !(isLetter(last) || isDigit(last));
}

function plainSentenceEnd(text: string, t: number): boolean {
  const p = t - 1;
  if (p < 1 || ends[p]! - starts[p]! !== 1 || (flags[p]! & SPACE_BEFORE) !== 0) return false;
  const c = text.charCodeAt(starts[p]!);
  if (c !== 0x2e && c !== 0x21 && c !== 0x3f) return false;
  const before = text.charCodeAt(ends[p - 1]! - 1);
  if (!(before >= 97 && before <= 122) || ends[p - 1]! - starts[p - 1]! < 3) return false;
  // The next word, behind an opening quote if one comes first (`He left. "Why?" she asked.`).
  let w = t;
  const q = text.charCodeAt(starts[t]!);
  if (ends[t]! - starts[t]! === 1 && (q === 0x22 || q === 0x201c) && t + 1 < count) w = t + 1;
  const first = text.charCodeAt(starts[w]!);
  const second = ends[w]! - starts[w]! > 1 ? text.charCodeAt(starts[w]! + 1) : 0;
  return first >= 65 && first <= 90 && second >= 97 && second <= 122;
}

/** What segments sentences: the model's scorer, or null for the rules alone. */
export type BoundaryScorer = Scorer | null;

function decideSentences(text: string, scorer: BoundaryScorer): Int32Array {
  if (scorer !== null) resetCaches();
  const list = new Int32Array(count + 1);
  let sentences = 0;
  let current = 0;
  for (let t = 0; t < count; t++) {
    let start = t === 0 || (flags[t]! & LINE_BEFORE) !== 0;
    if (!start) {
      const rule = ruleBoundary(text, t);
      if (scorer === null || (rule && plainSentenceEnd(text, t))) start = rule;
      else if (isCandidate(text, t, rule)) {
        const n = gapFeatures(text, t, rule, t - current, featureBuffer);
        scorer.score(featureBuffer, n, scoreBuffer);
        start = scoreBuffer[1]! > scoreBuffer[0]!;
      }
    }
    if (start) {
      list[sentences++] = t;
      current = t;
    }
  }
  list[sentences] = count;
  return list.slice(0, sentences + 1);
}

/** Segments with a given boundary scorer (null: rules only); `segment` uses the shipped model. */
export function segmentWith(text: string, scorer: BoundaryScorer): Segmentation {
  tokenizeInto(text);
  const sentenceStarts = decideSentences(text, scorer);
  return { starts: starts.slice(0, count), ends: ends.slice(0, count), sentenceStarts };
}

export const SENTENCE_MODEL_FILE = 'sentences-ewt.model';

let shippedModel: BoundaryScorer | undefined;

/** The committed sentence model, loaded once per process; null (rules only) if it is absent. */
export function shippedSentenceModel(): BoundaryScorer {
  if (shippedModel === undefined) {
    const file = dataPath('models', SENTENCE_MODEL_FILE);
    shippedModel = existsSync(file) ? perceptronFrom('boundary', 2, readModelFile(file).arrays) : null;
  }
  return shippedModel;
}

export function segment(text: string): Segmentation {
  return segmentWith(text, shippedSentenceModel());
}

/**
 * One training instance per candidate gap of a text with known sentence starts: calls `visit`
 * with the features and the gold label. Used by the trainer (src/nlp/train/sentences.ts).
 */
export function visitBoundaryInstances(
  text: string,
  isGoldStart: (offset: number) => boolean,
  visit: (features: Uint32Array, count: number, label: number) => void,
): void {
  tokenizeInto(text);
  resetCaches();
  let current = 0;
  for (let t = 1; t < count; t++) {
    if ((flags[t]! & LINE_BEFORE) !== 0) {
      current = t;
      continue;
    }
    const gold = isGoldStart(starts[t]!);
    const rule = ruleBoundary(text, t);
    if (isTrainingCandidate(text, t, rule)) {
      const n = gapFeatures(text, t, rule, t - current, featureBuffer);
      visit(featureBuffer, n, gold ? 1 : 0);
    }
    if (gold) current = t;
  }
}
