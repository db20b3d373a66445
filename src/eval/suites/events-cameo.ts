/**
 * The `events-cameo` eval suite (stub: being filled in).
 */
import type { EvalOptions, EvalResult, EvalSuite } from '../suite.js';

export const cameoSuite: EvalSuite = {
  name: 'events-cameo',
  dataFolder: 'petrarch2',
  headline: 'root_agreement',
  async run(options: EvalOptions): Promise<EvalResult> {
    return {
      suite: 'events-cameo',
      split: options.split,
      n: 0,
      metrics: { root_agreement: 0 },
      peer: null,
      seconds: 0,
      misses: [],
      headline: 'root_agreement',
    };
  },
};
