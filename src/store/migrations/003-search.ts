/**
 * Migration 3: full-text search over documents and the indexes the HTTP API's list, network and
 * timeline queries use. Provides SQL statements only; imports nothing but the Migration type.
 *
 * Search is the one place the dialects cannot share a statement: SQLite gets an FTS5 table over
 * the documents (external content: the text is stored once, in `documents`) kept in step by
 * triggers, PostgreSQL a GIN index on the same `to_tsvector('english', text)` expression the
 * search query uses (an index on any other expression would never be chosen).
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
  postgres: ["CREATE INDEX documents_fts ON documents USING GIN (to_tsvector('english', text))"],
};
