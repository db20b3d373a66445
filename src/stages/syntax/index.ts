/**
 * The `syntax` stage: a dependency parse of every sentence (UD v2 basic trees with subtypes) by the
 * trained transition parser in data/models (src/nlp/parser.ts). Heads become document-wide token
 * indices (-1 for a sentence's root); later stages read them through src/nlp/tree.ts.
 */
import type { SitrepDocument, Syntax } from '../../core/types.js';
import { defaultParser, type Parser } from '../../nlp/parser.js';
import type { Stage } from '../../pipeline/stage.js';

export function parseDocument(doc: SitrepDocument<'sentences' | 'tokens'>, parser: Parser): Syntax {
  const tokens = doc.layers.tokens;
  const heads = new Array<number>(tokens.length).fill(-1);
  const deprels = new Array<string>(tokens.length).fill('dep');
  let i = 0;
  while (i < tokens.length) {
    const sentence = tokens[i]!.sentence;
    let end = i;
    while (end < tokens.length && tokens[end]!.sentence === sentence) end++;
    const words = tokens.slice(i, end);
    const parse = parser.parse(
      words.map((t) => t.text),
      words.map((t) => t.pos),
      words.map((t) => t.xpos),
      words.map((t) => t.lemma),
    );
    for (let k = 0; k < words.length; k++) {
      const h = parse.heads[k]!;
      heads[i + k] = h === 0 ? -1 : i + h - 1;
      deprels[i + k] = parse.deprels[k]!;
    }
    i = end;
  }
  return { heads, deprels };
}

export function createSyntaxStage(parser?: Parser): Stage<'sentences' | 'tokens', 'syntax'> {
  let loaded = parser ?? null;
  return {
    name: 'syntax',
    version: 1,
    requires: ['sentences', 'tokens'],
    provides: ['syntax'],
    run(doc) {
      loaded ??= defaultParser();
      return { syntax: parseDocument(doc, loaded) };
    },
  };
}
