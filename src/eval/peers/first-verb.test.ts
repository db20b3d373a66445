import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tokenize } from '../../stages/tokens/index.js';
import { createCountryMatcher } from './country-names.js';
import { firstVerbEvent } from './first-verb.js';

const countries = createCountryMatcher();
const verbs = new Map([
  ['say', '010'],
  ['accuse', '112'],
  ['send', '070'],
]);

describe('country names (peer gazetteer)', () => {
  it('finds names, demonyms, plural demonyms, capitals and news abbreviations, longest first', () => {
    const text = 'South Korea, the U.S. and Russians met in Tokyo; Korea was absent.';
    assert.deepEqual(
      countries.find(text).map((m) => [text.slice(m.start, m.end), m.code, m.start]),
      [
        ['South Korea', 'KOR', 0],
        ['U.S.', 'USA', 17],
        ['Russians', 'RUS', 26],
        ['Tokyo', 'JPN', 42],
      ],
    );
  });

  it('finds nothing inside words or in lower case', () => {
    assert.deepEqual(countries.find('Frenchman russia Chinatown usa'), []);
  });
});

describe('first-verb peer', () => {
  it('codes the first dictionary verb, source before it and target after it', () => {
    const text = 'Iranian officials accused Israel of the attack, officials said.';
    const e = firstVerbEvent(text, tokenize(text).tokens, verbs, countries)!;
    assert.equal(e.cameo, '112');
    assert.equal(text.slice(e.trigger.start, e.trigger.end), 'accused');
    assert.equal(e.trigger.start, 18);
    assert.equal(e.source, 'IRN');
    assert.equal(e.target, 'ISR');
  });

  it('gives no event when no verb is in the dictionary', () => {
    for (const text of ['The weather was fine.', 'Officials met in Paris.', '']) {
      assert.equal(firstVerbEvent(text, tokenize(text).tokens, verbs, countries), null, text);
    }
  });
});
