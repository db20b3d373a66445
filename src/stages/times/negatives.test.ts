import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadTimesData } from '../../data/times.js';
import { tokenize } from '../tokens/index.js';
import { compileTimes, findTimes } from './index.js';

const matcher = compileTimes(loadTimesData());

/** Strings in which nothing is a time expression. */
const NEGATIVES = [
  'Turnout was 12.53% in the north.',
  'Ukraine asked for more F-16 jets.',
  'The fine was $2,000, or $2023 in all.',
  'Cases of COVID-19 rose sharply.',
  'About 2,000 troops crossed the border.',
  'See https://example.com/2024/10/28/story-2023.html for details.',
  'Call +1 (555) 201-2024 for information.',
  'Theresa May said the vote would go ahead.',
  'Protesters march through the capital.',
  'The Security Council adopted resolution 2231.',
  'He may sign the order.',
  'Athletes gathered for the Winter Olympics.',
  'After the fall of Kabul, many fled.',
  'Kharkiv is on the edge of the fall.',
  'The first 2000 troops crossed at dawn.',
  'The final score was 2:1 after extra time.',
];

describe('times stage: negatives', () => {
  for (const text of NEGATIVES) {
    it(`finds nothing in "${text}"`, () => {
      const found = findTimes(matcher, text, '2024-10-28', tokenize(text).tokens, 'times@test');
      assert.deepEqual(
        found.map((t) => t.text),
        [],
      );
    });
  }
});
