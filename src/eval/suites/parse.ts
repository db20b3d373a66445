/**
 * The `parse` suite: Sitrep's dependency parser on UD English EWT and GUM news, with gold
 * tokenisation (UAS, LAS, CLAS with predicted tags) and from raw text (the same over words aligned
 * by character span, beside Tokens, Sentences and Words F1, CoNLL 2018). The work is in
 * ./ud-syntax.ts.
 */

import { EWT_FOLDER } from '../readers/ud.js';
import type { EvalOptions, EvalResult, EvalSuite } from '../suite.js';
import { runSyntaxSuite } from './ud-syntax.js';

const NAME = 'parse';
const HEADLINE = 'las';

export const parseSuite: EvalSuite = {
  name: NAME,
  dataFolder: EWT_FOLDER,
  headline: HEADLINE,
  async run(options: EvalOptions): Promise<EvalResult> {
    return runSyntaxSuite('parse', NAME, HEADLINE, options);
  },
};
