/**
 * The `quantities` stage. PLACEHOLDER until its implementation lands: provides an empty layer so the
 * pipeline runs end to end.
 */
import type { Stage } from '../../pipeline/stage.js';

export function createQuantitiesStage(): Stage<'sentences' | 'tokens', 'quantities'> {
  const requires: ('sentences' | 'tokens')[] = ['sentences', 'tokens'];
  return {
    name: 'quantities',
    version: 0,
    requires,
    provides: ['quantities'],
    run() {
      return { quantities: [] };
    },
  };
}
