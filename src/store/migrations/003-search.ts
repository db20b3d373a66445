/**
 * Migration 3: full-text search over documents and the indexes the HTTP API's list, network and
 * timeline queries use. Provides SQL statements only; imports nothing but the Migration type.
 *
 * Search is the one place the dialects cannot share a statement: SQLite gets an FTS5 table over
 * the documents (external content: the text is stored once, in `documents`) kept in step by
 * triggers; PostgreSQL a generated `search_vector` column (`to_tsvector('english', text)`, kept in
 * step by the database) with a GIN index. Neither is in the Tables type: only the search query
 * (src/store/serve-queries.ts) names them.
 */
import type { Migration } from './index.js';

export const search: Migration = {
  version: 3,
  name: 'search',
  statements: [
    // Filters of the events list and the network/timeline aggregations beyond the source key.
    'CREATE INDEX stories_target ON stories (target_key)',
    'CREATE INDEX stories_root ON stories (root)',
    'CREATE INDEX stories_sources ON stories (n_sources)',
    // The API's actor id (code, else lower-cased name): expression indexes, identical text in the
    // queries of ./serve-queries.ts, or neither database uses them.
    'CREATE INDEX actors_api_id ON actors (LOWER(COALESCE(code, name)))',
    'CREATE INDEX stories_source_id ON stories (LOWER(COALESCE(source_code, source_name)))',
    'CREATE INDEX stories_target_id ON stories (LOWER(COALESCE(target_code, target_name)))',
  ],
  sqlite: [
    // The documents table has a TEXT primary key, so FTS rows follow its implicit rowid. The store
    // replaces a document by DELETE + INSERT, never UPDATE, but an UPDATE trigger keeps it safe.
    `CREATE VIRTUAL TABLE documents_fts USING fts5(text, content='documents', content_rowid='rowid', tokenize='porter unicode61')`,
    `CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
       INSERT INTO documents_fts (rowid, text) VALUES (new.rowid, new.text);
     END`,
    `CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
       INSERT INTO documents_fts (documents_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
     END`,
    `CREATE TRIGGER documents_fts_update AFTER UPDATE ON documents BEGIN
       INSERT INTO documents_fts (documents_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
       INSERT INTO documents_fts (rowid, text) VALUES (new.rowid, new.text);
     END`,
    // Documents stored before this migration.
    "INSERT INTO documents_fts (documents_fts) VALUES ('rebuild')",
  ],
  postgres: [
    // Stored, so ranking reads the vector instead of re-parsing every matching text (search for
    // "missile test" on 3,876 articles: 310 ms with ts_rank over to_tsvector(text)).
    "ALTER TABLE documents ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED",
    'CREATE INDEX documents_fts ON documents USING GIN (search_vector)',
    // Newest first with undated last is a backward scan of a plain index in SQLite, not in
    // PostgreSQL (NULLs sort high there): the list's default order needs its own index.
    'CREATE INDEX stories_date_desc ON stories (date_from DESC NULLS LAST, id)',
  ],
};
