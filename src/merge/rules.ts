/**
 * The merge pass's parameters (data/merge/merge-rules.json), loaded once per process and frozen.
 * Imports the data-path helper only.
 */
import { readDataFile } from '../data/paths.js';

export interface MergeRules {
  readonly version: number;
  /** Days either side of a story's first mention within which another mention may join it. */
  readonly windowDays: number;
  /** Longest interval (days) still precise enough to meet another within the window (a week). */
  readonly maxPreciseDays: number;
  /** CAMEO roots whose source and target may be swapped (consult, cooperate). */
  readonly symmetricRoots: readonly string[];
  /** Roots (public statements, appeals) merged across articles only when both actors are known. */
  readonly bothActorsRoots: readonly string[];
  /** Relative tolerance of an approximate quantity ("about 10,000" covers 8,500–11,500). */
  readonly quantityTolerance: number;
  /** How a qualifier bounds a value: max ("up to"), min ("more than") or about. */
  readonly qualifiers: Readonly<Record<string, 'max' | 'min' | 'about'>>;
  readonly maxContradictionsPerStory: number;
}

let cached: MergeRules | null = null;

export function loadMergeRules(): MergeRules {
  cached ??= Object.freeze(JSON.parse(readDataFile('merge', 'merge-rules.json')) as MergeRules);
  return cached;
}
