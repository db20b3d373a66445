/**
 * Filter state of the dashboard and the hash it lives in: `#/path?actor=PRK&from=2024-10-01`.
 * The filter names are those of `sitrep events` and of the API, so a link is the query. Pure
 * functions over strings; depends on nothing.
 */

export const FILTER_KEYS = [
  'actor',
  'cameo',
  'plover',
  'from',
  'to',
  'place',
  'outlet',
  'min_sources',
  'contradicted',
] as const;

export type FilterKey = (typeof FILTER_KEYS)[number];
export type Filters = Partial<Record<FilterKey, string>>;

export interface Route {
  /** Path segments after `#/`, decoded: [] for the overview, ['events', id], ['documents', id], ... */
  path: string[];
  /** The whole query of the hash (filters and view options such as `by`, `bucket`, `sort`, `hl`). */
  query: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const q = raw.indexOf('?');
  const pathPart = q === -1 ? raw : raw.slice(0, q);
  const query = new URLSearchParams(q === -1 ? '' : raw.slice(q + 1));
  const path = pathPart
    .split('/')
    .filter((s) => s !== '')
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
  return { path, query };
}

export function formatHash(path: readonly string[], query: URLSearchParams): string {
  const qs = query.toString();
  return `#/${path.map(encodeURIComponent).join('/')}${qs ? `?${qs}` : ''}`;
}

export function filtersOf(query: URLSearchParams): Filters {
  const f: Filters = {};
  for (const k of FILTER_KEYS) {
    const v = query.get(k);
    if (v !== null && v !== '') f[k] = v;
  }
  return f;
}

export function filterParams(f: Filters): URLSearchParams {
  const p = new URLSearchParams();
  for (const k of FILTER_KEYS) {
    const v = f[k];
    if (v !== undefined && v !== '') p.set(k, v);
  }
  return p;
}

/** The query with some keys set (a value) or removed (undefined/empty), other keys kept. */
export function withQuery(
  query: URLSearchParams,
  changes: Record<string, string | undefined>,
): URLSearchParams {
  const next = new URLSearchParams(query);
  for (const [k, v] of Object.entries(changes)) {
    if (v === undefined || v === '') next.delete(k);
    else next.set(k, v);
  }
  return next;
}
