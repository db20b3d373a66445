/**
 * The figures of `sitrep status`, read from pg-boss's tables: queue depth by state, jobs completed
 * per minute over the last 5 and 60 minutes, failures with their latest reasons, the merge queue,
 * and job counts per feed. Read-only queries with parameters; the schema name was validated when
 * the queue was opened. Imports ./queue only.
 */
import { INGEST_QUEUE, type JobQueue, MERGE_QUEUE } from './queue.js';

export interface QueueDepth {
  readonly created: number;
  readonly retry: number;
  readonly active: number;
  readonly completed: number;
  readonly failed: number;
  readonly cancelled: number;
}

export interface FailureView {
  readonly input: string;
  readonly code: string | null;
  readonly reason: string;
  readonly at: string;
  /** `retry`: will be tried again; `failed`: out of retries. */
  readonly state: string;
}

export interface FeedJobs {
  readonly feed: string;
  readonly waiting: number;
  readonly completed: number;
  readonly failed: number;
  readonly lastQueued: string | null;
}

export interface QueueStatus {
  readonly schema: string;
  readonly depth: QueueDepth;
  /** Jobs completed per minute, averaged over the last 5 and 60 minutes. */
  readonly perMinute5: number;
  readonly perMinute60: number;
  readonly oldestWaiting: string | null;
  readonly failures: readonly FailureView[];
  readonly merge: {
    readonly waiting: number;
    readonly running: number;
    readonly lastCompleted: string | null;
  };
  readonly feeds: readonly FeedJobs[];
}

const STATES = ['created', 'retry', 'active', 'completed', 'failed', 'cancelled'] as const;

function n(v: unknown): number {
  return typeof v === 'number' ? v : Number(v ?? 0);
}

function iso(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  return v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString();
}

export async function queueStatus(queue: JobQueue, opts: { failures?: number } = {}): Promise<QueueStatus> {
  const s = queue.schema;
  const depthRows = await queue.query(
    `SELECT state::text AS state, count(*) AS n FROM ${s}.job WHERE name = $1 GROUP BY state`,
    [INGEST_QUEUE],
  );
  const depth = Object.fromEntries(STATES.map((k) => [k, 0])) as Record<(typeof STATES)[number], number>;
  for (const r of depthRows) {
    const state = String(r.state) as (typeof STATES)[number];
    if (state in depth) depth[state] = n(r.n);
  }
  const [rate] = await queue.query(
    `SELECT count(*) FILTER (WHERE completed_on > now() - interval '5 minutes') AS m5,
            count(*) FILTER (WHERE completed_on > now() - interval '60 minutes') AS m60,
            (SELECT min(created_on) FROM ${s}.job WHERE name = $1 AND state < 'active') AS oldest
       FROM ${s}.job WHERE name = $1 AND state = 'completed' AND completed_on > now() - interval '60 minutes'`,
    [INGEST_QUEUE],
  );
  const failureRows = await queue.query(
    `SELECT state::text AS state, data #>> '{article,key}' AS input, output ->> 'code' AS code,
            COALESCE(output ->> 'reason', output #>> '{value,message}', output::text) AS reason,
            COALESCE(completed_on, start_after) AS at
       FROM ${s}.job WHERE name = $1 AND (state = 'failed' OR (state = 'retry' AND output IS NOT NULL))
      ORDER BY at DESC LIMIT $2`,
    [INGEST_QUEUE, opts.failures ?? 5],
  );
  const [merge] = await queue.query(
    `SELECT count(*) FILTER (WHERE state < 'active') AS waiting,
            count(*) FILTER (WHERE state = 'active') AS running,
            max(completed_on) FILTER (WHERE state = 'completed') AS last
       FROM ${s}.job WHERE name = $1`,
    [MERGE_QUEUE],
  );
  const feedRows = await queue.query(
    `SELECT data ->> 'feed' AS feed,
            count(*) FILTER (WHERE state < 'active') AS waiting,
            count(*) FILTER (WHERE state = 'completed') AS completed,
            count(*) FILTER (WHERE state = 'failed') AS failed,
            max(created_on) AS last
       FROM ${s}.job WHERE name = $1 AND data ? 'feed'
      GROUP BY data ->> 'feed' ORDER BY feed`,
    [INGEST_QUEUE],
  );
  return {
    schema: s,
    depth,
    perMinute5: n(rate?.m5) / 5,
    perMinute60: n(rate?.m60) / 60,
    oldestWaiting: iso(rate?.oldest),
    failures: failureRows.map((r) => ({
      input: String(r.input ?? '(no key)'),
      code: r.code === null || r.code === undefined ? null : String(r.code),
      reason: String(r.reason ?? ''),
      at: iso(r.at) ?? '',
      state: String(r.state),
    })),
    merge: { waiting: n(merge?.waiting), running: n(merge?.running), lastCompleted: iso(merge?.last) },
    feeds: feedRows.map((r) => ({
      feed: String(r.feed),
      waiting: n(r.waiting),
      completed: n(r.completed),
      failed: n(r.failed),
      lastQueued: iso(r.last),
    })),
  };
}
