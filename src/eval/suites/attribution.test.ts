import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { AttributionScorer, attributionSuite, interleave, type ScoredAttribution } from './attribution.js';

const TEXT = 'Trump said the wall will be built. The plan is dead, Clinton told reporters.';
const at = (s: string, from = 0): [number, number] => {
  const i = TEXT.indexOf(s, from);
  return [i, i + s.length];
};
const GOLD: ScoredAttribution[] = [
  { source: [at('Trump')], cue: [at('said')], content: [at('the wall will be built')] },
  { source: [at('Clinton')], cue: [at('told')], content: [at('The plan is dead')] },
];

describe('attribution scorer', () => {
  it('scores a perfect prediction 1.0 on every span metric', () => {
    const s = new AttributionScorer();
    s.add(TEXT, GOLD, GOLD);
    const m = s.metrics();
    for (const k of [
      'source_f1',
      'source_overlap_f1',
      'cue_f1',
      'cue_overlap_f1',
      'content_overlap_f1',
      'pair_overlap_f1',
    ]) {
      assert.equal(m[k], 1, k);
    }
    assert.equal(m.n_gold, 2);
  });

  it('scores an empty prediction 0', () => {
    const s = new AttributionScorer();
    const misses = s.add(TEXT, GOLD, []);
    const m = s.metrics();
    assert.equal(m.source_f1, 0);
    assert.equal(m.cue_overlap_f1, 0);
    assert.equal(m.pair_overlap_f1, 0);
    assert.deepEqual(
      misses.map((x) => [x.kind, x.expected]),
      [
        ['source missed', 'Trump'],
        ['source missed', 'Clinton'],
        ['cue missed', 'said'],
        ['cue missed', 'told'],
      ],
    );
    assert.match(misses[0]!.context, /⟦Trump⟧ said/);
  });

  it('scores a half-right prediction between 0 and 1, exact below overlap', () => {
    const s = new AttributionScorer();
    // One attribution found with a longer source ("Clinton told" overlaps but is not exact), one missed.
    s.add(TEXT, GOLD, [
      { source: [at('Clinton told')], cue: [at('told')], content: [at('The plan is dead')] },
    ]);
    const m = s.metrics();
    assert.equal(m.source_f1, 0);
    assert.equal(m.source_overlap_f1, 2 / 3);
    assert.equal(m.cue_f1, 2 / 3);
    assert.equal(m.pair_overlap_f1, 2 / 3);
  });

  it('matches attributions without a source when neither side has one', () => {
    const s = new AttributionScorer();
    const noSource: ScoredAttribution = {
      source: null,
      cue: [at('said')],
      content: [at('the wall will be built')],
    };
    s.add(TEXT, [noSource], [noSource]);
    assert.equal(s.metrics().pair_overlap_f1, 1);
    assert.equal(s.metrics().source_f1, 0);
  });
});

describe('miss sampling', () => {
  it('takes misses from each document in turn, up to the limit', () => {
    const m = (kind: string) => ({ kind, expected: '', got: '', context: '' });
    const got = interleave([[m('a1'), m('a2'), m('a3')], [], [m('c1')]], 3).map((x) => x.kind);
    assert.deepEqual(got, ['a1', 'c1', 'a2']);
    assert.deepEqual(interleave([[m('a1')]], 0), []);
  });
});

describe('attribution suite', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sitrep-polnear-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('runs on a PolNeAR-shaped folder and scores both Sitrep and the peer', async () => {
    const root = path.join(dir, 'polnear', 'dev');
    mkdirSync(path.join(root, 'text'), { recursive: true });
    mkdirSync(path.join(root, 'attributions'), { recursive: true });
    writeFileSync(path.join(root, 'text', 'paper_2016-10-01_wall.txt'), TEXT);
    const ann = [
      `T1\tSource ${at('Trump').join(' ')}\tTrump`,
      `T2\tCue ${at('said').join(' ')}\tsaid`,
      `T3\tContent ${at('the wall will be built').join(' ')}\tthe wall will be built`,
      'E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1',
    ].join('\n');
    writeFileSync(path.join(root, 'attributions', 'paper_2016-10-01_wall_ab12.ann'), ann);
    // A second annotator's file for the same article is ignored.
    writeFileSync(path.join(root, 'attributions', 'paper_2016-10-01_wall_zz99.ann'), '');
    const r = await attributionSuite.run({ dataDir: dir, split: 'dev', limit: null, errors: 5 });
    assert.equal(r.n, 1);
    assert.equal(r.headline, 'source_f1');
    assert.equal(r.metrics.n_gold, 1);
    for (const [k, v] of Object.entries(r.metrics)) if (!k.startsWith('n_')) assert.ok(v >= 0 && v <= 1, k);
    // The peer finds "Trump said" exactly and also "Clinton told", which the gold leaves out here.
    assert.equal(r.peer!.metrics.source_recall, 1);
    assert.equal(r.peer!.metrics.source_precision, 0.5);
  });
});
