/**
 * The list terms of an `EventFilter` (actors by side, CAMEO codes and roots, PLOVER types, place
 * names, certainty, polarity) as WHERE conditions over `stories`, appended by ./story-filter.ts so
 * every query over stories reads them the same way. Values are bound as parameters and LIKE
 * wildcards in them are escaped. Imports Kysely, ./schema and ./store types only.
 */
import { type ExpressionBuilder, type SelectQueryBuilder, type SqlBool, sql } from 'kysely';
import type { Tables } from './schema.js';
import type { EventFilter } from './store.js';

type Eb = ExpressionBuilder<Tables, 'stories'>;
type Side = 'source' | 'target';

/** `needle` with LIKE's wildcards and the escape character escaped (ESCAPE '\' below). */
function likeEscaped(needle: string): string {
  return needle.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function lowerLike(column: string, pattern: string) {
  return sql<SqlBool>`lower(${sql.ref(`stories.${column}`)}) LIKE ${pattern} ESCAPE '\\'`;
}

/**
 * The keys of states (actors that are their own key: Russia → RUS) whose name is `name`, on
 * either side of any story: a state's name then stands for everything the state's code does.
 */
function stateKeysNamed(eb: Eb, name: string) {
  const side = (s: Side) =>
    eb
      .selectFrom('stories as named')
      .select(sql<string>`lower(${sql.ref(`named.${s}_key`)})`.as('k'))
      .where(sql<SqlBool>`lower(${sql.ref(`named.${s}_name`)}) = ${name}`)
      .where(sql<SqlBool>`${sql.ref(`named.${s}_code`)} = ${sql.ref(`named.${s}_key`)}`);
  return side('source').union(side('target'));
}

/** One typed actor term against one side of the story. */
function actorOnSide(eb: Eb, side: Side, term: string) {
  const t = term.toLowerCase();
  const col = (c: string) => sql.ref(`stories.${side}_${c}`);
  const conditions = [
    sql<SqlBool>`lower(${col('key')}) = ${t}`,
    sql<SqlBool>`lower(${col('country')}) = ${t}`,
    sql<SqlBool>`lower(${col('name')}) = ${t}`,
    // A surname: "Putin" is "Vladimir Putin".
    lowerLike(`${side}_name`, `% ${likeEscaped(t)}`),
    eb(sql`lower(${col('key')})`, 'in', stateKeysNamed(eb, t)),
  ];
  // A code prefix: RUS matches RUSGOV and RUSMIL (CAMEO codes are letters; three make a country).
  if (/^[a-z]{3,}$/.test(t)) conditions.push(lowerLike(`${side}_code`, `${likeEscaped(t)}%`));
  return eb.or(conditions);
}

function actorsOn(eb: Eb, sides: readonly Side[], terms: readonly string[]) {
  return eb.or(terms.flatMap((t) => sides.map((s) => actorOnSide(eb, s, t))));
}

/** Stories with at least one mention whose event has `column` in `values`. */
function someMention(eb: Eb, column: 'certainty' | 'polarity', values: readonly string[]) {
  return eb.exists(
    eb
      .selectFrom('story_mentions as tm')
      .innerJoin('events as te', (j) =>
        j.onRef('te.doc_id', '=', 'tm.doc_id').onRef('te.id', '=', 'tm.event_id'),
      )
      .select('tm.story_id')
      .whereRef('tm.story_id', '=', 'stories.id')
      .where(`te.${column}`, 'in', [...values]),
  );
}

export function whereStoryTerms<O>(
  query: SelectQueryBuilder<Tables, 'stories', O>,
  filter: EventFilter,
): SelectQueryBuilder<Tables, 'stories', O> {
  let q = query;
  const { actors, sources, targets, cameos, plovers, places, certainty, polarity } = filter;
  if (actors?.length) q = q.where((eb) => actorsOn(eb, ['source', 'target'], actors));
  if (sources?.length) q = q.where((eb) => actorsOn(eb, ['source'], sources));
  if (targets?.length) q = q.where((eb) => actorsOn(eb, ['target'], targets));
  if (cameos?.length) {
    q = q.where((eb) => eb.or(cameos.map((c) => eb('cameo', 'like', `${likeEscaped(c)}%`))));
  }
  if (plovers?.length) {
    q = q.where(
      sql`upper(plover)`,
      'in',
      plovers.map((p) => p.toUpperCase()),
    );
  }
  if (places?.length) {
    q = q.where((eb) =>
      eb.or(
        places.flatMap((p) => {
          const n = p.toLowerCase();
          return [
            lowerLike('place_name', `${likeEscaped(n)}%`),
            sql<SqlBool>`lower(stories.place_country) = ${n}`,
          ];
        }),
      ),
    );
  }
  if (certainty?.length) q = q.where((eb) => someMention(eb, 'certainty', certainty));
  if (polarity?.length) q = q.where((eb) => someMention(eb, 'polarity', polarity));
  return q;
}
