/**
 * The evaluation contract: a suite reads gold data from the shared data folder at run time (never
 * copied into the project), runs Sitrep and a peer over it, and scores both the way the suite's
 * community scores it. Metrics are fractions in 0..1 unless their key says otherwise (`_km`, `_s`).
 */

export type Split = 'train' | 'dev' | 'test';

export interface EvalOptions {
  /** The shared data folder (default `../shared/data`). */
  readonly dataDir: string;
  readonly split: Split;
  /** Evaluate at most this many documents / sentences / records. */
  readonly limit: number | null;
  /** How many misses to collect for `--errors N`. */
  readonly errors: number;
}

/** One miss, with the text around it, for diagnosis. */
export interface EvalMiss {
  readonly kind: string;
  readonly expected: string;
  readonly got: string;
  readonly context: string;
}

export interface EvalResult {
  readonly suite: string;
  readonly split: Split;
  /** How many documents / sentences / records were scored. */
  readonly n: number;
  readonly metrics: Record<string, number>;
  readonly peer: { name: string; metrics: Record<string, number> } | null;
  readonly seconds: number;
  readonly misses: readonly EvalMiss[];
  /** The metric named in the headline table. */
  readonly headline: string;
  /** The gold files read for this split, relative to the data dir (for docs/QUALITY.md). */
  readonly files?: readonly string[];
  /** Short notes on how the suite was scored (split choices, mappings), for docs/QUALITY.md. */
  readonly notes?: readonly string[];
}

export interface EvalSuite {
  readonly name: string;
  /** Folder under the data dir the suite reads (checked before running, for a clear error). */
  readonly dataFolder: string;
  readonly headline: string;
  run(options: EvalOptions): Promise<EvalResult>;
}

/** Precision, recall and F1 from counts; 0 (not NaN) when there is nothing to divide. */
export function prf(tp: number, fp: number, fn: number): { precision: number; recall: number; f1: number } {
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}
