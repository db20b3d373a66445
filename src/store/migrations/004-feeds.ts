/**
 * Migration 4: the feeds `sitrep scheduler` polls and the items already seen through them, so the
 * same article arriving through two feeds (or twice through one) is handed on once. Provides SQL
 * statements only; imports nothing but the Migration type.
 *
 * Feed ids are text (a hash of the URL, made by src/feeds), not a serial column: the same statement
 * then works in both dialects. Times are ISO strings, so `next_poll_at <= now` compares as text.
 */
import type { Migration } from './index.js';

export const feeds: Migration = {
  version: 4,
  name: 'feeds',
  statements: [
    `CREATE TABLE feeds (
      id TEXT PRIMARY KEY, url TEXT NOT NULL UNIQUE, outlet TEXT, every_seconds INTEGER NOT NULL,
      added_at TEXT NOT NULL, next_poll_at TEXT NOT NULL, last_poll_at TEXT, last_status TEXT,
      last_error TEXT, etag TEXT, last_modified TEXT,
      items_seen INTEGER NOT NULL DEFAULT 0, items_new INTEGER NOT NULL DEFAULT 0,
      consecutive_failures INTEGER NOT NULL DEFAULT 0
    )`,
    'CREATE INDEX feeds_due ON feeds (next_poll_at)',
    // One row per item URL (normalised: no fragment, no tracking parameters), whichever feed brought
    // it first. `pending` rows are claims in progress; `failed` ones are retried a few times.
    `CREATE TABLE feed_items (
      url TEXT PRIMARY KEY, feed_id TEXT NOT NULL, first_seen TEXT NOT NULL, updated_at TEXT NOT NULL,
      content_hash TEXT, status TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 1, error TEXT
    )`,
    'CREATE INDEX feed_items_hash ON feed_items (content_hash)',
    'CREATE INDEX feed_items_feed ON feed_items (feed_id)',
  ],
};
