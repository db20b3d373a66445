/**
 * The `attribution` eval suite (stub: being filled in).
 */
import type { EvalOptions, EvalResult, EvalSuite } from '../suite.js';

export const attributionSuite: EvalSuite = {
  name: 'attribution',
  dataFolder: 'polnear',
  headline: 'source_f1',
  async run(options: EvalOptions): Promise<EvalResult> {
    return {
      suite: 'attribution',
      split: options.split,
      n: 0,
      metrics: { source_f1: 0 },
      peer: null,
      seconds: 0,
      misses: [],
      headline: 'source_f1',
    };
  },
};
