/**
 * The `quotes` stage: direct quotes and reported speech. PLACEHOLDER until its implementation lands.
 */
import type { Stage } from '../../pipeline/stage.js';

export function createQuotesStage(): Stage<'sentences' | 'tokens' | 'actors', 'quotes' | 'attributions'> {
  return {
    name: 'quotes',
    version: 0,
    requires: ['sentences', 'tokens', 'actors'],
    provides: ['quotes', 'attributions'],
    run() {
      return { quotes: [], attributions: [] };
    },
  };
}
