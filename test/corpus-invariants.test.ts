/**
 * Invariants of the whole pipeline on real articles and hostile inputs: a fixed sample (every 40th
 * article of ../shared/data/allsides-intl-news, read at run time, never copied) and the hostile
 * synthetic inputs of scripts/corpus-check.ts scaled down, each extracted through src/ and checked by
 * the same `checkDocument` as the full run (`node --import tsx scripts/corpus-check.ts`).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  checkDocument,
  type DocResult,
  hostileInputs,
  type InputDoc,
  isIsoDate,
  readCorpus,
  runOne,
} from '../scripts/corpus-check.js';
import type { LayerName, SitrepDocument } from '../src/core/types.js';
import { toExtractJson } from '../src/output/extract-json.js';
import { defaultPipeline } from '../src/pipeline/default.js';
import { createDocument } from '../src/pipeline/pipeline.js';
import { sharedPath } from './shared-path.js';

const pipeline = defaultPipeline();
const extractor = {
  run: (text: string, meta: { published: string | null; title?: string | null }) =>
    pipeline.run(createDocument(text, meta)),
  toJson: (doc: SitrepDocument<LayerName>) => toExtractJson(doc, pipeline.version),
};

/** Hostile inputs at 2% of the full size: 1 MB of one word becomes 20 KB. */
const SCALE = 0.02;
/**
 * CPU budget per document, generous for a loaded 2-core machine: catastrophic backtracking or a
 * quadratic pass over a hostile input overshoots it by orders of magnitude; normal work is ~1 µs/char.
 */
const budgetMs = (chars: number) => 3000 + chars * 0.1;
// First-run CPU time is asserted: a repeated run can hit wink-nlp's cache of tokenised strings.

function describeFailures(results: readonly DocResult[]): string {
  return results
    .filter((r) => r.error || r.failureCount)
    .slice(0, 8)
    .map(
      (r) =>
        `${r.id}: ${r.error ?? ''}${r.failures
          .slice(0, 3)
          .map((f) => `\n  [${f.check}] ${f.by ?? '-'}: ${f.detail}\n    ${f.item}`)
          .join('')}`,
    )
    .join('\n');
}

function runAll(docs: readonly InputDoc[]): DocResult[] {
  return docs.map((d, i) => runOne(extractor, d, i));
}

describe('corpus invariants', () => {
  const seed =
    'North Korea has sent about 3,000 troops to Russia, the Pentagon said on Monday. “We will respond,” ' +
    'Ms. Singh told reporters in Washington, according to officials, after missiles hit Kyiv last week.';
  const doc = extractor.run(seed, { published: '2024-10-28' });

  it('checkDocument passes a clean document and catches each broken invariant', () => {
    assert.deepEqual(checkDocument(doc), []);
    const L = doc.layers;
    assert.ok(
      L.times.length && L.places.length && L.quantities.length && L.actors.length,
      'fixture too thin',
    );
    const broken = (layers: object) => checkDocument({ ...doc, layers: { ...doc.layers, ...layers } });
    const checks = (layers: object) => new Set(broken(layers).map((f) => f.check));
    const [t, p, q, a] = [L.times[0]!, L.places[0]!, L.quantities[0]!, L.actors[0]!];
    assert.ok(checks({ times: [{ ...t, start: t.start + 1 }] }).has('span-text'));
    assert.ok(checks({ times: [{ ...t, end: seed.length + 5 }] }).has('span-range'));
    assert.ok(checks({ times: [{ ...t, from: '2024-10-28', to: '2024-10-01' }] }).has('time-order'));
    assert.ok(checks({ times: [{ ...t, from: '2024-02-30' }] }).has('time-iso'));
    assert.ok(checks({ places: [{ ...p, lat: 91 }] }).has('place-lat'));
    assert.ok(checks({ places: [{ ...p, lon: -181 }] }).has('place-lon'));
    assert.ok(checks({ places: [{ ...p, featureClass: 'city', country: null }] }).has('place-no-country'));
    assert.ok(checks({ quantities: [{ ...q, value: Number.POSITIVE_INFINITY }] }).has('quantity-finite'));
    assert.ok(checks({ quantities: [q, { ...q }] }).has('id-duplicate'));
    assert.ok(checks({ quotes: [{ ...q, speaker: 'a999' }] }).has('ref-dangling'));
    const mention = a.mentions[0]!;
    assert.ok(checks({ actors: [{ ...a, mentions: [{ ...mention, text: 'x' }] }] }).has('span-text'));
    if (L.events.length) {
      const e = L.events[0]!;
      assert.ok(checks({ events: [{ ...e, place: 'p999' }] }).has('ref-dangling'));
      assert.ok(
        checks({ events: [{ ...e, trigger: { ...e.trigger, end: e.trigger.end + 1 } }] }).has('span-text'),
      );
    }
    assert.ok(isIsoDate('2024-02-29') && !isIsoDate('2023-02-29') && !isIsoDate('2024-1-5'));
  });

  it('every 40th allsides article holds every invariant, without an exception', () => {
    const sample = readCorpus(sharedPath('data'), 'allsides').filter((_, i) => i % 40 === 0);
    assert.ok(sample.length > 90, `sample of ${sample.length}`);
    const results = runAll(sample);
    assert.equal(describeFailures(results), '');
    const slow = results.filter((r) => r.cpuFirstMs > budgetMs(r.chars));
    assert.deepEqual(
      slow.map((r) => `${r.id}: ${r.cpuFirstMs.toFixed(0)} ms for ${r.chars} chars`),
      [],
    );
  });

  it('hostile inputs finish in bounded time, without an exception, every invariant holding', () => {
    const results = runAll(hostileInputs(SCALE));
    assert.ok(results.length >= 20);
    assert.equal(describeFailures(results), '');
    const slow = results.filter((r) => r.cpuFirstMs > budgetMs(r.chars));
    assert.deepEqual(
      slow.map((r) => `${r.id}: ${r.cpuFirstMs.toFixed(0)} ms for ${r.chars} chars`),
      [],
    );
  });
});
