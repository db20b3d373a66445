import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SitrepDocument } from '../../core/types.js';
import { compileCues } from '../../data/quotes.js';
import { createDocument } from '../../pipeline/pipeline.js';
import { tokenize } from '../tokens/index.js';
import { assessModality } from './modality.js';

function docOf(text: string): SitrepDocument<'tokens' | 'sentences'> {
  const base = createDocument(text, { published: '2024-10-28' });
  return { ...base, layers: tokenize(text) };
}

function whole(text: string) {
  const doc = docOf(text);
  return assessModality(doc, { start: 0, end: text.length });
}

describe('assessModality (shipped cue lists)', () => {
  const cases: [string, string, string, string][] = [
    // text, certainty, polarity, the cue text that decided it
    ['Some soldiers were believed to be heading for the border.', 'believed', 'positive', 'believed to'],
    ['The troops reportedly crossed the river.', 'believed', 'positive', 'reportedly'],
    ['The army is likely to attack soon.', 'likely', 'positive', 'likely'],
    ['The talks are expected to resume.', 'likely', 'positive', 'expected to'],
    ['Russia may send more troops.', 'possible', 'positive', 'may'],
    ['The strike could hit the port.', 'possible', 'positive', 'could'],
    ['The ministers will meet in Washington.', 'planned', 'positive', 'will'],
    ['Kyiv plans to open a new front.', 'planned', 'positive', 'plans to'],
    ['They meet later this week.', 'planned', 'positive', 'later this week'],
    ['If troops move to the front, they are co-belligerents.', 'conditional', 'positive', 'If'],
    ['The minister did not attend the summit.', 'asserted', 'negative', 'not'],
    ["Officials didn't comment.", 'asserted', 'negative', "n't"],
    ['There will be no limitations on the weapons.', 'planned', 'negative', 'no'],
    ['Moscow denied sending troops.', 'asserted', 'negative', 'denied'],
    [
      'He stopped short of confirming the soldiers were in Russia.',
      'asserted',
      'unconfirmed',
      'stopped short of confirming',
    ],
    ['The spokesman declined to confirm the report.', 'asserted', 'unconfirmed', 'declined to confirm'],
    [
      'Reuters could not independently verify the claim.',
      'asserted',
      'unconfirmed',
      'could not independently verify',
    ],
    ['The claim could not be verified.', 'asserted', 'unconfirmed', 'could not be verified'],
  ];
  for (const [text, certainty, polarity, cue] of cases) {
    it(`${text} → ${certainty}, ${polarity}`, () => {
      const m = whole(text);
      assert.equal(m.certainty, certainty);
      assert.equal(m.polarity, polarity);
      const hit = m.cues.find((c) => c.text === cue);
      assert.ok(hit, `cue '${cue}' in ${JSON.stringify(m.cues)}`);
      assert.equal(hit.start, text.indexOf(cue));
      assert.equal(text.slice(hit.start, hit.end), cue);
      assert.match(hit.rule, /^modality\.tsv:\d+$/);
    });
  }

  it('a plain statement is asserted and positive, with no cues', () => {
    for (const text of [
      'North Korea has sent about 10,000 troops to Russia.',
      'The summit opened in May.',
      'Not only Russia but also Iran sent drones.',
      'The attack was carried out according to plan.',
      'Reporters asked if the troops had arrived.',
    ]) {
      const m = whole(text);
      assert.deepEqual([m.certainty, m.polarity, m.cues], ['asserted', 'positive', []], text);
    }
  });

  it('the least committed cue wins: "will likely" is likely, a condition beats a plan', () => {
    assert.equal(whole('The ministers will likely meet.').certainty, 'likely');
    assert.equal(whole('If talks fail, the army will attack.').certainty, 'conditional');
  });

  it('only looks inside the span', () => {
    const text = 'Troops may move. The ministers met.';
    const doc = docOf(text);
    const second = assessModality(doc, { start: text.indexOf('The'), end: text.length });
    assert.deepEqual([second.certainty, second.cues.length], ['asserted', 0]);
  });

  it('with a focus, ignores the focus word itself and hedges after it, but keeps a trailing condition', () => {
    const text = 'Moscow denied the report, though it may change if talks fail.';
    const doc = docOf(text);
    const at = text.indexOf('denied');
    const m = assessModality(doc, { start: 0, end: text.length, focus: { start: at, end: at + 6 } });
    assert.equal(m.polarity, 'positive');
    assert.equal(m.certainty, 'conditional');
    assert.deepEqual(
      m.cues.map((c) => c.text),
      ['if'],
    );
  });

  it('takes a fixture cue list', () => {
    const modality = compileCues([{ cue: 'perchance', kind: 'hedge', value: 'possible', rule: 'fixture:1' }]);
    const text = 'Perchance they may go.';
    const m = assessModality(docOf(text), { start: 0, end: text.length }, { modality });
    assert.deepEqual(
      m.cues.map((c) => [c.text, c.rule]),
      [['Perchance', 'fixture:1']],
    );
  });
});
