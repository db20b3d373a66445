import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countsPrf, matchSpans, spanCounts } from './spans.js';

const gold = [
  { start: 0, end: 5, label: 'LOC' },
  { start: 10, end: 20, label: 'PER' },
];

describe('span F1', () => {
  it('scores a perfect prediction 1.0', () => {
    for (const mode of ['exact', 'overlap'] as const) {
      const c = spanCounts(gold, gold, mode, true);
      assert.deepEqual(c, { tp: 2, fp: 0, fn: 0 });
      assert.equal(countsPrf(c).f1, 1);
    }
  });

  it('scores an empty prediction 0 (not NaN)', () => {
    const c = spanCounts(gold, [], 'exact');
    assert.deepEqual(c, { tp: 0, fp: 0, fn: 2 });
    assert.deepEqual(countsPrf(c), { precision: 0, recall: 0, f1: 0 });
    assert.deepEqual(countsPrf(spanCounts([], [], 'exact')), { precision: 0, recall: 0, f1: 0 });
  });

  it('scores a half-right prediction in between', () => {
    const pred = [
      { start: 0, end: 5, label: 'LOC' },
      { start: 30, end: 35, label: 'ORG' },
    ];
    const { precision, recall, f1 } = countsPrf(spanCounts(gold, pred, 'exact', true));
    assert.equal(precision, 0.5);
    assert.equal(recall, 0.5);
    assert.equal(f1, 0.5);
  });

  it('counts a boundary error in overlap mode but not in exact mode', () => {
    const pred = [{ start: 12, end: 20 }];
    assert.deepEqual(spanCounts(gold, pred, 'exact'), { tp: 0, fp: 1, fn: 2 });
    assert.deepEqual(spanCounts(gold, pred, 'overlap'), { tp: 1, fp: 0, fn: 1 });
  });

  it('lets one prediction match one gold span only', () => {
    const long = [{ start: 0, end: 20 }];
    assert.deepEqual(spanCounts(gold, long, 'overlap'), { tp: 1, fp: 0, fn: 1 });
  });

  it('requires the label to agree only when asked', () => {
    const pred = [{ start: 0, end: 5, label: 'PER' }];
    assert.equal(spanCounts(gold, pred, 'exact', true).tp, 0);
    assert.equal(spanCounts(gold, pred, 'exact', false).tp, 1);
  });

  it('prefers an exact match over a larger overlap', () => {
    const g = [{ start: 0, end: 10 }];
    const pred = [
      { start: 0, end: 9 },
      { start: 0, end: 10 },
    ];
    assert.deepEqual(matchSpans(g, pred, 'overlap').pairs, [[0, 1]]);
  });
});
