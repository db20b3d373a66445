/**
 * Country mentions for the event peers: the names, official names, longer alternative spellings,
 * demonyms (and their plurals) and capitals of the `world-countries` package, matched case-sensitively
 * as whole words, longest first. A baseline's gazetteer — no coreference, no persons, no context.
 * Depends on world-countries only.
 */
import { createRequire } from 'node:module';
import type { Country } from 'world-countries';

// The package's typings declare an ES default export over a CommonJS main; load the JSON directly.
const countries = createRequire(import.meta.url)('world-countries/countries.json') as readonly Country[];

export interface CountryMention {
  readonly start: number;
  readonly end: number;
  /** ISO 3166-1 alpha-3. */
  readonly code: string;
}

export interface CountryMatcher {
  find(text: string): CountryMention[];
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Builds the matcher once: one alternation, longest names first so "South Korea" beats "Korea". */
export function createCountryMatcher(): CountryMatcher {
  const byName = new Map<string, string>();
  const add = (name: string | undefined, code: string) => {
    // Two-letter spellings ("US", "IN") are codes that collide with ordinary words in capitals.
    if (name && name.length > 2 && !byName.has(name)) byName.set(name, code);
  };
  for (const c of countries) {
    add(c.name.common, c.cca3);
    add(c.name.official, c.cca3);
    for (const alt of c.altSpellings) add(alt, c.cca3);
    const dem = c.demonyms?.eng;
    if (dem) {
      for (const d of [dem.m, dem.f]) {
        add(d, c.cca3);
        add(`${d}s`, c.cca3);
      }
    }
    for (const cap of c.capital ?? []) add(cap, c.cca3);
  }
  // The abbreviations news prose does use, which the two-letter rule above would drop.
  for (const [name, code] of [
    ['US', 'USA'],
    ['U.S.', 'USA'],
    ['UK', 'GBR'],
    ['U.K.', 'GBR'],
    ['Washington', 'USA'],
  ] as const) {
    if (!byName.has(name)) byName.set(name, code);
  }
  const names = [...byName.keys()].sort((a, b) => b.length - a.length);
  const re = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${names.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`,
    'gu',
  );
  return {
    find(text: string): CountryMention[] {
      const out: CountryMention[] = [];
      for (const m of text.matchAll(re)) {
        out.push({ start: m.index, end: m.index + m[0].length, code: byName.get(m[0])! });
      }
      return out;
    },
  };
}
