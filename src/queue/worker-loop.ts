/**
 * The worker loop of `sitrep worker`: fetch a batch of ingest jobs, extract them in parallel on the
 * executor (the same worker threads as `sitrep ingest`), write the batch in one store transaction,
 * complete the jobs, and fetch the next batch at once — it sleeps (with backoff) only when the
 * queue is empty, never after a batch, so throughput is not capped by polling (pg-boss's own
 * `work()` sleeps its polling interval after every batch). The write of one batch overlaps the
 * extraction of the next (at most one write in flight).
 *
 * At-least-once: a job is completed only after its document is committed, so a worker killed at
 * any point loses nothing (its jobs expire and return); a job handed out twice writes the same
 * document id again, which replaces rather than duplicates. Failures are retried by the queue with
 * backoff; the last failure is recorded in the store's errors (`sitrep errors`).
 *
 * Merging runs as a job of the stately merge queue (see ./queue.ts): requested after every write,
 * taken early when a worker finds the ingest queue empty, so merges coalesce and never overlap.
 * Imports the queue, the store interface, merge and the ingest executor; never the CLI.
 */
import { isSitrepError } from '../core/errors.js';
import { sleep } from '../core/sleep.js';
import type { Executor } from '../ingest/executor.js';
import { type MergeSummary, runMerge } from '../merge/run-merge.js';
import { documentId } from '../pipeline/pipeline.js';
import type { DocumentRows, IngestErrorRow } from '../store/schema.js';
import type { Store } from '../store/store.js';
import { jobInput, parseArticleJob } from './job-data.js';
import type { ArticleJob } from './jobs.js';
import type { FailReason, FetchedJob, JobQueue } from './queue.js';

export interface WorkerCounts {
  /** Jobs taken from the queue (a retried job counts each time). */
  fetched: number;
  stored: number;
  /** Already stored by the same extraction version (a job delivered again): completed unextracted. */
  skipped: number;
  /** Failed attempts that the queue will retry. */
  retrying: number;
  /** Jobs out of retries: recorded in the store's errors. */
  failed: number;
  events: number;
  batches: number;
  merges: number;
}

export interface WorkerOptions {
  /** Jobs per fetch and per write transaction. */
  readonly batch?: number;
  /** Abort to stop: the batch in hand is finished, written and completed first. */
  readonly signal?: AbortSignal;
  /** Sleep when the queue is empty: starts here, doubles up to idleMaxMs, resets on work. */
  readonly idleMinMs?: number;
  readonly idleMaxMs?: number;
  /** While the queue is busy, a requested merge waits this long (more writes coalesce into it). */
  readonly mergeDelaySeconds?: number;
  /**
   * Return when the queue is drained (after running a pending merge): no job waiting, none held by
   * another (or a killed) worker, none returned from an expired hold awaiting its retry.
   */
  readonly exitWhenIdle?: boolean;
  /** Called while an idle worker that is to exit waits for jobs other workers hold. */
  readonly onWaiting?: (left: { active: number; returning: number }) => void;
  /** Test hook: wait this long after writing a batch, before completing its jobs (a kill lands here). */
  readonly holdMs?: number;
  readonly onProgress?: (c: Readonly<WorkerCounts>) => void;
  readonly onMerge?: (m: MergeSummary) => void;
  /** A merge pass that failed (its job is retried by the queue). */
  readonly onMergeError?: (err: unknown) => void;
  readonly now?: () => Date;
  /** The merge pass, injected for tests. */
  readonly merge?: (store: Store) => Promise<MergeSummary>;
}

/** How often a busy worker looks for a due merge job (an idle one looks every time it polls). */
const MERGE_CHECK_MS = 5000;

function reasonOf(input: string, err: unknown): FailReason {
  if (isSitrepError(err)) return { code: err.code, message: err.message };
  return {
    code: 'INTERNAL',
    message: `${input}: internal error: ${err instanceof Error ? err.message : String(err)}`,
  };
}

/** What one batch produced, ready to write. */
interface BatchResult {
  /** Extracted documents, each with the job that carried it. */
  docs: { job: FetchedJob; input: string; rows: DocumentRows }[];
  /** Jobs to complete once the documents are committed. */
  done: string[];
  failures: { job: FetchedJob; input: string; reason: FailReason }[];
}

export async function runWorker(
  store: Store,
  queue: JobQueue,
  executor: Executor,
  opts: WorkerOptions = {},
): Promise<WorkerCounts> {
  const now = opts.now ?? (() => new Date());
  const batchSize = opts.batch ?? 32;
  const idleMin = opts.idleMinMs ?? 100;
  const idleMax = opts.idleMaxMs ?? 2000;
  const mergeDelay = opts.mergeDelaySeconds ?? 60;
  const merge = opts.merge ?? ((s: Store) => runMerge(s));
  const counts: WorkerCounts = {
    fetched: 0,
    stored: 0,
    skipped: 0,
    retrying: 0,
    failed: 0,
    events: 0,
    batches: 0,
    merges: 0,
  };
  const version = await executor.version();

  const extract = async (jobs: readonly FetchedJob[]): Promise<BatchResult> => {
    const out: BatchResult = { docs: [], done: [], failures: [] };
    const valid: { job: FetchedJob; data: ArticleJob; id: string }[] = [];
    for (const job of jobs) {
      try {
        const data = parseArticleJob(job.id, job.data);
        valid.push({ job, data, id: documentId(data.article.text) });
      } catch (err) {
        const input = jobInput(job.id, job.data);
        out.failures.push({ job, input, reason: reasonOf(input, err) });
      }
    }
    // A job delivered again after its document was committed (its worker died before completing
    // it, or the same article came back after the queue archived its job): nothing to redo.
    const stored = await store.storedVersions(valid.map((v) => v.id));
    const ingestedAt = now().toISOString();
    const settled = await Promise.allSettled(
      valid.map((v) =>
        stored.get(v.id) === version ? null : executor.run({ article: v.data.article, ingestedAt }),
      ),
    );
    settled.forEach((s, i) => {
      const v = valid[i]!;
      if (s.status === 'rejected') {
        out.failures.push({
          job: v.job,
          input: v.data.article.key,
          reason: reasonOf(v.data.article.key, s.reason),
        });
        return;
      }
      if (s.value === null) counts.skipped++;
      else out.docs.push({ job: v.job, input: v.data.article.key, rows: s.value });
      out.done.push(v.job.id);
    });
    return out;
  };

  /**
   * Writes the batch's documents in one transaction. When that fails, each is tried alone: a
   * document the store refuses becomes a failed job with the reason (retried, then recorded), so
   * one poison document cannot stop every worker in turn. When every one fails, the store itself
   * is failing: the error stops the worker and the held jobs return after expiry.
   */
  const writeDocs = async (b: BatchResult): Promise<BatchResult['docs']> => {
    if (b.docs.length === 0) return [];
    try {
      await store.putDocuments(b.docs.map((d) => d.rows));
      return b.docs;
    } catch (batchError) {
      if (b.docs.length === 1) throw batchError;
      const written: BatchResult['docs'] = [];
      const refused: BatchResult['failures'] = [];
      for (const d of b.docs) {
        try {
          await store.putDocuments([d.rows]);
          written.push(d);
        } catch (err) {
          const message = `${d.input}: could not be stored: ${err instanceof Error ? err.message : String(err)}`;
          refused.push({ job: d.job, input: d.input, reason: { code: 'STORE', message } });
        }
      }
      if (written.length === 0) throw batchError;
      const refusedIds = new Set(refused.map((f) => f.job.id));
      b.done = b.done.filter((id) => !refusedIds.has(id));
      b.failures.push(...refused);
      return written;
    }
  };

  const write = async (b: BatchResult): Promise<void> => {
    const written = await writeDocs(b);
    const final = b.failures.filter((f) => f.job.retryCount >= f.job.retryLimit);
    if (final.length) {
      const at = now().toISOString();
      await store.recordErrors(
        final.map(
          (f): IngestErrorRow => ({ input: f.input, code: f.reason.code, message: f.reason.message, at }),
        ),
      );
    }
    if (opts.holdMs) await sleep(opts.holdMs);
    await queue.complete(b.done);
    for (const f of b.failures) await queue.fail(f.job.id, f.reason);
    if (written.length) await queue.requestMerge(mergeDelay);
    counts.stored += written.length;
    counts.events += written.reduce((n, d) => n + d.rows.events.length, 0);
    counts.failed += final.length;
    counts.retrying += b.failures.length - final.length;
    counts.batches++;
    opts.onProgress?.(counts);
  };

  /** Runs a waiting merge job if one is due (or any waiting one, when `early`). */
  const mergeIfDue = async (early: boolean): Promise<void> => {
    const id = await queue.fetchMerge(early);
    if (!id) return;
    try {
      const summary = await merge(store);
      await queue.completeMerge(id, summary);
      counts.merges++;
      opts.onMerge?.(summary);
    } catch (err) {
      // The queue retries the merge with backoff (any worker may take it); extraction goes on.
      await queue.failMerge(id, reasonOf('merge', err));
      opts.onMergeError?.(err);
    }
  };

  // The previous batch's write; awaited before the next one starts (one write in flight). A failed
  // write (store gone) stops the worker: its uncompleted jobs expire and return to the queue.
  let writing: Promise<void> = Promise.resolve();
  let writeError: unknown = null;
  const settle = async () => {
    await writing;
    if (writeError) throw writeError;
  };
  let idle = idleMin;
  let lastMergeCheck = performance.now();
  while (!opts.signal?.aborted) {
    const jobs = await queue.fetch(batchSize);
    if (jobs.length === 0) {
      await settle();
      await mergeIfDue(true);
      if (opts.exitWhenIdle) {
        // Empty for this fetch is not drained: jobs another worker holds (or held, before it was
        // killed) come back when their hold expires, and nobody may stay to do them.
        const left = await queue.outstanding();
        if (left.active + left.returning > 0) {
          opts.onWaiting?.(left);
          await sleep(idle, opts.signal);
          idle = Math.min(idle * 2, idleMax);
          continue;
        }
        // The merge asked for by this worker's last write may wait behind one another worker is
        // running, and nobody may stay to take it: a leaving worker merges what is stale itself
        // (the store drops a replacement that an earlier-read merge would make stale).
        if (await store.storiesStale()) {
          try {
            const summary = await merge(store);
            counts.merges++;
            opts.onMerge?.(summary);
          } catch (err) {
            // Reported, not thrown: the documents are stored, and the next merge covers them.
            opts.onMergeError?.(err);
          }
        }
        break;
      }
      await sleep(idle, opts.signal);
      idle = Math.min(idle * 2, idleMax);
      continue;
    }
    idle = idleMin;
    counts.fetched += jobs.length;
    const result = await extract(jobs);
    await settle();
    writing = write(result).catch((err) => {
      writeError = err;
    });
    if (performance.now() - lastMergeCheck > MERGE_CHECK_MS) {
      lastMergeCheck = performance.now();
      await settle();
      await mergeIfDue(false);
    }
  }
  await settle();
  return counts;
}
