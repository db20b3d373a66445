/**
 * Runs the default pipeline over one gold document for an eval suite without letting one crashing
 * document abort a whole run: the document then counts as predicting nothing, and the failure is
 * counted (`n_failed`) and shown among the misses with the error, so it is never silent. Imports the
 * pipeline and the miss log only.
 */
import type { DocumentMeta, LayerName, SitrepDocument } from '../core/types.js';
import { extract } from '../pipeline/default.js';
import type { MissLog } from './misses.js';

export class SafeExtractor {
  failed = 0;

  constructor(
    private readonly log?: MissLog,
    private readonly extractFn: typeof extract = extract,
  ) {}

  /** The extracted document, or null when the pipeline threw on it. */
  run(text: string, meta: Partial<DocumentMeta>): SitrepDocument<LayerName> | null {
    try {
      return this.extractFn(text, meta);
    } catch (err) {
      this.failed++;
      const message = err instanceof Error ? err.message : String(err);
      this.log?.startDocument();
      this.log?.add('pipeline error', 'a document', message, text, 0, Math.min(text.length, 40));
      return null;
    }
  }

  /** Adds `n_failed` to the metrics when a document failed (absent otherwise, as in a clean run). */
  withFailures(metrics: Record<string, number>): Record<string, number> {
    return this.failed > 0 ? { ...metrics, n_failed: this.failed } : metrics;
  }
}
