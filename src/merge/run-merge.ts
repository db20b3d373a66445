/**
 * Runs the merge pass over a store: reads every event, merges, and replaces the story events in
 * one transaction. Imports the store interface and the pure merge only.
 */
import type { Store } from '../store/store.js';
import { mergeEvents } from './merge.js';
import { loadMergeRules, type MergeRules } from './rules.js';

export interface MergeSummary {
  readonly events: number;
  readonly stories: number;
  readonly contradictions: number;
  readonly ms: number;
}

export async function runMerge(store: Store, rules: MergeRules = loadMergeRules()): Promise<MergeSummary> {
  const t0 = performance.now();
  const events = await store.allEvents();
  const out = mergeEvents(events, rules);
  await store.replaceStories(out);
  return {
    events: events.length,
    stories: out.stories.length,
    contradictions: out.contradictions.length,
    ms: Math.round(performance.now() - t0),
  };
}
