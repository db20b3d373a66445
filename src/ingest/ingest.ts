/**
 * The ingest loop: reads articles from the sources, skips those already stored by the same
 * extraction version, extracts the rest on the executor (all cores), and writes results in batched
 * transactions (each article complete or absent: the document row is the commit marker). A bad
 * input is recorded with its reason and never stops the run. Ends with the merge pass when new
 * documents were written (or an interrupted run left stories stale). Imports store, merge and the
 * ingest parts; never the CLI.
 */
import { isSitrepError } from '../core/errors.js';
import { type MergeSummary, runMerge } from '../merge/run-merge.js';
import { documentId } from '../pipeline/pipeline.js';
import type { DocumentRows, IngestErrorRow } from '../store/schema.js';
import type { Store } from '../store/store.js';
import type { Executor } from './executor.js';
import type { RawArticle, SourceItem } from './sources.js';

/** One line naming the input and the reason (the SitrepError message, or the internal error). */
function reasonOf(key: string, err: unknown): string {
  if (isSitrepError(err)) return err.message;
  return `${key}: internal error: ${err instanceof Error ? err.message : String(err)}`;
}

export interface IngestCounts {
  /** Articles read (good or bad). */
  read: number;
  stored: number;
  /** Already stored by the same extraction version. */
  skipped: number;
  errors: number;
  events: number;
  /** Stored articles extracted again with `update` (counted in `stored` too). */
  updated: number;
  /** Articles stored without a publication date (none in metadata, file name or text). */
  undated: number;
}

export interface IngestOptions {
  /** Articles per write transaction. */
  readonly batch?: number;
  /** Longest time results wait in memory before they are written (ms). */
  readonly flushMs?: number;
  /** Called after every write and every few articles, for progress output. */
  readonly onProgress?: (c: Readonly<IngestCounts>) => void;
  /** Set to stop reading new articles (Ctrl-C): what is in flight is finished and written. */
  readonly signal?: AbortSignal;
  /**
   * Extract and write articles already stored by this extraction version too (`--update`): their
   * metadata (date, outlet, title) is read again. The document id is the text's hash, so an
   * article replaces its earlier rows and nothing is duplicated.
   */
  readonly update?: boolean;
  /** Clock, injected for tests. */
  readonly now?: () => Date;
}

export interface IngestResult {
  readonly counts: IngestCounts;
  readonly version: string;
  readonly merge: MergeSummary | null;
  readonly interrupted: boolean;
  readonly seconds: number;
  /** Time spent in store writes (part of `seconds`): what the store costs beside extraction. */
  readonly storeSeconds: number;
}

export async function ingest(
  store: Store,
  sources: AsyncIterable<SourceItem>,
  executor: Executor,
  opts: IngestOptions = {},
): Promise<IngestResult> {
  const now = opts.now ?? (() => new Date());
  const batchSize = opts.batch ?? 64;
  const flushMs = opts.flushMs ?? 1000;
  const t0 = performance.now();
  const counts: IngestCounts = {
    read: 0,
    stored: 0,
    skipped: 0,
    errors: 0,
    events: 0,
    updated: 0,
    undated: 0,
  };
  const version = await executor.version();
  const maxInFlight = executor.threads * 4;

  let docs: DocumentRows[] = [];
  let errors: IngestErrorRow[] = [];
  let lastFlush = performance.now();
  // Writes run one after another; `writing` is the tail of that chain.
  let writing: Promise<void> = Promise.resolve();
  let writeError: unknown = null;
  let storeMs = 0;
  // Batches handed to the write chain but not yet written: bounded below, so results never pile up
  // in memory when extraction outruns the store.
  let queued = 0;
  // Ids handed to extraction and not yet committed: the same article twice in one run (in one batch,
  // or again before the first copy is written) is extracted and counted once. Bounded by what is in
  // flight, not by the corpus.
  const unwritten = new Set<string>();

  const flush = () => {
    const d = docs;
    const e = errors;
    docs = [];
    errors = [];
    lastFlush = performance.now();
    if (d.length === 0 && e.length === 0) return writing;
    queued++;
    writing = writing.then(async () => {
      if (writeError) return;
      try {
        const w0 = performance.now();
        if (d.length) await store.putDocuments(d);
        if (e.length) await store.recordErrors(e);
        storeMs += performance.now() - w0;
        counts.stored += d.length;
        for (const x of d) unwritten.delete(x.document.id);
        counts.events += d.reduce((n, x) => n + x.events.length, 0);
        counts.undated += d.reduce((n, x) => n + (x.document.published === null ? 1 : 0), 0);
        opts.onProgress?.(counts);
      } catch (err) {
        // A failing store (disk full, server gone) must stop the run: nothing would be kept.
        writeError = err;
      } finally {
        queued--;
      }
    });
    return writing;
  };

  const fail = (key: string, err: unknown) => {
    counts.errors++;
    errors.push({
      input: key,
      code: isSitrepError(err) ? err.code : 'INTERNAL',
      message: reasonOf(key, err),
      at: now().toISOString(),
    });
  };

  const inFlight = new Set<Promise<void>>();
  const submit = async (article: RawArticle, id: string) => {
    while (inFlight.size >= maxInFlight) await Promise.race(inFlight);
    while (queued > 2) await writing;
    const p = executor
      .run({ article, ingestedAt: now().toISOString() })
      .then(
        (rows) => {
          docs.push(rows);
        },
        (err) => {
          unwritten.delete(id);
          fail(article.key, err);
        },
      )
      .then(() => {
        inFlight.delete(p);
        if (
          docs.length >= batchSize ||
          errors.length >= batchSize ||
          performance.now() - lastFlush > flushMs
        ) {
          void flush();
        }
      });
    inFlight.add(p);
  };

  // Articles wait here until a batch of ids can be checked against the store in one query.
  let pending: RawArticle[] = [];
  const dispatch = async () => {
    const batch = pending;
    pending = [];
    const ids = batch.map((a) => documentId(a.text));
    // Read before the store is asked: an id written (and dropped from the set) after this look is
    // in the store by the time the store answers.
    const inRun = ids.map((id) => unwritten.has(id));
    const stored = await store.storedVersions(ids);
    for (let i = 0; i < batch.length; i++) {
      const id = ids[i]!;
      const storedVersion = stored.get(id);
      // Twice in this run: the first copy is extracted, the later ones are already stored.
      if (inRun[i] || unwritten.has(id) || (storedVersion === version && !opts.update)) {
        counts.skipped++;
        continue;
      }
      if (storedVersion !== undefined && opts.update) counts.updated++;
      unwritten.add(id);
      await submit(batch[i]!, id);
    }
    opts.onProgress?.(counts);
  };

  let interrupted = false;
  for await (const item of sources) {
    if (opts.signal?.aborted) {
      interrupted = true;
      break;
    }
    if (writeError) break;
    counts.read++;
    if (!item.ok) {
      fail(item.key, item.error);
      continue;
    }
    pending.push(item.article);
    if (pending.length >= batchSize) await dispatch();
  }
  if (pending.length && !writeError) await dispatch();
  await Promise.all(inFlight);
  await flush();
  if (writeError) throw writeError;

  let merge: MergeSummary | null = null;
  if (!interrupted && (await store.storiesStale())) merge = await runMerge(store);
  return {
    counts,
    version,
    merge,
    interrupted,
    seconds: (performance.now() - t0) / 1000,
    storeSeconds: storeMs / 1000,
  };
}
