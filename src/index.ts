/**
 * The library API: `import { extract, openStore } from 'sitrep'`. `extract` turns one article into
 * the `sitrep.extract/1` JSON the CLI prints (`sitrep extract --json`); `openStore` opens the store
 * `sitrep ingest` writes (a data directory or a postgres:// URL) for the queries of `sitrep events`.
 * Imports the pipeline, the output projection and the store; the pipeline loads on first use.
 */
import type { DocumentMeta } from './core/types.js';
import type { ExtractJson } from './output/extract-json.js';
import type { Pipeline } from './pipeline/pipeline.js';

export { isSitrepError, SitrepError } from './core/errors.js';
export type {
  Actor,
  Certainty,
  DocumentMeta,
  EventRecord,
  Place,
  Polarity,
  Quantity,
  TimeExpression,
} from './core/types.js';
export {
  EXTRACT_SCHEMA,
  type ExtractActor,
  type ExtractAttribution,
  type ExtractEvent,
  type ExtractJson,
  type ExtractPlace,
  type ExtractQuantity,
  type ExtractQuote,
  type ExtractTime,
} from './output/extract-json.js';
export { type StoryQueryInput, storyFilterFrom } from './query/story-query.js';
export { openExistingStore, openStore } from './store/open-store.js';
export type { EventFilter, Store, StoryView } from './store/store.js';
export { storyJson } from './store/story-json.js';

/** What `extract` needs beside the text; every field optional (`published` dates relative times). */
export interface ExtractOptions {
  readonly published?: string;
  readonly title?: string;
  readonly url?: string;
  readonly outlet?: string;
}

let pipeline: Pipeline | null = null;

/**
 * Extracts one article: actors, times, places, quantities, quotes and CAMEO/PLOVER-coded events with
 * their evidence spans, as the `sitrep.extract/1` document. The models load on the first call.
 */
export async function extract(text: string, opts: ExtractOptions = {}): Promise<ExtractJson> {
  const [{ defaultPipeline }, { createDocument }, { toExtractJson }] = await Promise.all([
    import('./pipeline/default.js'),
    import('./pipeline/pipeline.js'),
    import('./output/extract-json.js'),
  ]);
  pipeline ??= defaultPipeline();
  const meta: Partial<DocumentMeta> = {
    ...(opts.published ? { published: opts.published, publishedFrom: 'cli' as const } : {}),
    title: opts.title ?? null,
    url: opts.url ?? null,
    source: opts.outlet ?? null,
  };
  return toExtractJson(pipeline.run(createDocument(text, meta)), pipeline.version);
}
