import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gazetteerPlaces, type PlaceLookup } from './gazetteer-places.js';

const lookup: PlaceLookup = {
  byKey: new Map([
    ['paris', { lat: 48.85, lon: 2.35 }],
    ['new york city', { lat: 40.71, lon: -74.01 }],
    ['new york', { lat: 40.71, lon: -74.01 }],
    ['us', { lat: 38, lon: -97 }],
  ]),
  prefixes: new Set(['new', 'new york']),
  maxWords: 3,
};

describe('gazetteer look-up peer', () => {
  it('finds the longest name at capitalised words, with offsets and coordinates', () => {
    const text = 'From Paris to New York City, then New York. Not paris.';
    const found = gazetteerPlaces(text, lookup);
    assert.deepEqual(
      found.map((p) => [p.text, p.start, p.lat]),
      [
        ['Paris', 5, 48.85],
        ['New York City', 14, 40.71],
        ['New York', 34, 40.71],
      ],
    );
    for (const p of found) assert.equal(text.slice(p.start, p.end), p.text);
  });

  it('finds nothing in text without gazetteer names', () => {
    assert.deepEqual(gazetteerPlaces('New rules for Newcastle, 12.5% up.', lookup), []);
  });
});
