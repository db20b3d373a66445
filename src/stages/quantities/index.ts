/**
 * The `quantities` stage: counts, amounts and measures with their unit and whether the text states
 * them exactly ("about 10,000 troops": 10000 troops, approximate, qualifier "about"). The finder is
 * ./find.ts; the words are data (data/quantities/). Depends on core, the stage contract and the
 * quantities data; never on store, CLI or HTTP.
 */
import type { Quantity, SitrepDocument } from '../../core/types.js';
import { loadQuantitiesData, type QuantitiesData } from '../../data/quantities.js';
import { type Stage, stageTag } from '../../pipeline/stage.js';
import { findQuantities } from './find.js';

export function createQuantitiesStage(
  data: QuantitiesData = loadQuantitiesData(),
): Stage<'sentences' | 'tokens', 'quantities'> {
  const requires: ('sentences' | 'tokens')[] = ['sentences', 'tokens'];
  const stage = {
    name: 'quantities',
    version: 1,
    requires,
    provides: ['quantities' as const],
    run(doc: SitrepDocument<'sentences' | 'tokens'>) {
      const by = stageTag(stage);
      const quantities: Quantity[] = findQuantities(doc.layers.tokens, data).map((q, i) => ({
        id: `q${i + 1}`,
        start: q.start,
        end: q.end,
        text: doc.text.slice(q.start, q.end),
        value: q.value,
        unit: q.unit,
        approximate: q.approximate,
        qualifier: q.qualifier,
        by,
        rule: q.rule,
      }));
      return { quantities };
    },
  };
  return stage;
}
