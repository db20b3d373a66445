import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dedupeSpans, matchSpans, trimFragments } from './attribution-spans.js';

describe('attribution span matching', () => {
  it('trims edge whitespace and punctuation, keeping inner text and offsets', () => {
    const text = 'He said, “Mr. Rutte,” told reporters.';
    const start = text.indexOf('“Mr.');
    assert.deepEqual(trimFragments(text, [[start, start + 12]]), [[start + 1, start + 10]]);
    assert.equal(trimFragments(text, [[7, 9]]), null);
  });

  it('matches exactly only identical fragments, one to one', () => {
    const m = matchSpans(
      [
        [[0, 5]],
        [[10, 15]],
        [
          [20, 25],
          [30, 35],
        ],
      ],
      [[[0, 5]], [[10, 14]], [[0, 5]]],
      'exact',
    );
    assert.deepEqual([m.tp, m.fp, m.fn], [1, 2, 2]);
    assert.deepEqual(m.goldToPred, [0, -1, -1]);
  });

  it('matches by overlap, the largest overlap first, never one prediction twice', () => {
    const m = matchSpans([[[0, 10]], [[12, 20]]], [[[5, 15]]], 'overlap');
    assert.deepEqual([m.tp, m.fp, m.fn], [1, 0, 1]);
    assert.deepEqual(m.goldToPred, [0, -1]);
    const disc = matchSpans(
      [
        [
          [0, 3],
          [40, 45],
        ],
      ],
      [[[42, 50]]],
      'overlap',
    );
    assert.equal(disc.tp, 1);
  });

  it('scores nothing against nothing as zero counts, and everything missed as false negatives', () => {
    assert.deepEqual([matchSpans([], [], 'exact').tp, matchSpans([], [], 'exact').fn], [0, 0]);
    const m = matchSpans([[[0, 4]]], [], 'overlap');
    assert.deepEqual([m.tp, m.fp, m.fn], [0, 0, 1]);
  });

  it('counts a span cited twice once', () => {
    assert.equal(dedupeSpans([[[0, 4]], [[0, 4]], [[5, 9]]]).length, 2);
  });
});
