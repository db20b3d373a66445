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

/** Extends `best` with the longest match from `node`, token `j` on (recursive: a form and a lemma can branch). */
function walk(
  node: CueNode,
  tokens: readonly Token[],
  i: number,
  j: number,
  limit: number,
  best: CueMatch | null,
): CueMatch | null {
  let out = best;
  if (node.row && j > i && (!out || j > out.last)) out = { row: node.row, first: i, last: j };
  if (j >= limit) return out;
  const t = tokens[j]!;
  const a = node.next.get(t.normal);
  if (a) out = walk(a, tokens, i, j + 1, limit, out);
  const ap = node.nextByPos.get(t.normal)?.get(t.pos);
  if (ap) out = walk(ap, tokens, i, j + 1, limit, out);
  if (t.lemma !== t.normal) {
    const b = node.next.get(t.lemma);
    if (b) out = walk(b, tokens, i, j + 1, limit, out);
    const bp = node.nextByPos.get(t.lemma)?.get(t.pos);
    if (bp) out = walk(bp, tokens, i, j + 1, limit, out);
  }
  return out;
}

/** The longest cue starting at token `i` whose tokens all lie before token index `limit`, or null. */
export function matchCueAt(
  root: CueNode,
  tokens: readonly Token[],
  i: number,
  limit: number,
): CueMatch | null {
  return walk(root, tokens, i, i, limit, null);
}

export { tokenIndexAt } from '../../core/span.js';
