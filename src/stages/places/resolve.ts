/**
 * The places resolver: picks one gazetteer entry per mention. Each name starts with its prior
 * (countries over regions over cities by population, capitals a little higher, aliases their own
 * prior); then the article's context adds to it: a candidate in a country the article names elsewhere,
 * or in a region it names, scores higher ("Paris" near "Texas" is Paris, Texas). Two passes: the first
 * resolves by prior alone to learn the context, the second decides. Pure; depends on the places data.
 */
import type { PlaceName, PlacesData } from '../../data/places.js';
import type { PlaceMention } from './find.js';

/** Score for each other mention of a candidate's country, up to two mentions. */
const COUNTRY_CONTEXT = 1.5;
const COUNTRY_CONTEXT_CAP = 2;
/** Score when the candidate's first-level region is itself mentioned. */
const ADMIN1_CONTEXT = 2;
/** Score when the place right after the name and a comma contains the candidate ("Paris, Texas"). */
const QUALIFIER = 5;

export interface Resolved {
  readonly mention: PlaceMention;
  readonly name: PlaceName;
}

/**
 * @param extraCountries alpha-3 codes the article is known to mention besides its places (e.g. from the
 *   actors layer), each counting as one mention.
 */
export function resolvePlaces(
  mentions: readonly PlaceMention[],
  data: PlacesData,
  extraCountries: readonly string[] = [],
): Resolved[] {
  const best = (cands: readonly PlaceName[], score: (c: PlaceName) => number): PlaceName => {
    let top = cands[0]!;
    let topScore = score(top);
    for (let i = 1; i < cands.length; i++) {
      const s = score(cands[i]!);
      if (s > topScore) {
        top = cands[i]!;
        topScore = s;
      }
    }
    return top;
  };

  const first = mentions.map((m) => best(m.candidates, (c) => c.prior));
  const countryCount = new Map<string, number>();
  const admin1Seen = new Map<string, number>();
  for (const c of extraCountries) countryCount.set(c, (countryCount.get(c) ?? 0) + 1);
  first.forEach((c) => {
    const e = data.entries[c.entry]!;
    if (e.country) countryCount.set(e.country, (countryCount.get(e.country) ?? 0) + 1);
    if (e.featureClass === 'admin1' && e.admin1)
      admin1Seen.set(e.admin1, (admin1Seen.get(e.admin1) ?? 0) + 1);
  });

  return mentions.map((m, i) => {
    const own = data.entries[first[i]!.entry]!;
    const score = (c: PlaceName): number => {
      const e = data.entries[c.entry]!;
      let s = c.prior;
      if (e.country) {
        // This mention's own first-pass pick does not count as context for itself.
        const n = (countryCount.get(e.country) ?? 0) - (own.country === e.country ? 1 : 0);
        s += COUNTRY_CONTEXT * Math.min(COUNTRY_CONTEXT_CAP, n);
      }
      if (m.qualifier !== null) {
        const q = data.entries[first[m.qualifier]!.entry]!;
        if (
          (q.featureClass === 'admin1' && q.admin1 === e.admin1) ||
          (q.featureClass === 'country' && q.country === e.country)
        )
          s += QUALIFIER;
      }
      if (e.featureClass === 'city' && e.admin1) {
        const n =
          (admin1Seen.get(e.admin1) ?? 0) -
          (own.admin1 === e.admin1 && own.featureClass === 'admin1' ? 1 : 0);
        if (n > 0) s += ADMIN1_CONTEXT;
      }
      return s;
    };
    return { mention: m, name: m.candidates.length === 1 ? m.candidates[0]! : best(m.candidates, score) };
  });
}
