/**
 * Where new feed articles go: onto the shared job queue (PostgreSQL with workers: `JobProducer`),
 * or straight through the in-process ingest path (the embedded store on a laptop: extracted and
 * stored by this process, merged at the end of each pass). Imports the queue's job interface and
 * the ingest loop; never pg-boss itself.
 */
import type { Executor } from '../ingest/executor.js';
import { ingest } from '../ingest/ingest.js';
import type { SourceItem } from '../ingest/sources.js';
import type { ArticleJob, JobProducer } from '../queue/jobs.js';
import type { Store } from '../store/store.js';
import type { FeedArticle } from './poll.js';

export interface SinkResult {
  /** Articles handed on (queued, or extracted and written). */
  readonly accepted: number;
  /** Refused by the queue as already queued or done. */
  readonly duplicates: number;
}

export interface ArticleSink {
  /** The item status the accepted articles get: 'queued' or 'stored'. */
  readonly status: 'queued' | 'stored';
  submit(articles: readonly FeedArticle[]): Promise<SinkResult>;
  close(): Promise<void>;
}

export function queueSink(producer: JobProducer): ArticleSink {
  return {
    status: 'queued',
    async submit(articles) {
      if (articles.length === 0) return { accepted: 0, duplicates: 0 };
      const jobs: ArticleJob[] = articles.map((a) => ({ article: a.article, feed: a.feed.url }));
      const r = await producer.enqueue(jobs);
      return { accepted: r.enqueued, duplicates: r.duplicates };
    },
    close: () => producer.close(),
  };
}

export function ingestSink(store: Store, executor: Executor): ArticleSink {
  return {
    status: 'stored',
    async submit(articles) {
      if (articles.length === 0) return { accepted: 0, duplicates: 0 };
      async function* items(): AsyncGenerator<SourceItem> {
        for (const a of articles) yield { ok: true, article: a.article };
      }
      // Extraction failures are recorded by ingest itself (ingest_errors), like any input's. No
      // abort signal: these pages are fetched and claimed already, so a stop finishes them first.
      const run = await ingest(store, items(), executor);
      return { accepted: run.counts.stored + run.counts.skipped, duplicates: 0 };
    },
    close: () => executor.close(),
  };
}
