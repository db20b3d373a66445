/**
 * The `pos` suite: Sitrep's tokenizer, tagger and lemmatizer on UD English EWT and GUM news, with
 * gold tokenisation (UPOS, XPOS, lemma accuracy) and from raw text (Tokens, Sentences, Words F1 and
 * tags over aligned words, CoNLL 2018). The work is in ./ud-syntax.ts.
 */

import { EWT_FOLDER } from '../readers/ud.js';
import type { EvalOptions, EvalResult, EvalSuite } from '../suite.js';
import { runSyntaxSuite } from './ud-syntax.js';

const NAME = 'pos';
const HEADLINE = 'upos';

export const posSuite: EvalSuite = {
  name: NAME,
  dataFolder: EWT_FOLDER,
  headline: HEADLINE,
  async run(options: EvalOptions): Promise<EvalResult> {
    return runSyntaxSuite('pos', NAME, HEADLINE, options);
  },
};
