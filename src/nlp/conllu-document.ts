/**
 * A document's tokens, sentences and syntax layers built from CoNLL-U: the text is the words joined
 * by their SpaceAfter flags, sentences by a space. Lets rules that read the parse be pinned to
 * hand-checked trees (test fixtures) and lets `sitrep eval` score stages on gold parses.
 */
import type { Sentence, Syntax, Token } from '../core/types.js';
import { type ConlluSentence, noSpaceAfter, parseConllu } from './conllu.js';

export interface ConlluLayers {
  readonly text: string;
  readonly sentences: Sentence[];
  readonly tokens: Token[];
  readonly syntax: Syntax;
}

export function layersFromConllu(source: string | readonly ConlluSentence[]): ConlluLayers {
  const parsed = typeof source === 'string' ? parseConllu(source) : source;
  let text = '';
  const sentences: Sentence[] = [];
  const tokens: Token[] = [];
  const heads: number[] = [];
  const deprels: string[] = [];
  for (const s of parsed) {
    if (text !== '') text += ' ';
    const first = tokens.length;
    const start = text.length;
    s.words.forEach((w, k) => {
      const at = text.length;
      text += w.form;
      const space = k < s.words.length - 1 && !noSpaceAfter(w.misc);
      tokens.push({
        index: tokens.length,
        start: at,
        end: at + w.form.length,
        text: w.form,
        pos: w.upos,
        xpos: w.xpos,
        normal: w.form.toLowerCase(),
        lemma: w.upos === 'PROPN' ? w.lemma : w.lemma.toLowerCase(),
        sentence: sentences.length,
        spaceAfter: space,
      });
      heads.push(w.head === 0 ? -1 : first + w.head - 1);
      deprels.push(w.deprel);
      if (space) text += ' ';
    });
    sentences.push({
      index: sentences.length,
      start,
      end: text.length,
      text: text.slice(start),
      paragraph: 0,
    });
  }
  return { text, sentences, tokens, syntax: { heads, deprels } };
}
