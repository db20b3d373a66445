import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { parseConllu } from './conllu.js';
import { rawTextOf, spanF1 } from './segmentation-score.js';
import { MAX_TOKEN, type Segmentation, segment, segmentWith, shippedSentenceModel } from './tokenizer.js';
import { readEwtRaw, scoreSegmentation } from './train/sentences.js';

const words = (text: string): string[] => {
  const s = segment(text);
  return Array.from(s.starts, (a, i) => text.slice(a, s.ends[i]));
};

const sentences = (text: string): string[] => {
  const s = segment(text);
  const out: string[] = [];
  for (let j = 0; j + 1 < s.sentenceStarts.length; j++) {
    const first = s.sentenceStarts[j]!;
    const last = s.sentenceStarts[j + 1]! - 1;
    out.push(text.slice(s.starts[first], s.ends[last]));
  }
  return out;
};

/** The invariants every segmentation keeps, whatever the input. */
function assertInvariants(text: string, s: Segmentation): void {
  const n = s.starts.length;
  assert.equal(s.ends.length, n);
  let previousEnd = 0;
  for (let i = 0; i < n; i++) {
    const a = s.starts[i]!;
    const b = s.ends[i]!;
    assert.ok(a >= previousEnd, `token ${i} starts before the previous one ends`);
    assert.ok(b > a, `token ${i} is empty`);
    assert.ok(b - a <= MAX_TOKEN, `token ${i} is longer than MAX_TOKEN`);
    assert.ok(
      !/\s/.test(text.slice(a, b)),
      `token ${i} holds whitespace: ${JSON.stringify(text.slice(a, b))}`,
    );
    const first = text.charCodeAt(a);
    const last = text.charCodeAt(b - 1);
    // Lone surrogates may be in the input; a pair must never be cut.
    const before = text.charCodeAt(a - 1);
    const after = text.charCodeAt(b);
    const cutsAtStart = first >= 0xdc00 && first <= 0xdfff && before >= 0xd800 && before <= 0xdbff;
    const cutsAtEnd = last >= 0xd800 && last <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
    assert.ok(!cutsAtStart && !cutsAtEnd, `token ${i} cuts a surrogate pair`);
    previousEnd = b;
  }
  const ss = s.sentenceStarts;
  assert.ok(ss.length >= 1);
  assert.equal(ss[0], 0);
  assert.equal(ss[ss.length - 1], n);
  for (let j = 1; j < ss.length; j++) assert.ok(ss[j]! > ss[j - 1]!, 'empty sentence');
  // No sentence crosses a line break.
  for (let j = 0; j + 1 < ss.length; j++) {
    const from = s.starts[ss[j]!]!;
    const to = s.ends[ss[j + 1]! - 1]!;
    assert.ok(!/[\n\r]/.test(text.slice(from, to)), 'a sentence crosses a line break');
  }
}

test('clitics are words of their own, straight and curly apostrophes alike', () => {
  assert.deepEqual(words("I don't think they're here"), ['I', 'do', "n't", 'think', 'they', "'re", 'here']);
  assert.deepEqual(words('We can’t and won’t.'), ['We', 'ca', 'n’t', 'and', 'wo', 'n’t', '.']);
  assert.deepEqual(words("He's sure I'm right; we'll see, I'd say, you've won"), [
    'He',
    "'s",
    'sure',
    'I',
    "'m",
    'right',
    ';',
    'we',
    "'ll",
    'see',
    ',',
    'I',
    "'d",
    'say',
    ',',
    'you',
    "'ve",
    'won',
  ]);
  assert.deepEqual(words("Bush's plan and the parents' view"), [
    'Bush',
    "'s",
    'plan',
    'and',
    'the',
    'parents',
    "'",
    'view',
  ]);
});

test('fused forms split as EWT does: cannot, gonna, wanna, dont', () => {
  assert.deepEqual(words('I cannot go, gonna stay, wanna eat, dont care'), [
    'I',
    'can',
    'not',
    'go',
    ',',
    'gon',
    'na',
    'stay',
    ',',
    'wan',
    'na',
    'eat',
    ',',
    'do',
    'nt',
    'care',
  ]);
  // Possessive `its` is left alone.
  assert.deepEqual(words('its tail'), ['its', 'tail']);
});

test('abbreviations and initials keep their period; a sentence-final period is its own word', () => {
  assert.deepEqual(words('Mr. Smith met Dr. Jones in the U.S. on Jan. 5.'), [
    'Mr.',
    'Smith',
    'met',
    'Dr.',
    'Jones',
    'in',
    'the',
    'U.S.',
    'on',
    'Jan.',
    '5',
    '.',
  ]);
  assert.deepEqual(words('J. R. R. Tolkien wrote it, e.g. this.'), [
    'J.',
    'R.',
    'R.',
    'Tolkien',
    'wrote',
    'it',
    ',',
    'e.g.',
    'this',
    '.',
  ]);
  assert.deepEqual(words('No. 5 said no.'), ['No.', '5', 'said', 'no', '.']);
});

test('URLs and e-mail addresses are one word; trailing punctuation is not part of them', () => {
  assert.deepEqual(words('See http://www.example.com/a-b/c?d=1, or write to jo.doe@mail.example.org.'), [
    'See',
    'http://www.example.com/a-b/c?d=1',
    ',',
    'or',
    'write',
    'to',
    'jo.doe@mail.example.org',
    '.',
  ]);
  assert.deepEqual(words('(www.bbc.co.uk)'), ['(', 'www.bbc.co.uk', ')']);
});

test('numbers, currencies, percentages, decades, times, ranges and phone numbers', () => {
  assert.deepEqual(words('$5 and £600m, 10,000 people, 3.5 times, 5% in the 1990s at 5pm'), [
    '$',
    '5',
    'and',
    '£',
    '600',
    'm',
    ',',
    '10,000',
    'people',
    ',',
    '3.5',
    'times',
    ',',
    '5',
    '%',
    'in',
    'the',
    '1990s',
    'at',
    '5',
    'pm',
  ]);
  assert.deepEqual(words('from 2010-2012, call 646-8420 or 713-853-3989 on 11/28/2000 at 5:00'), [
    'from',
    '2010',
    '-',
    '2012',
    ',',
    'call',
    '646-8420',
    'or',
    '713-853-3989',
    'on',
    '11/28/2000',
    'at',
    '5:00',
  ]);
});

test('hyphenated compounds split around the hyphen, except after prefixes EWT keeps', () => {
  assert.deepEqual(words('a well-known 26-year-old pre-war e-mail'), [
    'a',
    'well',
    '-',
    'known',
    '26',
    '-',
    'year',
    '-',
    'old',
    'pre-war',
    'e-mail',
  ]);
  assert.deepEqual(words('and/or'), ['and', '/', 'or']);
});

test('quotes, brackets, dashes and ellipses', () => {
  assert.deepEqual(words('"Yes," she said -- or—rather… (maybe)...'), [
    '"',
    'Yes',
    ',',
    '"',
    'she',
    'said',
    '--',
    'or',
    '—',
    'rather',
    '…',
    '(',
    'maybe',
    ')',
    '...',
  ]);
  assert.deepEqual(words('“Quoted” ‘single’'), ['“', 'Quoted', '”', '‘', 'single', '’']);
  assert.deepEqual(words('Really?! Wow!!!'), ['Really', '?!', 'Wow', '!!!']);
});

test('emoticons and emoji', () => {
  assert.deepEqual(words('great :) and :-( ok'), ['great', ':)', 'and', ':-(', 'ok']);
  const text = 'Fire 🔥🔥 here 👍🏽.';
  const s = segment(text);
  assertInvariants(text, s);
  assert.deepEqual(words(text), ['Fire', '🔥🔥', 'here', '👍🏽', '.']);
});

test('empty, whitespace-only and control-character input', () => {
  for (const text of ['', ' ', '\n\n\t \r\n', '\u00a0\u2003']) {
    const s = segment(text);
    assert.equal(s.starts.length, 0);
    assert.deepEqual(Array.from(s.sentenceStarts), [0]);
  }
  const text = 'a\u0000b\u0007c\u001bd e\u007f';
  assertInvariants(text, segment(text));
  assert.deepEqual(words(text), ['a', 'b', 'c', 'd', 'e']);
});

test('sentences: split at . ! ? with closing quotes, not after abbreviations, never across lines', () => {
  // A quoted question before its reporting clause stays in one sentence, as EWT has it.
  assert.deepEqual(sentences('He left. "Why?" she asked. Mr. Brown stayed in the U.K. until 5 p.m. today.'), [
    'He left.',
    '"Why?" she asked.',
    'Mr. Brown stayed in the U.K. until 5 p.m. today.',
  ]);
  assert.deepEqual(
    sentences('Ad sales boost Time Warner profit\n\nQuarterly profits jumped 76%. Shares rose.'),
    ['Ad sales boost Time Warner profit', 'Quarterly profits jumped 76%.', 'Shares rose.'],
  );
  // A headline broken over two lines is two paragraphs (every line break is one).
  assert.deepEqual(sentences('Storm hits the\ncoast of Wales'), ['Storm hits the', 'coast of Wales']);
});

test('CRLF line ends behave as LF', () => {
  const crlf = 'First line here.\r\nSecond one.\r\n\r\nThird.';
  const lf = crlf.replace(/\r\n/g, '\n');
  assertInvariants(crlf, segment(crlf));
  assert.deepEqual(sentences(crlf), sentences(lf));
  assert.deepEqual(words(crlf), words(lf));
});

test('offset invariants hold on mixed hostile text', () => {
  const pieces = [
    "Don't",
    'U.S.',
    '--',
    '—',
    '"',
    '(',
    ')',
    'http://x.y/z',
    'a@b.c',
    '10,000',
    '$5',
    '5%',
    '🔥',
    '\ud800',
    '\udc00',
    '\u0000',
    '\r\n',
    '\n',
    '...',
    "'s",
    'x'.repeat(150),
    '-'.repeat(120),
    '.'.repeat(130),
    'a-'.repeat(80),
    '1-'.repeat(70),
    "n't".repeat(50),
  ];
  let state = 7;
  for (let round = 0; round < 200; round++) {
    let text = '';
    for (let k = 0; k < 30; k++) {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      text += pieces[state % pieces.length]!;
      if ((state >>> 8) % 3 === 0) text += ' ';
    }
    assertInvariants(text, segment(text));
  }
});

test('long runs without spaces: 10 MB and 200 KB inputs are cut into pieces, surrogates kept whole', () => {
  const big = 'ab'.repeat(5_000_000);
  const s = segment(big);
  assertInvariants(big, s);
  assert.equal(s.starts.length, Math.ceil(big.length / MAX_TOKEN));
  assert.equal(s.ends[s.ends.length - 1], big.length);

  const emoji = `x${'😀'.repeat(100_000)}`;
  const e = segment(emoji);
  assertInvariants(emoji, e);
  assert.equal(e.ends[e.ends.length - 1], emoji.length);

  const hostile = 'a.b-c,d/e(f)'.repeat(17_000);
  assertInvariants(hostile, segment(hostile));
  const dots = `${'.'.repeat(100_000)}${"'".repeat(100_000)}`;
  assertInvariants(dots, segment(dots));
});

test('the same text always gives the same segmentation (no state between calls)', () => {
  const text = 'Dr. No said: "I cannot." Then he left.\nNext line.';
  const first = segment(text);
  segment('something else entirely, with U.S. and 5-6 and more');
  const again = segment(text);
  assert.deepEqual(again, first);
});

test('spanF1 compares spans on non-whitespace characters', () => {
  const text = 'a b  c';
  const gold = [
    { start: 0, end: 3 },
    { start: 5, end: 6 },
  ];
  assert.equal(
    spanF1(
      gold,
      [
        { start: 0, end: 3 },
        { start: 4, end: 6 },
      ],
      text,
    ).f1,
    1,
  );
  assert.equal(spanF1(gold, [{ start: 0, end: 1 }], text).correct, 0);
});

test('rawTextOf rebuilds text as conllu_to_text and locates multiword tokens', () => {
  const row = (...cols: string[]) => [...cols, ...Array(10 - cols.length).fill('_')].join('\t');
  const conllu = [
    '# newdoc id = d1',
    "# text = I don't know.",
    row('1', 'I'),
    row('2-3', "don't"),
    row('2', 'do'),
    row('3', "n't"),
    row('4', 'know', '_', '_', '_', '_', '2', 'xcomp', '_', 'SpaceAfter=No'),
    row('5', '.'),
    '',
    '# text = Yes',
    row('1', 'Yes'),
    '',
    '# newpar id = p2',
    '# text = Next',
    row('1', 'Next'),
    '',
  ].join('\n');
  const raw = rawTextOf(parseConllu(conllu));
  assert.equal(raw.text, "I don't know. Yes\n\nNext");
  const slice = (spans: readonly { start: number; end: number }[]) =>
    spans.map((w) => raw.text.slice(w.start, w.end));
  assert.deepEqual(slice(raw.words), ['I', 'do', "n't", 'know', '.', 'Yes', 'Next']);
  assert.deepEqual(slice(raw.tokens), ['I', "don't", 'know', '.', 'Yes', 'Next']);
  assert.deepEqual(slice(raw.sentences), ["I don't know.", 'Yes', 'Next']);
  assert.deepEqual(raw.sentenceFirstWord, [0, 5, 6, 7]);
});

const EWT = path.join('..', 'shared', 'data', 'ud-english-ewt');

test('EWT dev raw text: Tokens F1 and Sentences F1 floors (fails when the data is missing)', () => {
  assert.ok(existsSync(path.join(EWT, 'en_ewt-ud-dev.conllu')), `missing ${EWT}/en_ewt-ud-dev.conllu`);
  assert.ok(shippedSentenceModel() !== null, 'the sentence model data/models/sentences-ewt.model is missing');
  const dev = readEwtRaw(EWT, 'dev');
  const withModel = scoreSegmentation(dev, shippedSentenceModel());
  assert.ok(withModel.tokensF1 >= 0.99, `dev Tokens F1 ${withModel.tokensF1}`);
  assert.ok(withModel.sentencesF1 >= 0.875, `dev Sentences F1 ${withModel.sentencesF1}`);
  const rules = scoreSegmentation(dev, null);
  assert.ok(rules.sentencesF1 >= 0.82, `dev Sentences F1, rules only: ${rules.sentencesF1}`);
  // segment() is segmentWith(the shipped model).
  const a = segment(dev.text);
  const b = segmentWith(dev.text, shippedSentenceModel());
  assert.deepEqual(a.sentenceStarts, b.sentenceStarts);
});
