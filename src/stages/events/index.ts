/**
 * The `events` stage: CAMEO/PLOVER-coded events. PLACEHOLDER until its implementation lands.
 */
import type { Stage } from '../../pipeline/stage.js';

type Needs =
  | 'sentences'
  | 'tokens'
  | 'actors'
  | 'times'
  | 'places'
  | 'quantities'
  | 'quotes'
  | 'attributions';

export function createEventsStage(): Stage<Needs, 'events'> {
  return {
    name: 'events',
    version: 0,
    requires: ['sentences', 'tokens', 'actors', 'times', 'places', 'quantities', 'quotes', 'attributions'],
    provides: ['events'],
    run() {
      return { events: [] };
    },
  };
}
