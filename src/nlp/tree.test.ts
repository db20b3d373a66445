import assert from 'node:assert/strict';
import { test } from 'node:test';
import { layersFromConllu } from './conllu-document.js';
import { DependencyTree } from './tree.js';

// Hand-parsed in UD v2 English style (EWT conventions).
const SENTENCES = `# text = Russia and China met Iran and signed a deal.
1	Russia	Russia	PROPN	NNP	_	4	nsubj	_	_
2	and	and	CCONJ	CC	_	3	cc	_	_
3	China	China	PROPN	NNP	_	1	conj	_	_
4	met	meet	VERB	VBD	_	0	root	_	_
5	Iran	Iran	PROPN	NNP	_	4	obj	_	_
6	and	and	CCONJ	CC	_	7	cc	_	_
7	signed	sign	VERB	VBD	_	4	conj	_	_
8	a	a	DET	DT	_	9	det	_	_
9	deal	deal	NOUN	NN	_	7	obj	_	SpaceAfter=No
10	.	.	PUNCT	.	_	4	punct	_	_

# text = Kharkiv was not attacked by Russian forces, officials said.
1	Kharkiv	Kharkiv	PROPN	NNP	_	4	nsubj:pass	_	_
2	was	be	AUX	VBD	_	4	aux:pass	_	_
3	not	not	PART	RB	_	4	advmod	_	_
4	attacked	attack	VERB	VBN	_	10	ccomp	_	_
5	by	by	ADP	IN	_	7	case	_	_
6	Russian	Russian	ADJ	JJ	_	7	amod	_	_
7	forces	force	NOUN	NNS	_	4	obl:agent	_	SpaceAfter=No
8	,	,	PUNCT	,	_	4	punct	_	_
9	officials	official	NOUN	NNS	_	10	nsubj	_	_
10	said	say	VERB	VBD	_	0	root	_	SpaceAfter=No
11	.	.	PUNCT	.	_	10	punct	_	_

# text = Ukraine urged NATO to send troops to the border.
1	Ukraine	Ukraine	PROPN	NNP	_	2	nsubj	_	_
2	urged	urge	VERB	VBD	_	0	root	_	_
3	NATO	NATO	PROPN	NNP	_	2	obj	_	_
4	to	to	PART	TO	_	5	mark	_	_
5	send	send	VERB	VB	_	2	xcomp	_	_
6	troops	troops	NOUN	NNS	_	5	obj	_	_
7	to	to	ADP	IN	_	9	case	_	_
8	the	the	DET	DT	_	9	det	_	_
9	border	border	NOUN	NN	_	5	obl	_	SpaceAfter=No
10	.	.	PUNCT	.	_	2	punct	_	_

# text = If Russia's attack on Kyiv continues, they will respond.
1	If	if	SCONJ	IN	_	7	mark	_	_
2	Russia	Russia	PROPN	NNP	_	4	nmod:poss	_	SpaceAfter=No
3	's	's	PART	POS	_	2	case	_	_
4	attack	attack	NOUN	NN	_	7	nsubj	_	_
5	on	on	ADP	IN	_	6	case	_	_
6	Kyiv	Kyiv	PROPN	NNP	_	4	nmod	_	_
7	continues	continue	VERB	VBZ	_	11	advcl	_	SpaceAfter=No
8	,	,	PUNCT	,	_	7	punct	_	_
9	they	they	PRON	PRP	_	11	nsubj	_	_
10	will	will	AUX	MD	_	11	aux	_	_
11	respond	respond	VERB	VB	_	0	root	_	SpaceAfter=No
12	.	.	PUNCT	.	_	11	punct	_	_
`;

const doc = layersFromConllu(SENTENCES);
const tree = new DependencyTree(doc.tokens, doc.syntax);
/** Document-wide index of the n-th occurrence of a word. */
const at = (form: string, nth = 0) => doc.tokens.filter((t) => t.text === form)[nth]!.index;
const words = (ids: number[]) => ids.map((i) => doc.tokens[i]!.text);

test('the fixture text is the words joined by their spacing', () => {
  assert.ok(doc.text.startsWith('Russia and China met Iran and signed a deal. Kharkiv was not'));
  for (const t of doc.tokens) assert.equal(doc.text.slice(t.start, t.end), t.text);
});

test('subjects: coordinated subjects, shared by a coordinated predicate', () => {
  assert.deepEqual(words(tree.subjectsOf(at('met'))), ['Russia', 'China']);
  assert.deepEqual(words(tree.subjectsOf(at('signed'))), ['Russia', 'China']);
  assert.deepEqual(words(tree.objectsOf(at('signed'))), ['deal']);
  assert.deepEqual(words(tree.objectsOf(at('met'))), ['Iran']);
});

test('passive: the subject is the patient, the agent comes from obl:agent, and negation is seen', () => {
  const v = at('attacked');
  assert.equal(tree.isPassive(v), true);
  assert.deepEqual(words(tree.subjectsOf(v)), ['Kharkiv']);
  assert.deepEqual(words(tree.agentOf(v)), ['forces']);
  assert.equal(tree.isNegated(v), true);
  assert.equal(tree.isNegated(at('said')), false);
  // The reported clause hangs off the reporting verb.
  assert.equal(tree.head(v), at('said'));
  assert.equal(tree.deprel(v), 'ccomp');
  assert.equal(tree.clauseOf(at('forces')), v);
});

test('control: the object of "urged" is the one who would send', () => {
  const send = at('send');
  assert.deepEqual(words(tree.subjectsOf(send)), ['NATO']);
  assert.deepEqual(
    tree.obliquesOf(send).map((o) => [doc.tokens[o.word]!.text, o.prep]),
    [['border', 'to']],
  );
  assert.equal(tree.markerOf(send), 'to');
});

test('conditionals, possessors, prepositions and modals', () => {
  const cont = at('continues');
  assert.equal(tree.markerOf(cont), 'if');
  const attack = at('attack');
  assert.deepEqual(words(tree.possessorOf(attack)), ['Russia']);
  assert.deepEqual(
    tree.obliquesOf(attack).map((o) => [doc.tokens[o.word]!.text, o.prep]),
    [['Kyiv', 'on']],
  );
  assert.deepEqual(tree.auxiliariesOf(at('respond')), ['will']);
  assert.equal(tree.governingVerb(at('Kyiv')), cont);
  assert.equal(tree.rootOf(at('Kyiv')), at('respond'));
  assert.deepEqual(tree.subtreeRange(attack), [at('Russia', 1), at('Kyiv')]);
  assert.equal(tree.dominates(at('respond'), at('Kyiv')), true);
  assert.equal(tree.dominates(attack, at('they')), false);
});
