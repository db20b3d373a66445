/**
 * `sitrep ingest --queue`: reads articles exactly as in-process ingest does and puts them on the
 * job queue instead of extracting them; a bad input is handed back (to be recorded in the store's
 * errors, as ingest does) and reading goes on. Imports the producer interface and the source item
 * type; never pg-boss or the store directly.
 */
import { isSitrepError } from '../core/errors.js';
import type { SourceItem } from '../ingest/sources.js';
import type { IngestErrorRow } from '../store/schema.js';
import type { ArticleJob, JobProducer } from './jobs.js';

const MAX_PENDING_CHARS = 16 * 1024 * 1024;

export interface EnqueueCounts {
  read: number;
  enqueued: number;
  duplicates: number;
  errors: number;
}

export interface EnqueueSourcesOptions {
  /** Articles per enqueue call. */
  readonly chunk?: number;
  /** Where refused inputs go (the store's `recordErrors`). */
  readonly onErrors: (errors: IngestErrorRow[]) => Promise<void>;
  /** Set to stop reading (Ctrl-C): what was read is still enqueued. */
  readonly signal?: AbortSignal;
  readonly onProgress?: (c: Readonly<EnqueueCounts>) => void;
  readonly now?: () => Date;
}

export async function enqueueSources(
  producer: JobProducer,
  sources: AsyncIterable<SourceItem>,
  opts: EnqueueSourcesOptions,
): Promise<{ counts: EnqueueCounts; interrupted: boolean }> {
  const now = opts.now ?? (() => new Date());
  const chunk = opts.chunk ?? 500;
  const counts: EnqueueCounts = { read: 0, enqueued: 0, duplicates: 0, errors: 0 };
  let jobs: ArticleJob[] = [];
  let errors: IngestErrorRow[] = [];
  // Text held before a flush: memory stays bounded whatever the articles' sizes.
  let chars = 0;
  const flush = async () => {
    if (jobs.length) {
      const r = await producer.enqueue(jobs);
      counts.enqueued += r.enqueued;
      counts.duplicates += r.duplicates;
      for (const x of r.refused ?? []) {
        counts.errors++;
        errors.push({ input: x.input, code: x.code, message: x.message, at: now().toISOString() });
      }
    }
    if (errors.length) await opts.onErrors(errors);
    jobs = [];
    errors = [];
    chars = 0;
    opts.onProgress?.(counts);
  };
  let interrupted = false;
  for await (const item of sources) {
    if (opts.signal?.aborted) {
      interrupted = true;
      break;
    }
    counts.read++;
    if (item.ok) {
      jobs.push({ article: item.article });
      chars += item.article.text.length;
    } else {
      counts.errors++;
      const err = item.error;
      errors.push({
        input: item.key,
        code: isSitrepError(err) ? err.code : 'INTERNAL',
        message: isSitrepError(err)
          ? err.message
          : `${item.key}: internal error: ${err instanceof Error ? err.message : String(err)}`,
        at: now().toISOString(),
      });
    }
    if (jobs.length >= chunk || errors.length >= chunk || chars >= MAX_PENDING_CHARS) await flush();
  }
  await flush();
  return { counts, interrupted };
}
