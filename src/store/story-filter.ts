/**
 * The filters of `sitrep events` as a WHERE clause over the `stories` table, shared by the events
 * list and every aggregation over stories (network, timeline, places), so the same filter selects
 * the same stories everywhere. Values are bound as parameters. Imports Kysely, ./schema and ./store
 * types only.
 */
import { type RawBuilder, type SelectQueryBuilder, sql } from 'kysely';
import type { Tables } from './schema.js';
import type { EventFilter } from './store.js';
import { whereStoryTerms } from './story-terms.js';

/** Longest interval that counts as happening within any date range it overlaps (see merge rules). */
export const PRECISE_DAYS = 7;

export function whereStoryFilter<O>(
  query: SelectQueryBuilder<Tables, 'stories', O>,
  filter: EventFilter,
): SelectQueryBuilder<Tables, 'stories', O> {
  let q = query;
  if (filter.actor) {
    const a = filter.actor.toLowerCase();
    q = q.where((eb) =>
      eb.or(
        (['source', 'target'] as const).flatMap((side) => [
          eb(eb.fn('lower', [`${side}_key`]), '=', a),
          eb(eb.fn('lower', [`${side}_code`]), '=', a),
          eb(eb.fn('lower', [`${side}_country`]), '=', a),
          eb(eb.fn('lower', [`${side}_name`]), '=', a),
        ]),
      ),
    );
  }
  if (filter.cameo) q = q.where(likeText(sql.ref('cameo'), filter.cameo, 'prefix'));
  if (filter.plover) q = q.where(sql`upper(plover)`, '=', filter.plover.toUpperCase());
  if (filter.from || filter.to) {
    // In the range: an interval inside it, or a precise one (a week at most) overlapping it. A
    // vague "in 2014" overlaps every week of 2014 but did not happen in each of them.
    const { from, to } = filter;
    q = q.where((eb) =>
      eb.or([
        eb.and([...(from ? [eb('date_from', '>=', from)] : []), ...(to ? [eb('date_to', '<=', to)] : [])]),
        eb.and([
          ...(from ? [eb('date_to', '>=', from)] : []),
          ...(to ? [eb('date_from', '<=', to)] : []),
          eb('span_days', '<=', PRECISE_DAYS),
        ]),
      ]),
    );
  }
  if (filter.place) {
    const p = filter.place.toLowerCase();
    q = q.where((eb) =>
      eb.or([
        likeText(sql.ref('place_name'), p, 'prefix', { lower: true }),
        eb(eb.fn('lower', ['place_country']), '=', p),
      ]),
    );
  }
  if (filter.outlet) {
    const o = filter.outlet.toLowerCase();
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('story_mentions as sm')
          .innerJoin('documents as d', 'd.id', 'sm.doc_id')
          .select('sm.story_id')
          .whereRef('sm.story_id', '=', 'stories.id')
          .where((ieb) => ieb(ieb.fn('lower', ['d.outlet']), '=', o)),
      ),
    );
  }
  if (filter.minSources) q = q.where('n_sources', '>=', filter.minSources);
  if (filter.contradicted !== undefined) q = q.where('contradicted', '=', filter.contradicted ? 1 : 0);
  return whereStoryTerms(q, filter);
}

/** The text with LIKE's wildcards (`%`, `_`) and the escape character itself escaped. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

type Column = RawBuilder<unknown> | ReturnType<typeof sql.ref>;

/**
 * `column LIKE pattern` with the user's text escaped, so `%` and `_` in it match themselves (ESCAPE is
 * standard in both dialects; SQLite has no default escape character). `lower` compares
 * case-insensitively (the needle is lower-cased here).
 */
export function likeText(
  column: Column,
  needle: string,
  match: 'prefix' | 'contains',
  opts: { lower?: boolean } = {},
): RawBuilder<boolean> {
  const text = escapeLike(opts.lower ? needle.toLowerCase() : needle);
  const pattern = match === 'prefix' ? `${text}%` : `%${text}%`;
  return opts.lower
    ? sql<boolean>`lower(${column}) LIKE ${pattern} ESCAPE '\\'`
    : sql<boolean>`${column} LIKE ${pattern} ESCAPE '\\'`;
}

/** Case-insensitive "contains" with the needle's wildcards escaped. */
export function containsText(column: Column, needle: string): RawBuilder<boolean> {
  return likeText(column, needle, 'contains', { lower: true });
}
