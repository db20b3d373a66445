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
/** Smallest city that counts as context for its region. */
const ADMIN1_CITY_POPULATION = 100000;
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
  // Context counts, by name: other mentions of the same name are the same ambiguity, not evidence
  // ("Georgia ... Georgia" must not vote for itself).
  const countryCount = new Map<string, Map<string, number>>();
  const admin1Count = new Map<string, Map<string, number>>();
  const bump = (map: Map<string, Map<string, number>>, what: string, key: string) => {
    const byKey = map.get(what) ?? new Map<string, number>();
    byKey.set(key, (byKey.get(key) ?? 0) + 1);
    map.set(what, byKey);
  };
  const others = (map: Map<string, Map<string, number>>, what: string, key: string): number => {
    const byKey = map.get(what);
    if (!byKey) return 0;
    let n = 0;
    for (const [k, c] of byKey) if (k !== key) n += c;
    return n;
  };
  for (const c of extraCountries) bump(countryCount, c, '');
  first.forEach((c, i) => {
    const e = data.entry(c.entry);
    const key = mentions[i]!.key;
    if (e.country) bump(countryCount, e.country, key);
    // Regions and the big cities in them count ("Atlanta" makes "Georgia" the state); a small town's
    // pick is too weak to steer others ("Perry" must not pull "Manchester" to Georgia).
    if (e.admin1 && (e.featureClass !== 'city' || e.population >= ADMIN1_CITY_POPULATION))
      bump(admin1Count, e.admin1, key);
  });

  return mentions.map((m) => {
    const score = (c: PlaceName): number => {
      const e = data.entry(c.entry);
      let s = c.prior;
      if (e.country)
        s += COUNTRY_CONTEXT * Math.min(COUNTRY_CONTEXT_CAP, others(countryCount, e.country, m.key));
      if (m.qualifier !== null) {
        const q = data.entry(first[m.qualifier]!.entry);
        if (
          (q.featureClass === 'admin1' && q.admin1 === e.admin1) ||
          (q.featureClass === 'country' && q.country === e.country)
        )
          s += QUALIFIER;
      }
      if (e.admin1 && others(admin1Count, e.admin1, m.key) > 0) s += ADMIN1_CONTEXT;
      return s;
    };
    return { mention: m, name: m.candidates.length === 1 ? m.candidates[0]! : best(m.candidates, score) };
  });
}
