import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertSpans } from '../../core/span.js';
import { buildQuantitiesData } from '../../data/quantities.js';
import { createDocument } from '../../pipeline/pipeline.js';
import { tokenize } from '../tokens/index.js';
import { createQuantitiesStage } from './index.js';

const stage = createQuantitiesStage();

function run(text: string) {
  const doc = createDocument(text, { published: '2024-10-28' });
  const { sentences, tokens } = tokenize(text);
  const { quantities } = stage.run({ ...doc, layers: { sentences, tokens } }, { debug: false });
  assertSpans(text, quantities);
  return quantities;
}

/** [sentence, span text, value, unit, approximate, qualifier] */
const positives: [string, string, number, string | null, boolean, string | null][] = [
  [
    'North Korea has sent about 10,000 troops to Russia.',
    'about 10,000 troops',
    10000,
    'troops',
    true,
    'about',
  ],
  ['It sent 10,000 North Korean troops.', '10,000 North Korean troops', 10000, 'troops', false, null],
  [
    'Adding thousands of North Korean soldiers to the war.',
    'thousands of North Korean soldiers',
    2000,
    'soldiers',
    true,
    'at least',
  ],
  ['Up to 1.5 million people fled.', 'Up to 1.5 million people', 1500000, 'people', true, 'up to'],
  ['The package is worth $4 billion.', '$4 billion', 4e9, 'dollars', false, null],
  ['A £3m fund was set up.', '£3m', 3e6, 'pounds', false, null],
  ['It gave €500,000 in aid.', '€500,000', 500000, 'euros', false, null],
  ['Reserves of 2.3bn barrels were found.', '2.3bn barrels', 2.3e9, 'barrels', false, null],
  ['Dozens of civilians were hurt.', 'Dozens of civilians', 24, 'civilians', true, 'at least'],
  [
    'Tens of thousands of refugees crossed.',
    'Tens of thousands of refugees',
    20000,
    'refugees',
    true,
    'at least',
  ],
  ['A dozen drones hit the city.', 'A dozen drones', 12, 'drones', false, null],
  ['Twenty-five tanks were lost.', 'Twenty-five tanks', 25, 'tanks', false, null],
  [
    'Russia fired more than 300 Iranian-made missiles.',
    'more than 300 Iranian-made missiles',
    300,
    'missiles',
    true,
    'more than',
  ],
  ['At least 45 killed in the blast.', 'At least 45 killed', 45, 'killed', true, 'at least'],
  ['One Ukrainian soldier died.', 'One Ukrainian soldier', 1, 'soldiers', false, null],
  ['Prices rose nearly 12.5% this year.', 'nearly 12.5%', 12.5, 'percent', true, 'nearly'],
  ['The front is some 1,000 km long.', 'some 1,000 km', 1000, 'kilometres', true, 'about'],
  [
    'An estimated three hundred fighters surrendered.',
    'An estimated three hundred fighters',
    300,
    'fighters',
    true,
    'about',
  ],
  ['It shipped 40 million tonnes of grain.', '40 million tonnes', 4e7, 'tonnes', false, null],
  ['Some 1900 troops arrived.', 'Some 1900 troops', 1900, 'troops', true, 'about'],
  ['As many as 200 of its troops died.', 'As many as 200 of its troops', 200, 'troops', true, 'up to'],
];

describe('quantities stage', () => {
  for (const [text, span, value, unit, approximate, qualifier] of positives) {
    it(`finds ${JSON.stringify(span)}`, () => {
      const qs = run(text);
      assert.equal(qs.length, 1, JSON.stringify(qs));
      const q = qs[0]!;
      assert.equal(q.text, span);
      assert.equal(q.start, text.indexOf(span));
      assert.equal(q.end, text.indexOf(span) + span.length);
      assert.equal(q.value, value);
      assert.equal(q.unit, unit);
      assert.equal(q.approximate, approximate);
      assert.equal(q.qualifier, qualifier);
      assert.match(q.by, /^quantities@\d+$/);
      assert.ok(q.rule.length > 0);
    });
  }

  it('gives the seed article its 10,000 troops at offset 21', () => {
    const text =
      'North Korea has sent about 10,000 troops to Russia to train and likely fight against Ukraine.';
    const q = run(text)[0]!;
    assert.deepEqual([q.start, q.end, q.value, q.unit, q.approximate], [21, 40, 10000, 'troops', true]);
  });

  it('gives both ends of a range the unit: at least the low end, up to the high end', () => {
    const text = 'Between 10,000 and 12,000 troops came, and some 3 to 5 million people fled.';
    assert.deepEqual(
      run(text).map((q) => [q.text, q.start, q.value, q.unit, q.approximate, q.qualifier]),
      [
        ['Between 10,000', 0, 10000, 'troops', true, 'at least'],
        ['12,000 troops', 19, 12000, 'troops', true, 'up to'],
        ['some 3', 43, 3000000, 'people', true, 'at least'],
        ['5 million people', 53, 5000000, 'people', true, 'up to'],
      ],
    );
  });

  it('yields nothing for years, dates, times, ordinals, model names, pronoun "one" and bare numbers', () => {
    const negatives = [
      'The election was held in 2024.',
      'In 2024 Russian troops advanced.',
      'He spoke on October 28, 2024.',
      'They met on 28 October.',
      'The meeting starts at 10:30.',
      'It opens at 9 a.m. on Monday.',
      'It was the third attempt and the 28th round of talks.',
      'Ukraine wants F-16 jets and more F-16s.',
      'COVID-19 spread and the G7 met.',
      'He is one of the leaders.',
      'The almost three-year war goes on.',
      'A 10-year-old boy was hurt.',
      'Gary Wilson, 54, was sentenced.',
      'The score was 3-1.',
      'Twelve said no.',
      `Officials said ${'9'.repeat(400)} troops arrived.`,
    ];
    for (const text of negatives) assert.deepEqual(run(text), [], text);
  });

  it('reads its words from the data it is given', () => {
    const tiny = createQuantitiesStage(
      buildQuantitiesData({
        unitsTsv: 'word\tunit\tkind\nwidgets\twidgets\tcount\n',
        symbolsTsv: 'symbol\tunit\n',
        numbersTsv: 'word\tvalue\tkind\nseven\t7\tcardinal\n',
        qualifiersTsv: 'phrase\tqualifier\nroughly\tabout\n',
      }),
    );
    const text = 'They made roughly seven widgets and 10 troops.';
    const doc = createDocument(text);
    const { quantities } = tiny.run({ ...doc, layers: tokenize(text) }, { debug: false });
    assert.deepEqual(
      quantities.map((q) => [q.text, q.start, q.value, q.unit, q.qualifier, q.rule]),
      [['roughly seven widgets', 10, 7, 'widgets', 'about', 'words;units.tsv:2;qualifiers.tsv:2']],
    );
  });
});
