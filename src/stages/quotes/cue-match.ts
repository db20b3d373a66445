/**
 * Longest-match lookup of a cue trie (see src/data/quotes.ts) against the tokens layer. Each token is
 * tried by its lower-cased form and its lemma, bare and with its POS tag, so `declined to confirm`
 * matches a `decline to confirm` row and `may@AUX` does not match the month. Depends on core types and
 * the compiled data shape only.
 */
import type { Token } from '../../core/types.js';
import type { CueNode, CueRow } from '../../data/quotes.js';

export interface CueMatch {
  readonly row: CueRow;
  /** Index of the first token of the match. */
  readonly first: number;
  /** Index one past the last token of the match. */
  readonly last: number;
}

function keysOf(t: Token): string[] {
  const keys = [t.normal, `${t.normal}@${t.pos}`];
  if (t.lemma !== t.normal) keys.push(t.lemma, `${t.lemma}@${t.pos}`);
  return keys;
}

/**
 * The longest cue starting at token `i` whose tokens all lie before token index `limit`, or null.
 * Depth-first, since a token's normal form and lemma can lead to different branches.
 */
export function matchCueAt(
  root: CueNode,
  tokens: readonly Token[],
  i: number,
  limit: number,
): CueMatch | null {
  let best: CueMatch | null = null;
  const walk = (node: CueNode, j: number): void => {
    if (node.row && j > i && (!best || j > best.last)) best = { row: node.row, first: i, last: j };
    if (j >= limit) return;
    const t = tokens[j]!;
    for (const key of keysOf(t)) {
      const child = node.next.get(key);
      if (child) walk(child, j + 1);
    }
  };
  walk(root, i);
  return best;
}

/** Index of the first token that ends after `offset` (tokens are in text order). */
export function tokenIndexAt(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
