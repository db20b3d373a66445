import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultLemmatizer, Lemmatizer, ruleLemma, trainLemmatizer } from './lemmatizer.js';
import { readEwt } from './train/train-tagger.js';

test('suffix rules: inflections, undoubling, e-restoration, comparatives', () => {
  const cases: [string, string, string][] = [
    ['running', 'VBG', 'run'],
    ['making', 'VBG', 'make'],
    ['stopped', 'VBD', 'stop'],
    ['expelled', 'VBN', 'expel'],
    ['patrolled', 'VBD', 'patrol'],
    ['shelled', 'VBD', 'shell'],
    ['installed', 'VBD', 'install'],
    ['called', 'VBD', 'call'],
    ['created', 'VBN', 'create'],
    ['used', 'VBN', 'use'],
    ['related', 'VBN', 'relate'],
    ['treated', 'VBN', 'treat'],
    ['wanted', 'VBD', 'want'],
    ['studies', 'NNS', 'study'],
    ['studies', 'VBZ', 'study'],
    ['boxes', 'NNS', 'box'],
    ['cities', 'NNS', 'city'],
    ['bigger', 'JJR', 'big'],
    ['happiest', 'JJS', 'happy'],
    ['larger', 'JJR', 'large'],
    ['The', 'DT', 'the'],
    ['States', 'NNPS', 'State'],
    ['Obama', 'NNP', 'Obama'],
  ];
  for (const [form, xpos, lemma] of cases) assert.equal(ruleLemma(form, xpos), lemma, `${form}/${xpos}`);
});

test('the exception lexicon learned from train fixes what rules cannot', () => {
  const lemmatizer = trainLemmatizer(readEwt('train'));
  assert.equal(lemmatizer.lemma('better', 'ADJ', 'JJR'), 'good');
  assert.equal(lemmatizer.lemma('was', 'AUX', 'VBD'), 'be');
  assert.equal(lemmatizer.lemma('Was', 'AUX', 'VBD'), 'be');
  assert.equal(lemmatizer.lemma('went', 'VERB', 'VBD'), 'go');
  assert.equal(lemmatizer.lemma('children', 'NOUN', 'NNS'), 'child');
  assert.equal(lemmatizer.lemma('me', 'PRON', 'PRP'), 'I');
  // EWT: the clitic is "be" as a verb, itself as the possessive marker.
  assert.equal(lemmatizer.lemma("'s", 'AUX', 'VBZ'), 'be');
  assert.equal(lemmatizer.lemma("'s", 'PART', 'POS'), "'s");
  assert.equal(lemmatizer.lemma("n't", 'PART', 'RB'), 'not');
  assert.equal(lemmatizer.lemma('ca', 'AUX', 'MD'), 'can');
  // Words not in the lexicon fall back to the rules.
  assert.equal(lemmatizer.lemma('reblogged', 'VERB', 'VBD'), 'reblog');
});

test('the lexicon survives its file and the committed lemmatizer is accurate on EWT dev (gold tags)', () => {
  const lemmatizer = defaultLemmatizer();
  assert.ok(lemmatizer.size > 500);
  let right = 0;
  let total = 0;
  for (const s of readEwt('dev')) {
    for (const w of s.words) {
      total++;
      if (lemmatizer.lemma(w.form, w.upos, w.xpos) === w.lemma) right++;
    }
  }
  assert.ok(right / total >= 0.985, `dev lemma accuracy ${right / total}`);
  const empty = new Lemmatizer([]);
  assert.equal(empty.lemma('went', 'VERB', 'VBD'), 'went');
});
