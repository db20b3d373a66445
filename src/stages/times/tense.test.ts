import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadTimesData } from '../../data/times.js';
import { tokenize } from '../tokens/index.js';
import { clauseTense, indexCues } from './tense.js';

const cues = indexCues(loadTimesData().cues);

function tenseAround(text: string, target: string): string | null {
  const start = text.indexOf(target);
  return clauseTense(tokenize(text).tokens, start, start + target.length, cues);
}

describe('times clause tense', () => {
  const cases: [string, string, string | null][] = [
    ['The Pentagon said Monday that troops moved.', 'Monday', 'past'],
    ['Austin will meet his counterpart on Thursday.', 'Thursday', 'future'],
    ['Troops will be deployed on Wednesday.', 'Wednesday', 'future'],
    ['The summit is to be held on Friday.', 'Friday', 'future'],
    ['On Friday, the ministers signed the deal.', 'Friday', 'past'],
    ['The rights can be exercised until Nov. 21.', 'Nov. 21', null],
    ['Orban goes to Moscow on Tuesday.', 'Tuesday', 'present'],
    ['Police have searched for him since the Dec. 3 attack.', 'Dec. 3', 'completed'],
    ['The board authorized a split, payable Dec. 7 to holders.', 'Dec. 7', null],
    ['The rallies in June mark the day when thousands were killed.', 'June', null],
  ];
  for (const [text, target, want] of cases) {
    it(`${target} in "${text}" is ${want ?? 'open'}`, () => {
      assert.equal(tenseAround(text, target), want);
    });
  }
});
