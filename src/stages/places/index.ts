/**
 * The `places` stage. PLACEHOLDER until its implementation lands: provides an empty layer so the
 * pipeline runs end to end.
 */
import type { Stage } from '../../pipeline/stage.js';

export function createPlacesStage(): Stage<'sentences' | 'tokens' | 'actors', 'places'> {
  const requires: ('sentences' | 'tokens' | 'actors')[] = ['sentences', 'tokens', 'actors'];
  return {
    name: 'places',
    version: 0,
    requires,
    provides: ['places'],
    run() {
      return { places: [] };
    },
  };
}
