/**
 * The ordered list of schema migrations. Each is applied once, in its own transaction, and recorded
 * in `schema_migrations`; a store opens by applying whatever is pending. Imports nothing but the
 * migration files.
 */
import { initial } from './001-initial.js';
import { storySpan } from './002-story-span.js';
import { search } from './003-search.js';
import { feeds } from './004-feeds.js';

export interface Migration {
  /** Strictly increasing; never reuse or edit an applied one — add a new migration instead. */
  readonly version: number;
  readonly name: string;
  /** Statements valid in both PostgreSQL and SQLite, run in order. */
  readonly statements: readonly string[];
  /** Run after `statements`, only on that driver: for the rare statement one dialect lacks (FTS). */
  readonly sqlite?: readonly string[];
  readonly postgres?: readonly string[];
}

export const migrations: readonly Migration[] = [initial, storySpan, search, feeds];
