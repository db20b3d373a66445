import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertSpans } from '../../core/span.js';
import { tokenize } from './index.js';

describe('tokens stage', () => {
  it('does not end sentences at abbreviations (U.S., Mr., Gen.)', () => {
    const text = 'The U.S. Pentagon said Mr. Austin met Gen. Brown in Washington. He left on Monday.';
    const { sentences } = tokenize(text);
    assert.equal(sentences.length, 2);
    assert.equal(sentences[0]!.text, 'The U.S. Pentagon said Mr. Austin met Gen. Brown in Washington.');
    assert.equal(sentences[1]!.start, text.indexOf('He left'));
    assertSpans(text, sentences);
  });

  it('gives every token its offsets, part of speech and lemma', () => {
    const text = 'North Korea has sent about 10,000 troops.';
    const { tokens } = tokenize(text);
    assertSpans(text, tokens);
    const sent = tokens.find((t) => t.text === 'sent')!;
    assert.equal(sent.start, 16);
    assert.equal(sent.pos, 'VERB');
    assert.equal(sent.lemma, 'send');
    assert.deepEqual(
      tokens.map((t) => t.text),
      ['North', 'Korea', 'has', 'sent', 'about', '10,000', 'troops', '.'],
    );
  });

  it('never lets a sentence cross a paragraph break (headlines stay apart)', () => {
    const text = 'Officials to meet counterparts\n\nDefense Secretary Lloyd Austin will meet them.';
    const { sentences } = tokenize(text);
    assert.equal(sentences.length, 2);
    assert.equal(sentences[0]!.text, 'Officials to meet counterparts');
    assert.equal(sentences[1]!.paragraph, 1);
  });

  it('keeps offsets right with curly quotes, emoji and non-ASCII letters', () => {
    const text = '“Très bien,” said Zelenskyy 🇺🇦 in Kyiv’s centre.';
    const { tokens } = tokenize(text);
    assertSpans(text, tokens);
    assert.ok(tokens.some((t) => t.text === 'Zelenskyy'));
  });

  it('tokenizes a text the same whatever was read before it', () => {
    const probe = "The FBI's national laboratory said so.";
    const words = () => tokenize(probe).tokens.map((t) => t.text);
    const alone = words();
    assert.deepEqual(alone, ['The', 'FBI', "'s", 'national', 'laboratory', 'said', 'so', '.']);
    tokenize("I am a big fan of the FBI's, but to go back and see that is hard.");
    tokenize('Officials of the U.S.-led coalition said it was re-examining the claims.');
    assert.deepEqual(words(), alone);
  });

  it('tags in Penn and universal tags, spells out clitics in the normal form', () => {
    const { tokens } = tokenize("Russia didn't say they're leaving.");
    const by = (w: string) => tokens.find((t) => t.text === w)!;
    assert.equal(by("n't").normal, 'not');
    assert.equal(by("'re").normal, 'are');
    assert.equal(by('say').xpos, 'VB');
    assert.equal(by('Russia').xpos, 'NNP');
    assert.equal(by('leaving').lemma, 'leave');
  });

  it('yields nothing for whitespace', () => {
    assert.deepEqual(tokenize('   \n  ').sentences, []);
  });
});

describe('tokens stage: hostile input', () => {
  it('splits an unbroken run into bounded tokens without moving any offset', () => {
    const text = `Before ${'x'.repeat(250)} after.`;
    const { tokens } = tokenize(text);
    assertSpans(text, tokens);
    assert.equal(tokens[0]!.text, 'Before');
    assert.equal(tokens.at(-1)!.text, '.');
    assert.ok(tokens.every((t) => t.end - t.start <= 250));
  });
});

describe('tokens stage: offsets after broken runs and long gaps', () => {
  it('keeps every token at its place after a run of one repeated mark and after many blank lines', () => {
    for (const text of [
      `${'('.repeat(50_000)} end.`,
      `${'“'.repeat(3000)} The minister left.`,
      `${'\n'.repeat(5000)}Late word.`,
    ]) {
      const { tokens, sentences } = tokenize(text);
      assertSpans(text, tokens);
      assertSpans(text, sentences);
      assert.ok(
        tokens.every((t) => t.end > t.start),
        'no empty token',
      );
      assert.equal(tokens.at(-1)!.end, text.length);
    }
  });
});
