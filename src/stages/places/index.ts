/**
 * The `places` stage: toponyms in the text resolved to a gazetteer entry with a country, coordinates
 * and, for cities, a GeoNames id. Finds names over tokens (./find.ts), disambiguates them by the
 * article's context (./resolve.ts). Reads the `actors` layer when present: names inside a person's or an
 * organisation's mention are not places, and the countries actors name are context.
 * Depends on core, the stage contract and the places data; never on store, CLI or HTTP.
 */
import { overlaps } from '../../core/span.js';
import type { Place, SitrepDocument } from '../../core/types.js';
import { loadPlacesData, type PlacesData, precisionOf } from '../../data/places.js';
import { type Stage, stageTag } from '../../pipeline/stage.js';
import { findPlaces } from './find.js';
import { resolvePlaces } from './resolve.js';

export interface PlacesOptions {
  /**
   * Which country mentions become places: 'locative' only where the text uses the country as a location
   * ("in Russia", "to Ukraine", "across the United States"); 'all' for every mention, metonyms included
   * ("Russia said"). Default 'all': toponym recognition counts every mention, and each place says
   * whether the text uses it as a location (`locative`), which is what events need for "where".
   */
  readonly countries?: 'locative' | 'all';
}

export function createPlacesStage(
  data: PlacesData = loadPlacesData(),
  options: PlacesOptions = {},
): Stage<'sentences' | 'tokens' | 'actors', 'places'> {
  const requires: ('sentences' | 'tokens' | 'actors')[] = ['sentences', 'tokens', 'actors'];
  const countries = options.countries ?? 'all';
  const stage = {
    name: 'places',
    version: 1,
    requires,
    provides: ['places' as const],
    run(doc: SitrepDocument<'sentences' | 'tokens' | 'actors'>) {
      const by = stageTag(stage);
      const actors = doc.layers.actors ?? [];
      const nonPlaceSpans = actors
        .filter((a) => a.kind === 'person' || a.kind === 'organization')
        .flatMap((a) => a.mentions);
      const blocked = (start: number, end: number) =>
        nonPlaceSpans.some(
          (s) => overlaps(s, { start, end }) && !(s.start === start && s.end === end && s.via === 'metonym'),
        );
      const actorCountries = actors.filter((a) => a.kind === 'country' && a.code).map((a) => a.code!);

      const mentions = findPlaces(doc.text, doc.layers.tokens, data, blocked);
      const resolved = resolvePlaces(mentions, data, actorCountries);
      const places: Place[] = [];
      for (const { mention, name } of resolved) {
        const e = data.entry(name.entry);
        const locative = mention.via !== 'name';
        if (e.featureClass === 'country' && countries === 'locative' && !locative) continue;
        places.push({
          id: `p${places.length + 1}`,
          start: mention.start,
          end: mention.end,
          text: doc.text.slice(mention.start, mention.end),
          name: e.name,
          country: e.country,
          admin1: e.admin1,
          featureClass: e.featureClass,
          lat: e.lat,
          lon: e.lon,
          geonames: e.geonames,
          precision: precisionOf(e.featureClass),
          locative,
          by,
          rule: name.rule,
        });
      }
      return { places };
    },
  };
  return stage;
}
