import assert from 'node:assert/strict';
import { test } from 'node:test';
import { commentOf, formatConlluSentence, noSpaceAfter, parseConllu } from './conllu.js';

const SAMPLE = `# sent_id = s1
# text = I don't know.
1	I	I	PRON	PRP	_	3	nsubj	3:nsubj	_
2-3	don't	_	_	_	_	_	_	_	_
2	do	do	AUX	VBP	_	4	aux	4:aux	_
3	n't	not	PART	RB	_	4	advmod	4:advmod	_
4	know	know	VERB	VB	_	0	root	0:root	SpaceAfter=No
4.1	x	x	X	X	_	_	_	_	_
5	.	.	PUNCT	.	_	4	punct	4:punct	_

`;

test('CoNLL-U: words, ranges and comments are read, empty nodes skipped, and written back', () => {
  const [s] = parseConllu(SAMPLE);
  assert.ok(s);
  assert.equal(s.words.length, 5);
  assert.deepEqual(s.ranges, [{ first: 2, last: 3, form: "don't", misc: '_' }]);
  assert.equal(commentOf(s, 'text'), "I don't know.");
  assert.equal(s.words[3]!.head, 0);
  assert.equal(noSpaceAfter(s.words[3]!.misc), true);
  assert.equal(noSpaceAfter(s.words[0]!.misc), false);
  assert.equal(formatConlluSentence(s), SAMPLE.replace(/^4\.1.*\n/m, ''));
});

test('CoNLL-U: a line with the wrong column count names its line', () => {
  assert.throws(() => parseConllu('1\tonly\ttwo\n', 'bad.conllu'), /bad\.conllu:1: expected 10/);
});
