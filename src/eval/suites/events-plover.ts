/**
 * The `events-plover` eval suite (stub: being filled in).
 */
import type { EvalOptions, EvalResult, EvalSuite } from '../suite.js';

export const ploverSuite: EvalSuite = {
  name: 'events-plover',
  dataFolder: 'plover-gsr',
  headline: 'type_accuracy',
  async run(options: EvalOptions): Promise<EvalResult> {
    return {
      suite: 'events-plover',
      split: options.split,
      n: 0,
      metrics: { type_accuracy: 0 },
      peer: null,
      seconds: 0,
      misses: [],
      headline: 'type_accuracy',
    };
  },
};
