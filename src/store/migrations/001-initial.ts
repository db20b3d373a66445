/**
 * Migration 1: documents and every annotation layer, the story events merged across documents,
 * their contradictions, and the ingest error log. Provides SQL statements only; imports nothing.
 *
 * One text serves both dialects: it uses only types PostgreSQL and SQLite both accept (TEXT,
 * INTEGER, DOUBLE PRECISION; SQLite maps any type name to an affinity), booleans are 0/1 integers
 * and JSON is stored as TEXT, so no statement needs a dialect branch. Offsets are UTF-16 indices,
 * half-open; dates are ISO strings (they sort as dates in both).
 */
import type { Migration } from './index.js';

const span = (p: string) => `${p}_text TEXT, ${p}_start INTEGER, ${p}_end INTEGER`;
const prov = 'by_stage TEXT NOT NULL, rule TEXT NOT NULL';

export const initial: Migration = {
  version: 1,
  name: 'initial',
  statements: [
    // The document row is written last in its transaction: it is the commit marker a re-run checks.
    `CREATE TABLE documents (
      id TEXT PRIMARY KEY,
      title TEXT, published TEXT, published_from TEXT, outlet TEXT, url TEXT, language TEXT NOT NULL,
      input TEXT, text TEXT NOT NULL, chars INTEGER NOT NULL,
      pipeline TEXT NOT NULL, ingested_at TEXT NOT NULL
    )`,
    'CREATE INDEX documents_published ON documents (published)',
    'CREATE INDEX documents_outlet ON documents (outlet)',
    `CREATE TABLE actors (
      doc_id TEXT NOT NULL, id TEXT NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL,
      code TEXT, cameo TEXT, country TEXT, roles TEXT NOT NULL, aliases TEXT NOT NULL, ${prov},
      PRIMARY KEY (doc_id, id)
    )`,
    'CREATE INDEX actors_code ON actors (code)',
    'CREATE INDEX actors_name ON actors (name)',
    `CREATE TABLE actor_mentions (
      doc_id TEXT NOT NULL, actor_id TEXT NOT NULL, n INTEGER NOT NULL, ${span('span')},
      via TEXT NOT NULL, rule TEXT NOT NULL, PRIMARY KEY (doc_id, actor_id, n)
    )`,
    `CREATE TABLE times (
      doc_id TEXT NOT NULL, id TEXT NOT NULL, ${span('span')}, type TEXT NOT NULL, value TEXT NOT NULL,
      date_from TEXT, date_to TEXT, future INTEGER NOT NULL, ${prov}, PRIMARY KEY (doc_id, id)
    )`,
    `CREATE TABLE places (
      doc_id TEXT NOT NULL, id TEXT NOT NULL, ${span('span')}, name TEXT NOT NULL, country TEXT,
      admin1 TEXT, feature TEXT NOT NULL, lat DOUBLE PRECISION, lon DOUBLE PRECISION, geonames INTEGER,
      ${prov}, PRIMARY KEY (doc_id, id)
    )`,
    `CREATE TABLE quantities (
      doc_id TEXT NOT NULL, id TEXT NOT NULL, ${span('span')}, value DOUBLE PRECISION NOT NULL, unit TEXT,
      approximate INTEGER NOT NULL, qualifier TEXT, ${prov}, PRIMARY KEY (doc_id, id)
    )`,
    `CREATE TABLE quotes (
      doc_id TEXT NOT NULL, id TEXT NOT NULL, ${span('span')}, speaker TEXT, ${prov},
      PRIMARY KEY (doc_id, id)
    )`,
    `CREATE TABLE attributions (
      doc_id TEXT NOT NULL, id TEXT NOT NULL, speaker TEXT, ${span('source')}, ${span('cue')},
      verb TEXT NOT NULL, ${span('content')}, outer_id TEXT, ${prov}, PRIMARY KEY (doc_id, id)
    )`,
    // Events carry denormalised copies of what querying and merging need (actor codes and names,
    // resolved dates, place, quantity, outlet) so that neither has to join six tables per row.
    `CREATE TABLE events (
      doc_id TEXT NOT NULL, id TEXT NOT NULL, cameo TEXT NOT NULL, root TEXT NOT NULL, plover TEXT NOT NULL,
      label TEXT NOT NULL, source_id TEXT, target_id TEXT, time_id TEXT, place_id TEXT, quantity_id TEXT,
      source_key TEXT, source_name TEXT, source_code TEXT, source_country TEXT,
      target_key TEXT, target_name TEXT, target_code TEXT, target_country TEXT,
      time_text TEXT, date_from TEXT, date_to TEXT, date_stated INTEGER NOT NULL,
      place_name TEXT, place_country TEXT, place_lat DOUBLE PRECISION, place_lon DOUBLE PRECISION, quantity_text TEXT, quantity_value DOUBLE PRECISION, quantity_unit TEXT,
      quantity_qualifier TEXT, quantity_approximate INTEGER,
      attribution_speaker TEXT, attribution_key TEXT, attribution_name TEXT, attribution_verb TEXT, attribution_start INTEGER, attribution_end INTEGER,
      certainty TEXT NOT NULL, polarity TEXT NOT NULL, ${span('evidence')}, ${span('trigger')},
      also_evidence TEXT NOT NULL, outlet TEXT, published TEXT, ${prov},
      PRIMARY KEY (doc_id, id)
    )`,
    'CREATE INDEX events_block ON events (root, source_key, target_key, date_from)',
    // Story events: one happening, every mention of it across documents (rebuilt by the merge pass).
    `CREATE TABLE stories (
      id TEXT PRIMARY KEY, cameo TEXT NOT NULL, root TEXT NOT NULL, plover TEXT NOT NULL, label TEXT NOT NULL,
      source_key TEXT, source_name TEXT, source_code TEXT, source_country TEXT,
      target_key TEXT, target_name TEXT, target_code TEXT, target_country TEXT,
      date_from TEXT, date_to TEXT, place_name TEXT, place_country TEXT,
      place_lat DOUBLE PRECISION, place_lon DOUBLE PRECISION,
      first_seen TEXT, last_seen TEXT, n_mentions INTEGER NOT NULL, n_documents INTEGER NOT NULL,
      n_outlets INTEGER NOT NULL, n_sources INTEGER NOT NULL, outlets TEXT NOT NULL,
      contradicted INTEGER NOT NULL, merged_by TEXT NOT NULL
    )`,
    'CREATE INDEX stories_dates ON stories (date_from, date_to)',
    'CREATE INDEX stories_source ON stories (source_key)',
    `CREATE TABLE story_mentions (
      story_id TEXT NOT NULL, doc_id TEXT NOT NULL, event_id TEXT NOT NULL, reason TEXT NOT NULL,
      PRIMARY KEY (story_id, doc_id, event_id)
    )`,
    'CREATE INDEX story_mentions_doc ON story_mentions (doc_id, event_id)',
    `CREATE TABLE contradictions (
      story_id TEXT NOT NULL, n INTEGER NOT NULL, kind TEXT NOT NULL, detail TEXT NOT NULL,
      a_doc TEXT NOT NULL, a_event TEXT NOT NULL, b_doc TEXT NOT NULL, b_event TEXT NOT NULL,
      PRIMARY KEY (story_id, n)
    )`,
    // One row per input that failed; cleared when the same input later goes through.
    `CREATE TABLE ingest_errors (
      input TEXT PRIMARY KEY, code TEXT NOT NULL, message TEXT NOT NULL, at TEXT NOT NULL
    )`,
    // Small key/value state: 'stories_stale' is set in the same transaction as any document write
    // and cleared by the merge pass, so an interrupted run still re-merges next time.
    'CREATE TABLE store_state (key TEXT PRIMARY KEY, value TEXT NOT NULL)',
  ],
};
