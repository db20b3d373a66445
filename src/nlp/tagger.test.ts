import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { DEFAULT_TAGGER_PATH, defaultTagger, Tagger } from './tagger.js';
import { EWT_DIR } from './train/manifest.js';
import { mulberry32 } from './train/random.js';
import { evaluateTagger, readEwt, retag, trainTagger } from './train/train-tagger.js';

// These tests read UD English EWT from ../shared/data at run time and fail when it is missing.
const train = readEwt('train');
const dev = readEwt('dev');

test('EWT is where the trainer looks for it', () => {
  assert.ok(existsSync(EWT_DIR), `missing ${EWT_DIR}`);
  assert.ok(train.length > 12000 && dev.length > 2000);
});

test('a tagger trained in memory on a small slice learns (dev UPOS well above a majority baseline)', () => {
  const lines: string[] = [];
  const result = trainTagger(train.slice(0, 800), dev.slice(0, 300), {
    epochs: 3,
    log: (l) => lines.push(l),
  });
  assert.equal(lines.length, 3);
  assert.match(lines[2]!, /^epoch 3\/3 {2}train \d+\.\d+ {2}dev UPOS \d+\.\d+ {2}XPOS \d+\.\d+/);
  assert.ok(result.epochs >= 1 && result.epochs <= 3);
  assert.ok(result.devScores.upos > 0.85, `dev UPOS ${result.devScores.upos}`);
  assert.ok(result.devScores.xpos > 0.8, `dev XPOS ${result.devScores.xpos}`);
  // Retagging replaces only the tags.
  const [again] = retag(result.tagger, dev.slice(0, 1));
  assert.deepEqual(
    again!.words.map((w) => w.form),
    dev[0]!.words.map((w) => w.form),
  );
});

test('training is deterministic: the same data and seed give the same model bytes', () => {
  const slice = train.slice(1000, 1400);
  const a = trainTagger(slice, dev.slice(0, 100), { epochs: 2, seed: 7 }).tagger.encode();
  const b = trainTagger(slice, dev.slice(0, 100), { epochs: 2, seed: 7 }).tagger.encode();
  assert.ok(a.equals(b));
  const c = trainTagger(slice, dev.slice(0, 100), { epochs: 2, seed: 8 }).tagger.encode();
  assert.ok(!a.equals(c), 'another seed shuffles differently');
  // The file round trip keeps the model.
  const back = Tagger.decode(a);
  assert.ok(back.encode().equals(a));
});

test('mulberry32 is a fixed sequence', () => {
  const r = mulberry32(1);
  const first = [r(), r(), r()];
  const s = mulberry32(1);
  assert.deepEqual([s(), s(), s()], first);
  assert.ok(first.every((x) => x >= 0 && x < 1));
});

test('the committed model tags EWT dev at its recorded level', () => {
  assert.ok(existsSync(DEFAULT_TAGGER_PATH), 'data/models/tagger.bin is committed');
  const tagger = defaultTagger();
  assert.equal(defaultTagger(), tagger);
  const scores = evaluateTagger(tagger, dev);
  assert.ok(scores.upos >= 0.948, `dev UPOS ${scores.upos}`);
  assert.ok(scores.xpos >= 0.942, `dev XPOS ${scores.xpos}`);
});

test('tag() returns one UPOS and one PTB tag per word, as interned strings', () => {
  const tagger = defaultTagger();
  const words = ['The', 'president', 'said', 'he', 'would', "n't", 'resign', '.'];
  const { upos, xpos } = tagger.tag(words);
  assert.equal(upos.length, words.length);
  assert.deepEqual(upos, ['DET', 'NOUN', 'VERB', 'PRON', 'AUX', 'PART', 'VERB', 'PUNCT']);
  assert.deepEqual(xpos, ['DT', 'NN', 'VBD', 'PRP', 'MD', 'RB', 'VB', '.']);
  const again = tagger.tag(['The', 'end']);
  assert.equal(again.upos[0], upos[0]);
  assert.deepEqual(tagger.tag([]), { upos: [], xpos: [] });
  // A sentence longer than any buffer grows them.
  const long = Array.from({ length: 3000 }, (_, i) => (i % 2 === 0 ? 'the' : 'dog'));
  assert.equal(tagger.tag(long).upos.length, 3000);
});
