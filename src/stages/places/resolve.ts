/**
 * The places resolver: picks one gazetteer entry per mention, the one a news reader means. Each name
 * starts with its prior (countries over regions over cities by population, capitals and regional seats
 * a little higher, aliases their own prior); then the article's context adds to it: a candidate in a
 * country the article names elsewhere (its country focus), in a region it names, or near the other
 * places it names scores higher ("Paris" near "Texas" is Paris, Texas; "Tripoli" in an article about
 * Benghazi is the Libyan capital, beside Beirut the Lebanese port). Passes: the first resolves by prior
 * alone to learn the context, the later ones re-decide with the context of the previous pass.
 * Pure; depends on the places data.
 */
import type { PlaceName, PlacesData } from '../../data/places.js';
import type { PlaceMention } from './find.js';

/** Score for each other mention of a candidate's country, up to two mentions. */
const COUNTRY_CONTEXT = 1.5;
const COUNTRY_CONTEXT_CAP = 3;
/** Score when the candidate's first-level region is itself mentioned. */
const ADMIN1_CONTEXT = 2;
/** Smallest city that counts as context for its region. */
const ADMIN1_CITY_POPULATION = 100000;
/** Score when the place right after the name and a comma contains the candidate ("Paris, Texas"). */
const QUALIFIER = 5;
/**
 * Score for the article's country focus: times the share of the other mentions (of other names) that
 * lie in the candidate's country. A local paper's "Paris" among Illinois towns is not the capital.
 */
const FOCUS = 2;
/** Share of the article's other places a small town's country must hold for the country to count. */
const SMALL_TOWN_FOCUS = 0.5;
/** Score when another place of the article (a town or region, not the same name) lies within NEAR_KM. */
const NEAR = 1.5;
const NEAR_KM = 300;
/** Context passes after the prior-only one: the second lets the places the first settled steer the rest. */
const PASSES = 2;

/** Great-circle distance in km (spherical Earth). */
function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 12742 * Math.asin(Math.min(1, Math.sqrt(h)));
}

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
  let picks = mentions.map((m) => best(m.candidates, (c) => c.prior));
  for (let pass = 0; pass < PASSES; pass++) picks = decide(mentions, data, picks, extraCountries);
  return mentions.map((m, i) => ({ mention: m, name: picks[i]! }));
}

/** The candidate with the highest score; the first on a tie. */
function best(cands: readonly PlaceName[], score: (c: PlaceName) => number): PlaceName {
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
}

/** One context pass: every mention re-decided from the picks of the previous pass. */
function decide(
  mentions: readonly PlaceMention[],
  data: PlacesData,
  previous: readonly PlaceName[],
  extraCountries: readonly string[],
): PlaceName[] {
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
  const keyCount = new Map<string, number>();
  let located = extraCountries.length;
  // Points of the towns and regions picked so far, with the name they were picked for.
  const pointKeys: string[] = [];
  const pointLat: number[] = [];
  const pointLon: number[] = [];
  previous.forEach((c, i) => {
    const e = data.entry(c.entry);
    const key = mentions[i]!.key;
    if (e.country) bump(countryCount, e.country, key);
    if (e.country) {
      located++;
      keyCount.set(key, (keyCount.get(key) ?? 0) + 1);
    }
    // Regions and the big cities in them count ("Atlanta" makes "Georgia" the state); a small town's
    // pick is too weak to steer others ("Perry" must not pull "Manchester" to Georgia).
    if (e.admin1 && (e.featureClass !== 'city' || e.population >= ADMIN1_CITY_POPULATION))
      bump(admin1Count, e.admin1, key);
    if (e.featureClass === 'city' || e.featureClass === 'admin1') {
      pointKeys.push(key);
      pointLat.push(e.lat);
      pointLon.push(e.lon);
    }
  });
  const nearOther = (lat: number, lon: number, key: string): boolean => {
    for (let k = 0; k < pointKeys.length; k++)
      if (pointKeys[k] !== key && distanceKm(lat, lon, pointLat[k]!, pointLon[k]!) <= NEAR_KM) return true;
    return false;
  };

  return mentions.map((m) => {
    if (m.candidates.length === 1) return m.candidates[0]!;
    const otherLocated = located - (keyCount.get(m.key) ?? 0);
    const score = (c: PlaceName): number => {
      const e = data.entry(c.entry);
      let s = c.prior;
      if (e.country) {
        const n = others(countryCount, e.country, m.key);
        const share = otherLocated > 0 ? n / otherLocated : 0;
        // A small town is the one meant only where the article is mostly about its country: a world
        // story that names the U.S. often still means Brussels, Belgium, not Brussels, Wisconsin.
        const small = e.featureClass === 'city' && e.population < data.minPopulation;
        if (!small || share >= SMALL_TOWN_FOCUS) s += COUNTRY_CONTEXT * Math.min(COUNTRY_CONTEXT_CAP, n);
        s += FOCUS * share;
      }
      if (m.qualifier !== null) {
        const q = data.entry(previous[m.qualifier]!.entry);
        if (
          (q.featureClass === 'admin1' && q.admin1 === e.admin1) ||
          (q.featureClass === 'country' && q.country === e.country)
        )
          s += QUALIFIER;
      }
      if (e.admin1 && others(admin1Count, e.admin1, m.key) > 0) s += ADMIN1_CONTEXT;
      if (e.featureClass !== 'country' && nearOther(e.lat, e.lon, m.key)) s += NEAR;
      return s;
    };
    return best(m.candidates, score);
  });
}
