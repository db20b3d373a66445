/**
 * The `times` stage. PLACEHOLDER until its implementation lands: provides an empty layer so the
 * pipeline runs end to end.
 */
import type { Stage } from '../../pipeline/stage.js';

export function createTimesStage(): Stage<'sentences' | 'tokens', 'times'> {
  const requires: ('sentences' | 'tokens')[] = ['sentences', 'tokens'];
  return {
    name: 'times',
    version: 0,
    requires,
    provides: ['times'],
    run() {
      return { times: [] };
    },
  };
}
