import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertSpans } from '../../core/span.js';
import type { TimeExpression } from '../../core/types.js';
import { loadTimesData, parseTimesData } from '../../data/times.js';
import { createDocument } from '../../pipeline/pipeline.js';
import { tokenize } from '../tokens/index.js';
import { compileTimes, createTimesStage, findTimes } from './index.js';

/** Publication date of every case: a Monday, as the seed article. */
const PUB = '2024-10-28';
const matcher = compileTimes(loadTimesData());

function times(text: string, published: string | null = PUB): TimeExpression[] {
  const out = findTimes(matcher, text, published, tokenize(text).tokens, 'times@test');
  assertSpans(text, out);
  return out;
}

interface Case {
  /** The sentence. */
  text: string;
  /** The expression expected in it (its first occurrence gives the offsets). */
  span: string;
  value: string;
  from: string | null;
  to: string | null;
  type?: TimeExpression['type'];
  future?: boolean;
}

const CASES: Case[] = [
  // Weekdays: direction from the clause's tense.
  {
    text: 'The Pentagon said Monday that troops had moved.',
    span: 'Monday',
    value: '2024-10-28',
    from: '2024-10-28',
    to: '2024-10-28',
  },
  {
    text: 'The minister met his counterpart on Thursday.',
    span: 'Thursday',
    value: '2024-10-24',
    from: '2024-10-24',
    to: '2024-10-24',
  },
  {
    text: 'The minister will meet his counterpart on Thursday.',
    span: 'Thursday',
    value: '2024-10-31',
    from: '2024-10-31',
    to: '2024-10-31',
    future: true,
  },
  {
    text: 'On Friday, the ministers signed the deal.',
    span: 'Friday',
    value: '2024-10-25',
    from: '2024-10-25',
    to: '2024-10-25',
  },
  {
    text: 'Troops will be deployed on Wednesday.',
    span: 'Wednesday',
    value: '2024-10-30',
    from: '2024-10-30',
    to: '2024-10-30',
    future: true,
  },
  {
    text: 'Earlier Monday, NATO confirmed the reports.',
    span: 'Earlier Monday',
    value: '2024-10-28',
    from: '2024-10-28',
    to: '2024-10-28',
  },
  {
    text: 'Shelling continued on Saturday night.',
    span: 'Saturday night',
    value: '2024-10-26TNI',
    from: '2024-10-26',
    to: '2024-10-26',
    type: 'TIME',
  },
  {
    text: 'Prime Minister Viktor Orban goes to Moscow on Tuesday.',
    span: 'Tuesday',
    value: '2024-10-29',
    from: '2024-10-29',
    to: '2024-10-29',
    future: true,
  },
  {
    text: 'He arrived last Friday.',
    span: 'last Friday',
    value: '2024-10-25',
    from: '2024-10-25',
    to: '2024-10-25',
  },
  {
    text: 'They meet again next Tuesday.',
    span: 'next Tuesday',
    value: '2024-10-29',
    from: '2024-10-29',
    to: '2024-10-29',
    future: true,
  },
  // Relative periods (ISO weeks run Monday to Sunday).
  {
    text: 'Leaders met in Russia last week.',
    span: 'last week',
    value: '2024-W43',
    from: '2024-10-21',
    to: '2024-10-27',
  },
  {
    text: 'They will meet later this week in Washington.',
    span: 'later this week',
    value: '2024-W44',
    from: '2024-10-28',
    to: '2024-11-03',
    future: true,
  },
  {
    text: 'Prices rose last month.',
    span: 'last month',
    value: '2024-09',
    from: '2024-09-01',
    to: '2024-09-30',
  },
  {
    text: 'Elections are due next month.',
    span: 'next month',
    value: '2024-11',
    from: '2024-11-01',
    to: '2024-11-30',
    future: true,
  },
  {
    text: 'Inflation fell this year.',
    span: 'this year',
    value: '2024',
    from: '2024-01-01',
    to: '2024-12-31',
  },
  {
    text: 'Talks collapsed earlier this month.',
    span: 'earlier this month',
    value: '2024-10',
    from: '2024-10-01',
    to: '2024-10-28',
  },
  {
    text: 'A vote is expected early next year.',
    span: 'early next year',
    value: '2025',
    from: '2025-01-01',
    to: '2025-04-30',
    future: true,
  },
  {
    text: 'The ministry spoke yesterday.',
    span: 'yesterday',
    value: '2024-10-27',
    from: '2024-10-27',
    to: '2024-10-27',
  },
  {
    text: 'The ministry speaks today.',
    span: 'today',
    value: '2024-10-28',
    from: '2024-10-28',
    to: '2024-10-28',
  },
  {
    text: 'Officials said this morning that it was over.',
    span: 'this morning',
    value: '2024-10-28TMO',
    from: '2024-10-28',
    to: '2024-10-28',
    type: 'TIME',
  },
  {
    text: 'Rockets hit the city over the weekend.',
    span: 'the weekend',
    value: '2024-W43-WE',
    from: '2024-10-26',
    to: '2024-10-27',
  },
  {
    text: 'Three soldiers were killed two days ago.',
    span: 'two days ago',
    value: '2024-10-26',
    from: '2024-10-26',
    to: '2024-10-26',
  },
  // Months: "last June" keeps "last"; a bare month follows the tense.
  {
    text: 'They signed a pact last June.',
    span: 'last June',
    value: '2024-06',
    from: '2024-06-01',
    to: '2024-06-30',
  },
  {
    text: 'The pact was signed in August.',
    span: 'August',
    value: '2024-08',
    from: '2024-08-01',
    to: '2024-08-31',
  },
  {
    text: 'The summit will take place in August.',
    span: 'August',
    value: '2025-08',
    from: '2025-08-01',
    to: '2025-08-31',
    future: true,
  },
  {
    text: 'Fighting escalated in mid-October.',
    span: 'mid-October',
    value: '2024-10',
    from: '2024-10-11',
    to: '2024-10-20',
  },
  // Explicit dates.
  {
    text: 'the U.S. Pentagon said Monday (October 28, 2024), in a move',
    span: 'October 28, 2024',
    value: '2024-10-28',
    from: '2024-10-28',
    to: '2024-10-28',
  },
  {
    text: 'It was founded on 28 October 2019.',
    span: '28 October 2019',
    value: '2019-10-28',
    from: '2019-10-28',
    to: '2019-10-28',
  },
  {
    text: 'The strike came on Oct. 21.',
    span: 'Oct. 21',
    value: '2024-10-21',
    from: '2024-10-21',
    to: '2024-10-21',
  },
  {
    text: 'The bid was extended to Nov. 20.',
    span: 'Nov. 20',
    value: '2024-11-20',
    from: '2024-11-20',
    to: '2024-11-20',
    future: true,
  },
  {
    text: 'The Times said in an editorial on Saturday, Oct. 26: talks failed.',
    span: 'Saturday, Oct. 26',
    value: '2024-10-26',
    from: '2024-10-26',
    to: '2024-10-26',
  },
  {
    text: 'Police have searched for him since the Dec. 3 attack.',
    span: 'Dec. 3',
    value: '2023-12-03',
    from: '2023-12-03',
    to: '2023-12-03',
  },
  {
    text: 'Filed 2024-10-28 in Kyiv.',
    span: '2024-10-28',
    value: '2024-10-28',
    from: '2024-10-28',
    to: '2024-10-28',
  },
  {
    text: 'The order dated 10/28/2024 was published.',
    span: '10/28/2024',
    value: '2024-10-28',
    from: '2024-10-28',
    to: '2024-10-28',
  },
  {
    text: 'Russia annexed Crimea in 2014.',
    span: '2014',
    value: '2014',
    from: '2014-01-01',
    to: '2014-12-31',
  },
  {
    text: 'Output peaked in the 1990s.',
    span: 'the 1990s',
    value: '199',
    from: '1990-01-01',
    to: '1999-12-31',
  },
  {
    text: 'Production began in late 2023.',
    span: 'late 2023',
    value: '2023',
    from: '2023-09-01',
    to: '2023-12-31',
  },
  {
    text: 'The talks ran from March to May.',
    span: 'from March to May',
    value: '2024-03/2024-05',
    from: '2024-03-01',
    to: '2024-05-31',
  },
  {
    text: 'He served between 2014 and 2022.',
    span: 'between 2014 and 2022',
    value: '2014/2022',
    from: '2014-01-01',
    to: '2022-12-31',
  },
  {
    text: 'The forum took place March 3-5.',
    span: 'March 3-5',
    value: '2024-03-03/2024-03-05',
    from: '2024-03-03',
    to: '2024-03-05',
  },
  {
    text: 'Sales fell in the third quarter.',
    span: 'the third quarter',
    value: '2024-Q3',
    from: '2024-07-01',
    to: '2024-09-30',
  },
  {
    text: 'Troops withdrew last fall.',
    span: 'last fall',
    value: '2023-FA',
    from: '2023-09-01',
    to: '2023-11-30',
  },
  // Anchored stretches and open references.
  {
    text: 'Ukraine could fight them within the next several weeks.',
    span: 'the next several weeks',
    value: 'PXW',
    from: '2024-10-28',
    to: null,
    type: 'DURATION',
    future: true,
  },
  {
    text: 'Prices rose over the past two weeks.',
    span: 'the past two weeks',
    value: 'P2W',
    from: '2024-10-14',
    to: '2024-10-28',
    type: 'DURATION',
  },
  {
    text: 'The war has grown in recent years.',
    span: 'recent years',
    value: 'PXY',
    from: null,
    to: '2024-10-28',
    type: 'DURATION',
  },
  {
    text: 'The troops are now in Kursk.',
    span: 'now',
    value: 'PRESENT_REF',
    from: '2024-10-28',
    to: '2024-10-28',
  },
  // Durations are lengths, not dates.
  {
    text: 'It will intensify the almost three-year war.',
    span: 'almost three-year',
    value: 'P3Y',
    from: null,
    to: null,
    type: 'DURATION',
  },
  {
    text: 'The siege lasted three years.',
    span: 'three years',
    value: 'P3Y',
    from: null,
    to: null,
    type: 'DURATION',
  },
  {
    text: 'They were held for two weeks.',
    span: 'two weeks',
    value: 'P2W',
    from: null,
    to: null,
    type: 'DURATION',
  },
  {
    text: 'A ceasefire of 48 hours began.',
    span: '48 hours',
    value: 'PT48H',
    from: null,
    to: null,
    type: 'DURATION',
  },
  {
    text: 'Earnings fell from a year earlier.',
    span: 'a year earlier',
    value: 'PAST_REF',
    from: null,
    to: '2024-10-28',
  },
  {
    text: 'The route adds 700 seats a week.',
    span: 'a week',
    value: 'P1W',
    from: null,
    to: null,
    type: 'SET',
  },
  {
    text: 'He was killed at 10 p.m. Wednesday, police said.',
    span: '10 p.m. Wednesday',
    value: '2024-10-23T22:00',
    from: '2024-10-23',
    to: '2024-10-23',
    type: 'TIME',
  },
  {
    text: 'In July last year he left.',
    span: 'July last year',
    value: '2023-07',
    from: '2023-07-01',
    to: '2023-07-31',
  },
  {
    text: 'The dispute has lasted twenty-five years.',
    span: 'twenty-five years',
    value: 'P25Y',
    from: null,
    to: null,
    type: 'DURATION',
  },
  {
    text: 'Sirens sounded at 14:00 GMT.',
    span: '14:00 GMT',
    value: '2024-10-28T14:00',
    from: '2024-10-28',
    to: '2024-10-28',
    type: 'TIME',
  },
  {
    text: 'Exports fell in 2022/23.',
    span: '2022/23',
    value: '2022/2023',
    from: '2022-01-01',
    to: '2023-12-31',
  },
  {
    text: 'Drones struck Kyiv overnight.',
    span: 'overnight',
    value: '2024-10-27TNI',
    from: '2024-10-27',
    to: '2024-10-28',
    type: 'TIME',
  },
  {
    text: 'More troops will arrive in the coming weeks.',
    span: 'the coming weeks',
    value: 'PXW',
    from: '2024-10-28',
    to: null,
    type: 'DURATION',
    future: true,
  },
  {
    text: 'The blast came in the early hours of Sunday.',
    span: 'the early hours of Sunday',
    value: '2024-10-27',
    from: '2024-10-27',
    to: '2024-10-27',
  },
  {
    text: "It began with Russia's 2022 invasion.",
    span: '2022',
    value: '2022',
    from: '2022-01-01',
    to: '2022-12-31',
  },
  {
    text: 'The team planned to leave Nairobi on Thursday.',
    span: 'Thursday',
    value: '2024-10-31',
    from: '2024-10-31',
    to: '2024-10-31',
    future: true,
  },
  {
    text: 'She had a few days to rest.',
    span: 'a few days',
    value: 'PXD',
    from: null,
    to: null,
    type: 'DURATION',
  },
  {
    text: 'He returned weeks later on Oct. 22 to the town.',
    span: 'Oct. 22',
    value: '2024-10-22',
    from: '2024-10-22',
    to: '2024-10-22',
  },
  {
    text: 'The council meets every year.',
    span: 'every year',
    value: 'P1Y',
    from: null,
    to: null,
    type: 'SET',
  },
];

describe('times stage: values and offsets (published 2024-10-28, a Monday)', () => {
  for (const c of CASES) {
    it(`${c.span} in "${c.text}"`, () => {
      const found = times(c.text);
      const start = c.text.indexOf(c.span);
      assert.ok(start >= 0, 'the span is in the text');
      const t = found.find((x) => x.start === start && x.end === start + c.span.length);
      assert.ok(t, `found ${JSON.stringify(found.map((x) => [x.text, x.start, x.end]))}`);
      assert.equal(t.text, c.span);
      assert.equal(t.value, c.value);
      assert.equal(t.from, c.from);
      assert.equal(t.to, c.to);
      assert.equal(t.type, c.type ?? 'DATE');
      assert.equal(t.future, c.future ?? false);
    });
  }
});

describe('times stage: the seed article', () => {
  it('resolves the five expected times with their offsets', () => {
    const text =
      'North Korea has sent about 10,000 troops to Russia to train and likely fight against Ukraine within “the next several weeks,” the U.S. Pentagon said Monday (October 28, 2024), in a move.';
    const found = times(text);
    const monday = found.find((t) => t.text === 'Monday')!;
    assert.equal(monday.start, text.indexOf('Monday'));
    assert.deepEqual([monday.from, monday.to], ['2024-10-28', '2024-10-28']);
    const weeks = found.find((t) => t.text === 'the next several weeks')!;
    assert.equal(weeks.start, text.indexOf('the next'));
    assert.equal(weeks.future, true);
    assert.ok(weeks.from! >= '2024-10-28');
  });
});

describe('times stage: provenance and contract', () => {
  it('gives ids in text order, `by` with the stage version and the rule that fired', () => {
    const stage = createTimesStage();
    const text = 'He left on Friday and returned last week.';
    const doc = createDocument(text, { published: PUB });
    const out = stage.run({ ...doc, layers: tokenize(text) }, { debug: false }).times;
    assert.deepEqual(
      out.map((t) => [t.id, t.text, t.by, t.rule]),
      [
        ['t1', 'Friday', `times@${stage.version}`, 'weekday'],
        ['t2', 'last week', `times@${stage.version}`, 'rel-unit'],
      ],
    );
  });

  it('reads "the end of the year" in a past clause as the last one that has ended', () => {
    const past = times('The number stood at 108 million at the end of the year.', '2023-06-14');
    assert.deepEqual(
      past.map((t) => [t.text, t.value, t.from, t.to]),
      [['the end of the year', '2022', '2022-09-01', '2022-12-31']],
    );
    const ahead = times('Prices will rise by the end of the year.', '2023-06-14');
    assert.deepEqual(
      ahead.map((t) => [t.text, t.value, t.from, t.to, t.future]),
      [['the end of the year', '2023', '2023-09-01', '2023-12-31', true]],
    );
  });

  it('keeps explicit dates and leaves relative ones open without a publication date', () => {
    const found = times('On Monday, October 28, 2024 he said it would happen next week.', null);
    assert.deepEqual(found[0]!.value, '2024-10-28');
    const week = found.find((t) => t.text === 'next week')!;
    assert.equal(week.from, null);
    assert.equal(week.to, null);
  });

  it('runs on a tiny fixture bundle (data comes through the factory)', () => {
    const data = parseTimesData({
      lexicon: 'word\tclass\tvalue\nMonday\tweekday\t1\n',
      patterns: 'id\tbefore\tpattern\tafter\tresolver\tnote\nwd\t\t{weekday}\t\tweekday\t\n',
      cues: 'cue\ttense\tnote\nwill\tfuture\t\n',
    });
    const text = 'They will vote on Monday, not Tuesday.';
    const out = findTimes(compileTimes(data), text, '2024-10-23', tokenize(text).tokens, 'times@test');
    assert.deepEqual(
      out.map((t) => [t.text, t.value, t.rule]),
      [['Monday', '2024-10-28', 'wd']],
    );
  });

  it('rejects a pattern that names an unknown resolver', () => {
    const data = parseTimesData({
      lexicon: 'word\tclass\tvalue\nMonday\tweekday\t1\n',
      patterns: 'id\tbefore\tpattern\tafter\tresolver\tnote\nwd\t\t{weekday}\t\tnope\t\n',
      cues: 'cue\ttense\tnote\n',
    });
    assert.throws(() => compileTimes(data), /unknown resolver/);
  });
});
