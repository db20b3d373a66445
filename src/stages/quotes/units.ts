/**
 * Reporting units: sentences joined where a quotation runs across a sentence break inside one
 * paragraph ("called the deployment “dangerous. Very dangerous.”" is one unit, though the splitter
 * ends a sentence after the first "dangerous."). Attributions are looked for inside units, so a
 * quotation and its "he said" are never torn apart. Depends on core types only.
 */
import type { Sentence, Token } from '../../core/types.js';
import type { QuotedPiece } from './quote-marks.js';

export interface Unit {
  readonly start: number;
  readonly end: number;
  /** Token index range [first, last). */
  readonly first: number;
  readonly last: number;
  readonly paragraph: number;
}

export function buildUnits(
  sentences: readonly Sentence[],
  tokens: readonly Token[],
  pieces: readonly QuotedPiece[],
): Unit[] {
  // Where each sentence's tokens begin (tokens are in sentence order).
  const firstToken = new Array<number>(sentences.length + 1).fill(tokens.length);
  for (let i = tokens.length - 1; i >= 0; i--) firstToken[tokens[i]!.sentence] = i;
  for (let s = sentences.length - 1; s >= 0; s--) {
    if (firstToken[s]! > firstToken[s + 1]!) firstToken[s] = firstToken[s + 1]!;
  }

  /** A unit being built; `reach` is the offset its open quotations close at. */
  type Growing = {
    start: number;
    end: number;
    first: number;
    last: number;
    paragraph: number;
    reach: number;
    /** Text of the last sentence joined. */
    text: string;
  };
  const units: Growing[] = [];
  let p = 0;
  let current: Growing | null = null;
  for (const s of sentences) {
    // A sentence opening in lower case or with a closing bracket is the splitter's mistake
    // ("“…alright?” he urged them", "Blumenauer (D-Ore.) said"): it continues the unit.
    const continues = current !== null && /^[\p{Ll})\]]/u.test(s.text);
    if (current && s.paragraph === current.paragraph && (s.start < current.reach || continues)) {
      current.end = s.end;
      current.text = s.text;
      current.last = firstToken[s.index + 1]!;
    } else {
      if (current) units.push(current);
      current = {
        start: s.start,
        end: s.end,
        first: firstToken[s.index]!,
        last: firstToken[s.index + 1]!,
        paragraph: s.paragraph,
        reach: 0,
        text: s.text,
      };
    }
    // A quotation opening in this sentence pulls the sentences up to its closing mark into the unit.
    while (p < pieces.length && pieces[p]!.open < s.end) {
      const piece = pieces[p]!;
      if (piece.open >= current.start)
        current.reach = Math.max(current.reach, (piece.close ?? piece.end) + 1);
      p++;
    }
  }
  if (current) units.push(current);
  return units.map(({ reach: _reach, text: _text, ...u }) => u);
}
