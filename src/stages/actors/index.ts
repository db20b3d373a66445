/**
 * The `actors` stage. PLACEHOLDER until its implementation lands: provides an empty layer so the
 * pipeline runs end to end.
 */
import type { Stage } from '../../pipeline/stage.js';

export function createActorsStage(): Stage<'sentences' | 'tokens', 'actors'> {
  const requires: ('sentences' | 'tokens')[] = ['sentences', 'tokens'];
  return {
    name: 'actors',
    version: 0,
    requires,
    provides: ['actors'],
    run() {
      return { actors: [] };
    },
  };
}
