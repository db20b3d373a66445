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
  /** Content hashes of the articles handed on (queued, or extracted and written); the others failed. */
  readonly handedOn: ReadonlySet<string>;
  /** Refused by the queue as already queued or done (still handed on: the work exists). */
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
      const jobs: ArticleJob[] = articles.map((a) => ({ article: a.article, feed: a.feed.url }));
      const r = jobs.length ? await producer.enqueue(jobs) : { duplicates: 0 };
      return { handedOn: new Set(articles.map((a) => a.contentHash)), duplicates: r.duplicates };
    },
    close: () => producer.close(),
  };
}

export function ingestSink(store: Store, executor: Executor): ArticleSink {
  return {
    status: 'stored',
    async submit(articles) {
      if (articles.length === 0) return { handedOn: new Set(), duplicates: 0 };
      async function* items(): AsyncGenerator<SourceItem> {
        for (const a of articles) yield { ok: true, article: a.article };
      }
      // Extraction failures are recorded by ingest itself (ingest_errors), like any input's. No
      // abort signal: these pages are fetched and claimed already, so a stop finishes them first.
      await ingest(store, items(), executor);
      // What is stored now is what went through (the document id is the content hash).
      const stored = await store.storedVersions(articles.map((a) => a.contentHash));
      return { handedOn: new Set(stored.keys()), duplicates: 0 };
    },
    close: () => executor.close(),
  };
}
