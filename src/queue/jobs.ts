/**
 * The shape of one queued ingest job and the narrow interface producers use to enqueue them. The
 * queue (./queue.ts, pg-boss on PostgreSQL) implements it; `sitrep ingest --queue` and the feed
 * scheduler (src/feeds) produce jobs through it and depend on nothing else of the queue. Imports
 * only the ingest article type.
 */
import type { RawArticle } from '../ingest/sources.js';

/** One article to extract and store: already read and reduced to text by the producer. */
export interface ArticleJob {
  /** The article exactly as `sitrep ingest` reads it (key names the input, e.g. a path or URL). */
  readonly article: RawArticle;
  /** The feed that produced it, when a feed did (for `sitrep status`). */
  readonly feed?: string;
}

export interface EnqueueResult {
  /** Jobs newly put on the queue. */
  readonly enqueued: number;
  /** Jobs refused because the same content is already queued, running or done. */
  readonly duplicates: number;
  /**
   * Jobs refused as unusable (empty, binary, malformed: the worker's own checks, ./job-data.ts),
   * each with the reason naming its input; the producer records them as ingest errors. Optional so
   * producers' test doubles need not fill it.
   */
  readonly refused?: readonly RefusedJob[];
}

export interface RefusedJob {
  /** The article's key (its input). */
  readonly input: string;
  readonly code: string;
  readonly message: string;
}

export interface JobProducer {
  enqueue(jobs: readonly ArticleJob[]): Promise<EnqueueResult>;
  close(): Promise<void>;
}
