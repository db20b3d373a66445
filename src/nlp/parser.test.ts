import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { parseConllu } from './conllu.js';
import { DependencyTally } from './dependency-score.js';
import { encodeModel, perceptronArrays } from './model-file.js';
import { Configuration, DEFAULT_PARSER_PATH, Parser, TRANSITIONS } from './parser.js';
import { Tagger } from './tagger.js';
import {
  evaluateParser,
  isProjective,
  type TreeSentence,
  trainParser,
  transitionCosts,
  treeSentence,
} from './train/train-parser.js';

/** Heads 1-based, 0 = root: a well-formed tree has one root and no cycle. */
function assertTree(heads: Int32Array): void {
  const n = heads.length;
  let roots = 0;
  for (let i = 0; i < n; i++) {
    assert.ok(heads[i]! >= 0 && heads[i]! <= n && heads[i] !== i + 1, `head of ${i + 1} is ${heads[i]}`);
    if (heads[i] === 0) roots++;
  }
  if (n > 0) assert.equal(roots, 1);
  for (let i = 1; i <= n; i++) {
    let x = i;
    for (let steps = 0; x !== 0; steps++) {
      assert.ok(steps <= n, `cycle through ${i}`);
      x = heads[x - 1]!;
    }
  }
}

/** Follows the dynamic oracle: always the cheapest valid transition (SHIFT, LEFT, RIGHT on ties). */
function oracleParse(heads: readonly number[]): Int32Array {
  const n = heads.length;
  const forms = heads.map((_, i) => `w${i}`);
  const c = new Configuration();
  c.reset(forms, forms, forms);
  const gold = Int32Array.from([-1, ...heads]);
  const costs = new Int32Array(TRANSITIONS);
  while (!c.isTerminal()) {
    transitionCosts(c, gold, costs);
    let best = 0;
    for (let t = 1; t < TRANSITIONS; t++) if (costs[t]! < costs[best]!) best = t;
    c.apply(best, 0);
  }
  return c.heads.slice(1, n + 1);
}

test('the arc-hybrid oracle reproduces projective gold trees exactly', () => {
  const trees = [
    [0], // one word
    [2, 0, 2], // subject verb object
    [2, 3, 0, 5, 3, 3], // det noun verb det noun punct
    [4, 4, 4, 0, 6, 4, 8, 6, 4], // left dependents stacked on the root, then a chain to the right
    [0, 1, 2, 3, 4], // right-branching chain
    [2, 3, 4, 5, 0], // left-branching chain
  ];
  for (const heads of trees) {
    assert.ok(isProjective(heads));
    assert.deepEqual([...oracleParse(heads)], heads);
  }
});

test('a non-projective tree: the oracle loses only the crossing arc and still builds a tree', () => {
  // "A hearing is scheduled on the issue today": 'on' (5) attaches to 'hearing' (2) across 'scheduled'.
  const heads = [2, 4, 4, 0, 2, 7, 5, 4];
  assert.equal(isProjective(heads), false);
  const got = oracleParse(heads);
  assertTree(got);
  let right = 0;
  for (let i = 0; i < heads.length; i++) if (got[i] === heads[i]) right++;
  assert.equal(right, heads.length - 1);
});

/** A toy grammar: [det] [adj] noun verb [det] [adj] noun [punct]; the trees follow UD. */
function toySentences(count: number, seed: number): TreeSentence[] {
  let state = seed;
  const next = (k: number) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 16) % k;
  };
  const nouns = ['dog', 'cat', 'army', 'minister', 'city', 'bank'];
  const verbs = ['saw', 'attacked', 'met', 'visited'];
  const adjs = ['big', 'old', 'new'];
  const out: TreeSentence[] = [];
  for (let s = 0; s < count; s++) {
    const words: { form: string; upos: string; xpos: string; head: number; rel: string }[] = [];
    const add = (form: string, upos: string, xpos: string, head: number, rel: string) => {
      words.push({ form, upos, xpos, head, rel });
      return words.length;
    };
    // -1: the noun of this phrase; -2: the verb.
    const np = (rel: string) => {
      const start = words.length;
      if (next(2) === 1) add('the', 'DET', 'DT', -1, 'det');
      if (next(2) === 1) add(adjs[next(3)]!, 'ADJ', 'JJ', -1, 'amod');
      const noun = add(nouns[next(6)]!, 'NOUN', 'NN', -2, rel);
      for (let i = start; i < noun - 1; i++) words[i]!.head = noun;
    };
    np('nsubj');
    const verb = add(verbs[next(4)]!, 'VERB', 'VBD', 0, 'root');
    np('obj');
    if (next(2) === 1) add('.', 'PUNCT', '.', verb, 'punct');
    for (const w of words) if (w.head === -2) w.head = verb;
    out.push({
      forms: words.map((w) => w.form),
      upos: words.map((w) => w.upos),
      xpos: words.map((w) => w.xpos),
      heads: Int32Array.from(words.map((w) => w.head)),
      deprels: words.map((w) => w.rel),
    });
  }
  return out;
}

test('training in memory learns the toy grammar', () => {
  const train = toySentences(300, 7);
  const held = toySentences(100, 99);
  const { parser } = trainParser(train, null, { epochs: 4, seed: 3 });
  const scores = evaluateParser(parser, held);
  assert.ok(scores.uas > 0.95, `UAS ${scores.uas}`);
  assert.ok(scores.las > 0.95, `LAS ${scores.las}`);
  const { heads, deprels } = parser.parse(
    ['the', 'dog', 'saw', 'the', 'big', 'cat', '.'],
    [],
    ['DT', 'NN', 'VBD', 'DT', 'JJ', 'NN', '.'],
  );
  assert.deepEqual([...heads], [2, 3, 0, 6, 6, 3, 3]);
  assert.deepEqual(deprels, ['det', 'nsubj', 'root', 'det', 'amod', 'obj', 'punct']);
});

function modelBytes(parser: Parser): Buffer {
  const m = parser.models();
  return encodeModel(
    { labels: parser.labels },
    {
      ...perceptronArrays('transitions', m.transitions),
      ...perceptronArrays('relations', m.relations),
    },
  );
}

test('training is deterministic: same data and seed, same model bytes', () => {
  const train = toySentences(120, 11);
  const a = trainParser(train, null, { epochs: 3, seed: 5 });
  const b = trainParser(train, null, { epochs: 3, seed: 5 });
  assert.ok(modelBytes(a.parser).equals(modelBytes(b.parser)));
});

test('dependency scores follow the CoNLL 2018 definitions', () => {
  const tally = new DependencyTally();
  // gold: the(det) dog(nsubj:pass) was(aux:pass) bitten(root)
  const gold = { heads: [2, 4, 4, 0], deprels: ['det', 'nsubj:pass', 'aux:pass', 'root'] };
  // system: subtype missing on nsubj, 'was' attached to 'dog'
  const system = { heads: [2, 4, 2, 0], deprels: ['det', 'nsubj', 'aux', 'root'] };
  tally.add(gold, system);
  const s = tally.scores();
  assert.equal(s.uas, 3 / 4);
  assert.equal(s.las, 3 / 4);
  assert.equal(s.fullLas, 2 / 4);
  // content words: dog (nsubj), bitten (root); both right.
  assert.equal(s.clas, 1);
});

const EWT_DEV = path.join('..', 'shared', 'data', 'ud-english-ewt', 'en_ewt-ud-dev.conllu');
const TAGGER = path.join('data', 'models', 'tagger.bin');

test('the committed parser keeps its EWT dev scores with predicted tags (needs ../shared/data)', () => {
  assert.ok(existsSync(EWT_DEV), `${EWT_DEV} is missing: this floor test needs the shared UD data`);
  assert.ok(existsSync(DEFAULT_PARSER_PATH), 'data/models/parser.bin is missing');
  assert.ok(existsSync(TAGGER), 'data/models/tagger.bin is missing');
  const started = performance.now();
  const parser = Parser.load();
  const loadSeconds = (performance.now() - started) / 1000;
  assert.ok(loadSeconds < 2, `load took ${loadSeconds} s`);
  const tagger = Tagger.load(TAGGER);
  const dev = parseConllu(readFileSync(EWT_DEV, 'utf8'), EWT_DEV).map(treeSentence);
  const tagged = dev.map((s) => ({ ...s, ...tagger.tag(s.forms) }));
  const scores = evaluateParser(parser, tagged);
  assert.ok(scores.uas >= FLOOR_UAS, `dev UAS ${scores.uas}`);
  assert.ok(scores.las >= FLOOR_LAS, `dev LAS ${scores.las}`);
});

const FLOOR_UAS = 0.835;
const FLOOR_LAS = 0.8;

test('robustness: empty, one word, 500 words, all punctuation', () => {
  const train = toySentences(60, 3);
  const { parser } = trainParser(train, null, { epochs: 2, seed: 1 });
  const empty = parser.parse([], [], []);
  assert.equal(empty.heads.length, 0);
  assert.deepEqual(empty.deprels, []);
  const one = parser.parse(['Hello'], ['INTJ'], ['UH']);
  assert.deepEqual([...one.heads], [0]);
  assert.deepEqual(one.deprels, ['root']);
  const long = Array.from({ length: 500 }, (_, i) => ['the', 'dog', 'saw', ',', 'and'][i % 5]!);
  const longTags = Array.from({ length: 500 }, (_, i) => ['DT', 'NN', 'VBD', ',', 'CC'][i % 5]!);
  const parsed = parser.parse(long, longTags, longTags);
  assertTree(parsed.heads);
  assert.equal(parsed.deprels.length, 500);
  assert.ok(parsed.deprels.every((d) => d.length > 0));
  const punct = parser.parse(
    ['!', '?', '...', '"', '-'],
    ['PUNCT', 'PUNCT', 'PUNCT', 'PUNCT', 'PUNCT'],
    ['.', '.', ':', "''", ':'],
  );
  assertTree(punct.heads);
  // Tags longer or shorter than the words do not break it (missing tags read as '_').
  assertTree(parser.parse(['a', 'b', 'c'], [], ['DT']).heads);
});
