/**
 * Runs the merge pass over a store: reads every event, merges, and replaces the story events in
 * one transaction. Imports the store interface and the pure merge only.
 */
import type { Store } from '../store/store.js';
import { mergeEvents } from './merge.js';
import { loadMergeRules, type MergeRules } from './rules.js';

export interface MergeSummary {
  /** False when a merge that read later landed first (its stories stand). */
  readonly applied: boolean;
  readonly events: number;
  readonly stories: number;
  readonly contradictions: number;
  readonly ms: number;
}

export async function runMerge(store: Store, rules: MergeRules = loadMergeRules()): Promise<MergeSummary> {
  const t0 = performance.now();
  const mark = await store.staleMark();
  const events = await store.allEvents();
  const out = mergeEvents(events, rules);
  const applied = await store.replaceStories(out, mark);
  return {
    applied,
    events: events.length,
    stories: out.stories.length,
    contradictions: out.contradictions.length,
    ms: Math.round(performance.now() - t0),
  };
}
