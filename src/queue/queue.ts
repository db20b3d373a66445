/**
 * The shared job queue on PostgreSQL: pg-boss 10 in its own schema (default `pgboss`) of the same
 * database as the store. Two queues:
 * - `sitrep-ingest`: one job per article, its id derived from the content hash (./job-id.ts) so
 *   the same article is queued once; retried with exponential backoff, and expired after
 *   `expireInSeconds` so the jobs of a killed worker return to the queue.
 * - `sitrep-merge`: the merge pass as a job in a *stately* queue (at most one waiting and one
 *   running), so merges from many workers coalesce and never run concurrently.
 * Implements the producer interface of ./jobs.ts and the narrow fetch/complete/fail calls of the
 * worker loop. Imports pg-boss, ./jobs and ./job-data; never the store, ingest or CLI.
 */
import PgBoss from 'pg-boss';
import { SitrepError } from '../core/errors.js';
import { parseArticleJob } from './job-data.js';
import { jobIdFor } from './job-id.js';
import type { ArticleJob, EnqueueResult, JobProducer, RefusedJob } from './jobs.js';

export const INGEST_QUEUE = 'sitrep-ingest';
export const MERGE_QUEUE = 'sitrep-merge';

import { DEFAULT_QUEUE_SCHEMA } from './queue-defaults.js';

export { DEFAULT_QUEUE_SCHEMA };

export interface QueueOptions {
  /** pg-boss's schema (tests use their own; two deployments may share a database). */
  readonly schema?: string;
  /**
   * Seconds a fetched job may stay active before maintenance returns it to the queue (a killed
   * worker's jobs come back after this plus at most one maintenance interval). A batch must finish
   * well within it, or its jobs are handed out twice (harmless: writes are idempotent, but wasted).
   * Applies when the queue is created (first open against an empty schema).
   */
  readonly expireInSeconds?: number;
  /** Retries after the first attempt before a job stops as failed. */
  readonly retryLimit?: number;
  /** First retry delay in seconds; doubled (with jitter) on every further retry. */
  readonly retryDelaySeconds?: number;
  /** Seconds a merge job may run before it is considered abandoned. */
  readonly mergeExpireInSeconds?: number;
  /** Run pg-boss maintenance (expiry, archiving) from this instance: workers do, producers need not. */
  readonly supervise?: boolean;
  /** How often maintenance runs (coordinated: one instance per interval across all of them). */
  readonly maintenanceIntervalSeconds?: number;
  /** Connections of pg-boss's own pool. */
  readonly connections?: number;
  /** pg-boss's background errors (a lost connection during maintenance); default: standard error. */
  readonly onError?: (err: Error) => void;
}

export const QUEUE_DEFAULTS = {
  expireInSeconds: 60,
  retryLimit: 3,
  retryDelaySeconds: 5,
  mergeExpireInSeconds: 30 * 60,
  maintenanceIntervalSeconds: 10,
  connections: 2,
} as const;

/** A fetched ingest job: its data is untrusted (any producer may write to the queue). */
export interface FetchedJob {
  readonly id: string;
  readonly data: unknown;
  /** Attempts before this one. */
  readonly retryCount: number;
  readonly retryLimit: number;
}

export interface FailReason {
  readonly code: string;
  readonly message: string;
}

/**
 * Jobs per statement when enqueueing: the article texts travel as one JSON parameter, so a chunk is
 * also bounded by its text size (500 articles of the 10 MB maximum would be 5 GB).
 */
const ENQUEUE_CHUNK = 500;
const ENQUEUE_CHUNK_CHARS = 8 * 1024 * 1024;

/** The output pg-boss gives a job whose hold expired (its failJobsByTimeout statement). */
const EXPIRED_MESSAGE = 'job failed by timeout in active state';

const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,49}$/;

export class JobQueue implements JobProducer {
  private constructor(
    private readonly boss: PgBoss,
    /** Validated schema name: the only identifier this module splices into SQL. */
    readonly schema: string,
  ) {}

  static async open(url: string, opts: QueueOptions = {}): Promise<JobQueue> {
    const schema = opts.schema ?? DEFAULT_QUEUE_SCHEMA;
    if (!SCHEMA_NAME.test(schema)) {
      throw new SitrepError(
        'BAD_ARGUMENT',
        `queue schema ${JSON.stringify(schema)}: expected letters, digits and underscores (at most 50)`,
      );
    }
    const o = { ...QUEUE_DEFAULTS, ...definedOnly(opts) };
    const boss = new PgBoss({
      connectionString: url,
      schema,
      max: o.connections,
      application_name: 'sitrep',
      supervise: opts.supervise ?? false,
      maintenanceIntervalSeconds: o.maintenanceIntervalSeconds,
      // Completed jobs stay in the job table a day, where their ids refuse re-enqueued duplicates
      // by primary key; after that the worker still skips articles already stored.
      archiveCompletedAfterSeconds: 24 * 60 * 60,
      archiveFailedAfterSeconds: 7 * 24 * 60 * 60,
      // Archived jobs still hold their article text (≈5 KiB each): keep two days, not pg-boss's 7.
      deleteAfterDays: 2,
      // No cron schedules: the feed scheduler is its own process.
      schedule: false,
    });
    // pg-boss emits background errors; an EventEmitter 'error' with no listener would crash us.
    boss.on('error', opts.onError ?? ((err) => process.stderr.write(`sitrep queue: ${err.message}\n`)));
    try {
      await boss.start();
      // Both calls do nothing when the queue exists (its policy is kept as first created).
      await boss.createQueue(INGEST_QUEUE, {
        name: INGEST_QUEUE,
        policy: 'standard',
        retryLimit: o.retryLimit,
        retryDelay: o.retryDelaySeconds,
        retryBackoff: true,
        expireInSeconds: o.expireInSeconds,
      });
      await boss.createQueue(MERGE_QUEUE, {
        name: MERGE_QUEUE,
        policy: 'stately',
        retryLimit: o.retryLimit,
        retryDelay: o.retryDelaySeconds,
        retryBackoff: true,
        expireInSeconds: o.mergeExpireInSeconds,
      });
    } catch (err) {
      await boss.stop({ graceful: false, wait: true }).catch(() => {});
      throw new SitrepError(
        'STORE',
        `cannot open the job queue (schema ${schema}): ${(err as Error).message}`,
        { cause: err },
      );
    }
    return new JobQueue(boss, schema);
  }

  /**
   * Queues articles; an unusable one (empty, binary, malformed) is refused with its reason; the same content (in this call, or already queued, running or completed in the
   * last day) is counted as a duplicate and not queued again. Under concurrent producers the count
   * can miss a duplicate both saw as new, but the queue still holds one job (primary key).
   */
  async enqueue(jobs: readonly ArticleJob[]): Promise<EnqueueResult> {
    let enqueued = 0;
    let duplicates = 0;
    const refused: RefusedJob[] = [];
    let chunk = new Map<string, ArticleJob>();
    let chunkChars = 0;
    const flush = async () => {
      const byId = chunk;
      chunk = new Map();
      chunkChars = 0;
      if (byId.size === 0) return;
      const existing = await this.query(
        `SELECT id::text AS id FROM ${this.schema}.job WHERE name = $1 AND id = ANY($2::uuid[])`,
        [INGEST_QUEUE, [...byId.keys()]],
      );
      for (const row of existing) byId.delete(String(row.id));
      duplicates += existing.length;
      if (byId.size === 0) return;
      await this.boss.insert(
        [...byId].map(([id, job]) => ({
          id,
          name: INGEST_QUEUE,
          data: job.feed === undefined ? { article: job.article } : { article: job.article, feed: job.feed },
        })),
      );
      enqueued += byId.size;
    };
    for (const job of jobs) {
      const id = jobIdFor(job.article.text);
      try {
        // The worker's checks, early: a broken article is refused by name, not retried, and
        // never breaks the statement that queues the others.
        parseArticleJob(id, job);
      } catch (err) {
        const e = err as SitrepError;
        refused.push({ input: job.article.key, code: e.code ?? 'INTERNAL', message: e.message });
        continue;
      }
      if (chunk.has(id)) {
        duplicates++;
        continue;
      }
      chunk.set(id, job);
      chunkChars += job.article.text.length;
      if (chunk.size >= ENQUEUE_CHUNK || chunkChars >= ENQUEUE_CHUNK_CHARS) await flush();
    }
    await flush();
    return { enqueued, duplicates, refused };
  }

  /** Takes up to `batchSize` jobs (they become active: this worker holds them until expiry). */
  async fetch(batchSize: number): Promise<FetchedJob[]> {
    const jobs = await this.boss.fetch<unknown>(INGEST_QUEUE, { batchSize, includeMetadata: true });
    return jobs.map((j) => ({ id: j.id, data: j.data, retryCount: j.retryCount, retryLimit: j.retryLimit }));
  }

  async complete(ids: readonly string[]): Promise<void> {
    if (ids.length) await this.boss.complete(INGEST_QUEUE, [...ids]);
  }

  /** Fails a job: it is retried after a backoff, or stops as failed when out of retries. */
  async fail(id: string, reason: FailReason): Promise<void> {
    await this.boss.fail(INGEST_QUEUE, id, { code: reason.code, reason: reason.message });
  }

  /**
   * Asks for a merge pass `delaySeconds` from now. The merge queue is stately: while one merge job
   * waits, further requests are dropped (that job will see their documents); while one runs, one
   * more may wait, so documents written during a merge are merged by the next one.
   */
  async requestMerge(delaySeconds: number): Promise<void> {
    await this.boss.sendAfter(MERGE_QUEUE, {}, {}, delaySeconds);
  }

  /**
   * Takes the waiting merge job, if any (`now`: even before its delay is over, when the worker is
   * idle). Returns null when none is waiting or another merge is running.
   */
  async fetchMerge(now: boolean): Promise<string | null> {
    const jobs = await this.boss.fetch(MERGE_QUEUE, { batchSize: 1, ignoreStartAfter: now });
    return jobs[0]?.id ?? null;
  }

  async completeMerge(id: string, summary: object): Promise<void> {
    await this.boss.complete(MERGE_QUEUE, id, summary);
  }

  async failMerge(id: string, reason: FailReason): Promise<void> {
    await this.boss.fail(MERGE_QUEUE, id, { code: reason.code, reason: reason.message });
  }

  /**
   * Ingest jobs still in other hands: held by a worker (active, maybe a killed one), or returned
   * from an expired hold and waiting for their retry. Holds past their expiry are returned first
   * (pg-boss's own expiry statement, under its advisory lock, so it is safe beside maintenance):
   * a worker draining the queue does not depend on a supervising process to see them come back.
   */
  async outstanding(): Promise<{ active: number; returning: number }> {
    await this.boss.expire();
    const [r] = await this.query(
      `SELECT count(*) FILTER (WHERE state = 'active') AS active,
              count(*) FILTER (WHERE state = 'retry' AND output #>> '{value,message}' = $2) AS returning
         FROM ${this.schema}.job WHERE name = $1 AND state IN ('active', 'retry')`,
      [INGEST_QUEUE, EXPIRED_MESSAGE],
    );
    return { active: Number(r?.active ?? 0), returning: Number(r?.returning ?? 0) };
  }

  /** Runs a read query on pg-boss's connection (status figures). Values are always parameters. */
  async query(text: string, values: unknown[] = []): Promise<Record<string, unknown>[]> {
    const { rows } = await this.boss.getDb().executeSql(text, values);
    return rows as Record<string, unknown>[];
  }

  async close(): Promise<void> {
    // Not graceful: this process never uses pg-boss's own work() loops, so there is nothing to wait for.
    await this.boss.stop({ graceful: false, wait: true });
  }
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function openQueue(url: string, opts: QueueOptions = {}): Promise<JobQueue> {
  return JobQueue.open(url, opts);
}
