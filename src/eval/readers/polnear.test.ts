import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseBratAttributions, publishedFromName } from './polnear.js';

describe('PolNeAR reader', () => {
  it('reads source, cue and content of each E line, in any role order, with discontinuous spans', () => {
    const text = 'Trump said the wall will be built, and Mexico will pay. Officials, he added, agreed.';
    const ann = [
      'T1\tSource 0 5\tTrump',
      'T2\tCue 6 10\tsaid',
      'T3\tContent 11 54\tthe wall will be built, and Mexico will pay',
      'T4\tAttribution 6 10\tsaid',
      'E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1',
      'T5\tCue 67 72;73 74\tadded',
      'T6\tContent 56 65;76 82\tOfficials agreed',
      'the continuation of a span over a line break',
      'T7\tAttribution-no-source 67 72\tadded',
      'E2\tAttribution-no-source:T7 Cue:T5 Content:T6',
      'T8\tDiscard 0 5\tTrump',
    ].join('\n');
    const got = parseBratAttributions(ann);
    assert.equal(got.length, 2);
    assert.deepEqual(got[0]!.source!.fragments, [[0, 5]]);
    assert.equal(text.slice(...got[0]!.cue!.fragments[0]!), 'said');
    assert.equal(
      text.slice(...got[0]!.content!.fragments[0]!),
      'the wall will be built, and Mexico will pay',
    );
    assert.equal(got[1]!.source, null);
    assert.deepEqual(got[1]!.cue!.fragments, [
      [67, 72],
      [73, 74],
    ]);
    assert.deepEqual(got[1]!.content!.fragments, [
      [56, 65],
      [76, 82],
    ]);
  });

  it('takes the publication date from the file name', () => {
    assert.equal(publishedFromName('politico_2016-10-02_trump-says'), '2016-10-02');
    assert.equal(publishedFromName('no-date-here'), null);
  });
});
