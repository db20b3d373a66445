/**
 * The UD reader on the real treebanks beside the project (missing data fails, never skips): every
 * gold word's span holds its form, gold scored against itself is perfect, and EWT's multiword tokens
 * are what src/nlp/multiword.ts makes of the gold words.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseConllu } from '../../nlp/conllu.js';
import { surfaceTokens } from '../../nlp/multiword.js';
import { spanF1 } from '../../nlp/segmentation-score.js';
import { defaultDataDir } from '../run-eval.js';
import { Conll18Tally } from '../score/conll18.js';
import { readUdCorpus, udCorpora, udDocuments } from './ud.js';

describe('UD documents for the syntax suites', () => {
  it('splits at newdoc, keeps paragraphs, and spans hold the forms', () => {
    const conllu = [
      '# newdoc id = a',
      "# text = don't.",
      "1-2\tdon't\t_\t_\t_\t_\t_\t_\t_\t_",
      '1\tdo\tdo\tAUX\tVBP\t_\t0\troot\t_\t_',
      "2\tn't\tnot\tPART\tRB\t_\t1\tadvmod\t_\tSpaceAfter=No",
      '3\t.\t.\tPUNCT\t.\t_\t1\tpunct\t_\t_',
      '',
      '# newpar',
      '# text = Yes',
      '1\tYes\tyes\tINTJ\tUH\t_\t0\troot\t_\t_',
      '',
      '# newdoc id = b',
      '# text = No',
      '1\tNo\tno\tINTJ\tUH\t_\t0\troot\t_\t_',
      '',
    ].join('\n');
    const docs = udDocuments(parseConllu(conllu));
    assert.deepEqual(
      docs.map((d) => [d.id, d.text]),
      [
        ['a', "don't.\n\nYes"],
        ['b', 'No'],
      ],
    );
    const a = docs[0]!;
    assert.deepEqual(
      a.tokens.map((t) => a.text.slice(t.start, t.end)),
      ["don't", '.', 'Yes'],
    );
    assert.deepEqual([...a.words.heads], [-1, 0, 0, -1]);
    assert.deepEqual(
      a.sentences.map((s) => s.firstWord),
      [0, 3],
    );
    assert.equal(udDocuments(parseConllu(conllu), 1).length, 1);
  });

  for (const split of ['dev', 'test'] as const) {
    for (const corpus of udCorpora(split)) {
      it(`${corpus.name} ${split}: gold words at their spans, gold against gold perfect`, () => {
        const docs = readUdCorpus(defaultDataDir(), corpus, null);
        assert.ok(docs.length > 0);
        const tally = new Conll18Tally();
        let gold = 0;
        let correct = 0;
        let system = 0;
        for (const d of docs) {
          d.words.forms.forEach((f, i) => {
            assert.equal(d.text.slice(d.words.starts[i], d.words.ends[i]), f);
          });
          tally.add(d.words, d.words);
          // Multiword tokens rebuilt from the gold words, sentence by sentence.
          const rebuilt = d.sentences.flatMap((s, k) =>
            surfaceTokens(
              d.text,
              d.words.starts,
              d.words.ends,
              s.firstWord,
              d.sentences[k + 1]?.firstWord ?? d.words.forms.length,
            ),
          );
          const score = spanF1(d.tokens, rebuilt, d.text);
          gold += score.gold;
          system += score.system;
          correct += score.correct;
        }
        for (const [k, v] of Object.entries(tally.scores())) assert.equal(v, 1, k);
        const f1 = (2 * correct) / (gold + system);
        // What is left are EWT's multiword tokens of misspellings (`its`, `dont`, `Im`).
        assert.ok(f1 > 0.995, `multiword tokens from gold words: F1 ${f1.toFixed(4)}`);
      });
    }
  }
});
