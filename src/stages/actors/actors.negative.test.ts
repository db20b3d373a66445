/** Strings in which the actors stage must find no one. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createDocument } from '../../pipeline/pipeline.js';
import { tokenize } from '../tokens/index.js';
import { createActorsStage } from './index.js';

const stage = createActorsStage();

const nothing = [
  '12.53%',
  'https://www.example.com/news/world/russia-ukraine-war-2024',
  'Monday',
  'In May, prices rose 12.53% in March and again on Friday.',
  'Let us know what you think: email us at tips@example.org.',
  'The turkey was roasted and served on china plates.',
  'Chad scored twice and Jordan assisted.',
  'The Korea question and the Korean Peninsula.',
  'It rained in Washington and snowed in Moscow.',
  'Pro-Russian and anti-American slogans filled the square.',
  'Ships crossed the South China Sea and the Persian Gulf.',
  'The president said nothing.',
  'General Motors said sales fell.',
  'By the way, the Latin American markets closed early.',
  'Posted 10:45 GMT, updated Monday 28 October 2024.',
  'The West Bank, West Virginia and Western Australia had rain.',
];

describe('actors stage: negative', () => {
  for (const text of nothing) {
    it(`finds no actor in ${JSON.stringify(text)}`, () => {
      const doc0 = createDocument(text, { published: '2024-10-28' });
      const { actors } = stage.run({ ...doc0, layers: tokenize(text) }, { debug: false });
      assert.deepEqual(
        actors.map((a) => `${a.name}: ${a.mentions.map((m) => m.text).join(', ')}`),
        [],
      );
    });
  }
});
