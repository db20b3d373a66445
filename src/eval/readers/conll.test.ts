import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { conllFile, parseConll } from './conll.js';

// The mirror's layout: -DOCSTART- after its document; IOB1 tags with B- only between two same-type entities.
const FIXTURE = `EU NNP I-NP I-ORG
rejects VBZ I-VP O
German JJ I-NP I-MISC
call NN I-NP O
. . O O

BRUSSELS NNP I-NP I-LOC
1996-08-22 CD I-NP O

-DOCSTART- -X- O O

Peter NNP I-NP I-PER
Blackburn NNP I-NP I-PER
Smith NNP I-NP B-PER
met IN I-PP O
New NNP I-NP I-LOC
York NNP I-NP I-LOC

-DOCSTART- -X- -X- O
`;

describe('CoNLL-2003 reader', () => {
  const docs = parseConll(FIXTURE);

  it('splits documents at -DOCSTART- wherever it sits', () => {
    assert.equal(docs.length, 2);
  });

  it('joins tokens by spaces and sentences by a blank line, entities as offsets', () => {
    const d = docs[0]!;
    assert.equal(d.text, 'EU rejects German call .\n\nBRUSSELS 1996-08-22');
    assert.deepEqual(
      d.entities.map((e) => [e.label, d.text.slice(e.start, e.end)]),
      [
        ['ORG', 'EU'],
        ['MISC', 'German'],
        ['LOC', 'BRUSSELS'],
      ],
    );
    assert.equal(d.entities[2]!.start, 26);
    assert.equal(d.date, '1996-08-22');
    assert.equal(d.tokens.length, 7);
  });

  it('decodes IOB1: I- continues, B- starts a new entity of the same type', () => {
    const d = docs[1]!;
    assert.deepEqual(
      d.entities.map((e) => [e.label, d.text.slice(e.start, e.end), e.start]),
      [
        ['PER', 'Peter Blackburn', 0],
        ['PER', 'Smith', 16],
        ['LOC', 'New York', 26],
      ],
    );
    assert.equal(d.date, null);
  });

  it('maps splits to the community files', () => {
    assert.equal(conllFile('dev'), 'eng.testa');
    assert.equal(conllFile('test'), 'eng.testb');
  });
});
