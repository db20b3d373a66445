/**
 * EWT's multiword tokens on our segmentation: the tokenizer gives syntactic words only (`do` `n't`),
 * while UD English writes a contraction as one surface token over its words (`2-3 don't`), and CoNLL
 * 2018's Tokens F1 counts surface tokens. A word continues the previous word's token when nothing
 * separates them and it is one of the pieces EWT's train split makes multiword tokens of (clitics
 * `'s n't 'm 'll 've 're 'd`, `not` of `cannot`, `na` of `gonna`/`wanna`, `ta` of `gotta`; 98% of
 * them). Used by the CoNLL-U writer and by the raw-text eval. Pure; no allocation per word beyond
 * the lower-casing of short forms.
 */

const CLITICS: ReadonlySet<string> = new Set(["'s", "n't", "'m", "'ll", "'ve", "'re", "'d"]);
/** Second halves that join only after a given first half. */
const AFTER: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['not', new Set(['can'])],
  ['na', new Set(['gon', 'wan'])],
  ['ta', new Set(['got'])],
]);

function lowerStraight(s: string): string {
  return s.toLowerCase().replaceAll('’', "'");
}

/** Word i (i > 0) is the next word of the surface token word i-1 belongs to. */
export function joinsPrevious(
  text: string,
  starts: ArrayLike<number>,
  ends: ArrayLike<number>,
  i: number,
): boolean {
  if (i <= 0 || starts[i] !== ends[i - 1]) return false;
  const length = ends[i]! - starts[i]!;
  if (length < 2 || length > 3) return false;
  const form = lowerStraight(text.slice(starts[i]!, ends[i]!));
  if (CLITICS.has(form)) return true;
  const firsts = AFTER.get(form);
  return firsts?.has(lowerStraight(text.slice(starts[i - 1]!, ends[i - 1]!))) === true;
}

/** Surface token spans over words [from, to): each word, or a run of words that join. */
export function surfaceTokens(
  text: string,
  starts: ArrayLike<number>,
  ends: ArrayLike<number>,
  from = 0,
  to = starts.length,
): { start: number; end: number; firstWord: number; lastWord: number }[] {
  const out: { start: number; end: number; firstWord: number; lastWord: number }[] = [];
  for (let i = from; i < to; i++) {
    const last = out[out.length - 1];
    if (last && i > from && joinsPrevious(text, starts, ends, i)) {
      last.end = ends[i]!;
      last.lastWord = i;
    } else {
      out.push({ start: starts[i]!, end: ends[i]!, firstWord: i, lastWord: i });
    }
  }
  return out;
}
