/**
 * Migration 2: the length of a story's date interval in days, so date filters can tell an event of
 * a given week from a vague "in 2014" that merely overlaps it. Imports nothing.
 */
import type { Migration } from './index.js';

export const storySpan: Migration = {
  version: 2,
  name: 'story-span',
  statements: [
    'ALTER TABLE stories ADD COLUMN span_days INTEGER',
    // Existing stories lack the column's values: the next ingest re-merges.
    "INSERT INTO store_state (key, value) VALUES ('stories_stale', '1') ON CONFLICT (key) DO UPDATE SET value = '1'",
  ],
};
