import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { joinsPrevious, surfaceTokens } from './multiword.js';

/** Words of `text` split at the given cut points (no gaps other than spaces). */
function wordsOf(text: string, pieces: string[]): { starts: number[]; ends: number[] } {
  const starts: number[] = [];
  const ends: number[] = [];
  let at = 0;
  for (const p of pieces) {
    at = text.indexOf(p, at);
    starts.push(at);
    ends.push(at + p.length);
    at += p.length;
  }
  return { starts, ends };
}

describe('EWT multiword tokens over syntactic words', () => {
  it('joins clitics and cannot/gonna/gotta to the word before them', () => {
    const text = "I don't know, we can't go: cannot, gonna, gotta, John’s cat, she'll.";
    const pieces = [
      'I',
      'do',
      "n't",
      'know',
      ',',
      'we',
      'ca',
      "n't",
      'go',
      ':',
      'can',
      'not',
      ',',
      'gon',
      'na',
      ',',
      'got',
      'ta',
      ',',
      'John',
      '’s',
      'cat',
      ',',
      'she',
      "'ll",
      '.',
    ];
    const w = wordsOf(text, pieces);
    const forms = surfaceTokens(text, w.starts, w.ends).map((t) => text.slice(t.start, t.end));
    assert.deepEqual(forms, [
      'I',
      "don't",
      'know',
      ',',
      'we',
      "can't",
      'go',
      ':',
      'cannot',
      ',',
      'gonna',
      ',',
      'gotta',
      ',',
      'John’s',
      'cat',
      ',',
      "she'll",
      '.',
    ]);
  });

  it('never joins across a space, punctuation or an unlisted piece', () => {
    const text = "the 's x U.S., na not";
    const w = wordsOf(text, ['the', "'s", 'x', 'U.S.', ',', 'na', 'not']);
    for (let i = 1; i < w.starts.length; i++)
      assert.equal(joinsPrevious(text, w.starts, w.ends, i), false, String(i));
  });
});
