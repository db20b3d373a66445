/**
 * The filters of story events as the user types them, read into the store's `EventFilter` in one
 * place, so `sitrep events` and `GET /api/events` (and the network, timeline and places of the
 * API) mean the same thing by the same words:
 * - `actor` (either side), `source`, `target`: a name ("Putin" matches "Vladimir Putin"), a state's
 *   name ("Russia" = RUS), an ISO or CAMEO code, or a code prefix (RUS matches RUSGOV, RUSMIL and
 *   every actor of Russia); several values are alternatives (OR).
 * - `cameo`: codes or roots, `18,19` = 18x or 19x; `plover`: PLOVER types, several = OR.
 * - `place`: a name, its alternate names (Kiev = Kyiv, from data/places), or a country code.
 * - `certainty`, `polarity`: stories with at least one mention of that certainty or polarity.
 * Imports core and the data reader only.
 */
import { isValidIsoDate } from '../core/dates.js';
import type { Certainty, Polarity } from '../core/types.js';
import { parseTsv, readDataFile } from '../data/paths.js';
import type { EventFilter } from '../store/store.js';

export const CERTAINTIES: readonly Certainty[] = [
  'asserted',
  'likely',
  'believed',
  'possible',
  'planned',
  'conditional',
];
export const POLARITIES: readonly Polarity[] = ['positive', 'negative', 'unconfirmed'];

/** The query as typed: every list value may itself be a comma list; absent or empty = no filter. */
export interface StoryQueryInput {
  readonly actor?: readonly string[] | string;
  readonly source?: readonly string[] | string;
  readonly target?: readonly string[] | string;
  readonly cameo?: readonly string[] | string;
  readonly plover?: readonly string[] | string;
  readonly place?: readonly string[] | string;
  readonly certainty?: readonly string[] | string;
  readonly polarity?: readonly string[] | string;
  readonly from?: string;
  readonly to?: string;
  readonly outlet?: string;
  readonly minSources?: number;
  readonly contradicted?: boolean;
}

/** A value the filter cannot mean anything by; `field` is the query key (CLI: `--field`). */
export class StoryQueryError extends Error {
  constructor(
    readonly field: string,
    readonly value: string,
    readonly reason: string,
  ) {
    super(`${field} ${value}: ${reason}`);
    this.name = 'StoryQueryError';
  }
}

function list(v: readonly string[] | string | undefined): string[] {
  if (v === undefined) return [];
  const values = typeof v === 'string' ? [v] : v;
  return values
    .flatMap((x) => x.split(','))
    .map((x) => x.trim())
    .filter((x) => x !== '');
}

function checkEach(field: string, values: string[], test: (v: string) => string | null): string[] {
  for (const v of values) {
    const reason = test(v);
    if (reason) throw new StoryQueryError(field, v, reason);
  }
  return values;
}

const nonEmpty = <T>(xs: T[]): T[] | undefined => (xs.length ? xs : undefined);

/** Reads the typed query into the store's filter, or throws StoryQueryError naming the bad value. */
export function storyFilterFrom(input: StoryQueryInput): EventFilter {
  const cameo = checkEach('cameo', list(input.cameo), (v) =>
    /^\d{2,4}$/.test(v) ? null : 'expected CAMEO codes or roots of 2 to 4 digits, comma-separated (18,19)',
  );
  const plover = checkEach('plover', list(input.plover), (v) =>
    /^[A-Za-z_]{2,40}$/.test(v) ? null : 'expected PLOVER event types such as AID, comma-separated',
  ).map((v) => v.toUpperCase());
  const certainty = checkEach('certainty', list(input.certainty), (v) =>
    (CERTAINTIES as readonly string[]).includes(v.toLowerCase())
      ? null
      : `expected one or more of ${CERTAINTIES.join(', ')}`,
  ).map((v) => v.toLowerCase());
  const polarity = checkEach('polarity', list(input.polarity), (v) =>
    (POLARITIES as readonly string[]).includes(v.toLowerCase())
      ? null
      : `expected one or more of ${POLARITIES.join(', ')}`,
  ).map((v) => v.toLowerCase());
  for (const [field, v] of [
    ['from', input.from],
    ['to', input.to],
  ] as const) {
    if (v !== undefined && !isValidIsoDate(v))
      throw new StoryQueryError(field, v, 'expected a date as YYYY-MM-DD');
  }
  const places = list(input.place);
  return {
    actors: nonEmpty(list(input.actor)),
    sources: nonEmpty(list(input.source)),
    targets: nonEmpty(list(input.target)),
    cameos: nonEmpty(cameo),
    plovers: nonEmpty(plover),
    places: nonEmpty([...new Set(places.flatMap(placeNames))]),
    certainty: nonEmpty(certainty),
    polarity: nonEmpty(polarity),
    from: input.from,
    to: input.to,
    outlet: input.outlet,
    minSources: input.minSources,
    contradicted: input.contradicted,
  };
}

let placeGroups: Map<string, readonly string[]> | null = null;

/**
 * Alternate names of places, lower-cased name → every name of the same place: the city aliases
 * (Kiev → Kyiv) and region aliases of data/places. Read on first use (two small files).
 */
function placeAliasGroups(): Map<string, readonly string[]> {
  if (placeGroups) return placeGroups;
  const groups = new Map<string, Set<string>>();
  const join = (names: string[]) => {
    const all = new Set(names);
    for (const n of names) for (const x of groups.get(n.toLowerCase()) ?? []) all.add(x);
    for (const n of all) groups.set(n.toLowerCase(), all);
  };
  for (const { row } of parseTsv(readDataFile('places', 'city-aliases.tsv'))) {
    if (row.alias && row.target) join([row.alias, row.target]);
  }
  for (const { row } of parseTsv(readDataFile('places', 'regions.tsv'))) {
    const alts = (row.aliases ?? '').split('|').filter(Boolean);
    if (row.name && alts.length) join([row.name, ...alts]);
  }
  placeGroups = new Map([...groups].map(([k, v]) => [k, [...v]]));
  return placeGroups;
}

/** The names a typed place stands for: itself and its alternate names. */
export function placeNames(place: string): string[] {
  return [place, ...(placeAliasGroups().get(place.toLowerCase()) ?? [])].filter(
    (n, i, all) => all.findIndex((m) => m.toLowerCase() === n.toLowerCase()) === i,
  );
}
