import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeModel, encodeModel, perceptronArrays, perceptronFrom } from './model-file.js';
import { argmax, hashString, mix, PerceptronTrainer } from './perceptron.js';

/** A toy task a linear model can learn: the class is the index of the one feature word present. */
function toyData(): { feats: Uint32Array; label: number }[] {
  const words = ['alpha', 'beta', 'gamma'];
  const out: { feats: Uint32Array; label: number }[] = [];
  for (let i = 0; i < 60; i++) {
    const label = i % 3;
    out.push({
      feats: Uint32Array.from([hashString(words[label]!), hashString(`noise${i % 7}`), mix(1, 2)]),
      label,
    });
  }
  return out;
}

test('the perceptron learns a separable task and the frozen model agrees with it', () => {
  const trainer = new PerceptronTrainer(3, 4);
  const scores = new Float32Array(3);
  const data = toyData();
  for (let epoch = 0; epoch < 5; epoch++) {
    for (const { feats, label } of data) {
      trainer.score(feats, feats.length, scores);
      const guess = argmax(scores);
      if (guess !== label) {
        trainer.update(feats, feats.length, label, 1);
        trainer.update(feats, feats.length, guess, -1);
      }
      trainer.tick();
    }
  }
  const frozen = trainer.freeze();
  assert.ok(frozen.rowCount > 0 && frozen.rowCount <= trainer.rowCount);
  for (const { feats, label } of data) {
    frozen.score(feats, feats.length, scores);
    assert.equal(argmax(scores), label);
  }
  // Round trip through the model file.
  const bytes = encodeModel({ name: 'toy', classes: ['a', 'b', 'c'] }, perceptronArrays('m', frozen));
  const back = decodeModel<{ name: string; classes: string[] }>(bytes);
  assert.deepEqual(back.header, { name: 'toy', classes: ['a', 'b', 'c'] });
  const loaded = perceptronFrom('m', 3, back.arrays);
  for (const { feats, label } of data) {
    loaded.score(feats, feats.length, scores);
    assert.equal(argmax(scores), label);
  }
});

test('hashes are stable across runs and order-sensitive', () => {
  assert.equal(hashString('word'), hashString('word'));
  assert.notEqual(hashString('word'), hashString('Word'));
  assert.notEqual(mix(1, 2), mix(2, 1));
});

test('a file that is not a model is refused by name', () => {
  assert.throws(
    () => decodeModel(Buffer.from('not a model at all'), 'x.bin'),
    /x\.bin: not a Sitrep model file/,
  );
});
