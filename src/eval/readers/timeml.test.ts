import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseTimemlJsonl, timemlFiles } from './timeml.js';

describe('TempEval-3 JSONL reader', () => {
  it('reads documents with the DCT date and TIMEX3 offsets', () => {
    const line = JSON.stringify({
      docid: 'X1',
      split: 'test',
      dct: '1998-02-06T22:19:00',
      text: '\n\nHe left Friday.',
      timex3: [{ tid: 't1', start: 10, end: 16, text: 'Friday', type: 'DATE', value: '1998-02-06' }],
    });
    const [d] = parseTimemlJsonl(`${line}\n\n`);
    assert.equal(d!.dct, '1998-02-06');
    assert.deepEqual(d!.timex, [{ start: 10, end: 16, text: 'Friday', type: 'DATE', value: '1998-02-06' }]);
    assert.equal(d!.text.slice(10, 16), 'Friday');
  });

  it('keeps TE3 platinum for test and TimeBank + AQUAINT for dev', () => {
    assert.deepEqual(timemlFiles('test'), ['te3-platinum.timex3.jsonl']);
    assert.ok(!timemlFiles('dev').includes('te3-platinum.timex3.jsonl'));
  });
});
