import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { alignBySpan, Conll18Tally, type SpanWords } from './conll18.js';

/** Words from [start, end, upos, head, deprel] rows; xpos and lemma follow upos. */
function words(rows: [number, number, string, number, string][]): SpanWords {
  return {
    starts: Int32Array.from(rows.map((r) => r[0])),
    ends: Int32Array.from(rows.map((r) => r[1])),
    upos: rows.map((r) => r[2]),
    xpos: rows.map((r) => r[2]),
    lemmas: rows.map((r) => r[2].toLowerCase()),
    heads: Int32Array.from(rows.map((r) => r[3])),
    deprels: rows.map((r) => r[4]),
  };
}

// "They don't go." — gold words They | do | n't | go | .
const gold = words([
  [0, 4, 'PRON', 3, 'nsubj'],
  [5, 7, 'AUX', 3, 'aux'],
  [7, 10, 'PART', 3, 'advmod'],
  [11, 13, 'VERB', -1, 'root'],
  [13, 14, 'PUNCT', 3, 'punct'],
]);

describe('CoNLL 2018 scores over words aligned by span', () => {
  it('gives 1 for every metric when the system is the gold', () => {
    const t = new Conll18Tally();
    t.add(gold, gold);
    for (const [k, v] of Object.entries(t.scores())) assert.equal(v, 1, k);
  });

  it('aligns exact spans only, in order', () => {
    const sys = words([
      [0, 4, 'PRON', 2, 'nsubj'],
      [5, 10, 'AUX', 2, 'aux'],
      [11, 13, 'VERB', -1, 'root'],
      [13, 14, 'PUNCT', 2, 'punct'],
    ]);
    assert.deepEqual([...alignBySpan(gold.starts, gold.ends, sys.starts, sys.ends)], [0, -1, -1, 2, 3]);
    const t = new Conll18Tally();
    t.add(gold, sys);
    // 3 of 5 gold and 3 of 4 system words match: F1 = 6 / 9.
    assert.equal(t.scores().words, 6 / 9);
    // Heads are mapped through the alignment: "They" -> "go" is right in both.
    assert.deepEqual(t.counts.uas, { gold: 5, system: 4, correct: 3 });
    // CLAS: gold content words They, n't (advmod), go; system They, go.
    assert.deepEqual(t.counts.clas, { gold: 3, system: 2, correct: 2 });
  });

  it('counts a head that is not aligned as wrong, and compares relations by their universal part', () => {
    const sys = words([
      [0, 4, 'PRON', 1, 'nsubj:pass'],
      [5, 10, 'AUX', 3, 'aux'],
      [11, 13, 'VERB', -1, 'root'],
      [13, 14, 'PUNCT', 1, 'punct'],
    ]);
    const t = new Conll18Tally();
    t.add(gold, sys);
    // "They" points at the unaligned "don't": wrong; "." points at it too: wrong.
    assert.equal(t.counts.uas.correct, 1);
    const relabel = words([
      [0, 4, 'PRON', 3, 'nsubj:pass'],
      [5, 7, 'AUX', 3, 'aux'],
      [7, 10, 'PART', 3, 'advmod'],
      [11, 13, 'VERB', -1, 'root'],
      [13, 14, 'PUNCT', 3, 'punct'],
    ]);
    const u = new Conll18Tally();
    u.add(gold, relabel);
    assert.equal(u.scores().las, 1);
  });

  it('scores tags and lemmas without a parse', () => {
    const t = new Conll18Tally();
    const noTree = { ...gold, heads: new Int32Array(0), deprels: [] };
    t.add(noTree, { ...noTree, upos: ['PRON', 'VERB', 'PART', 'VERB', 'PUNCT'] });
    assert.equal(t.scores().upos, 4 / 5);
    assert.equal(t.counts.uas.gold, 0);
  });
});
