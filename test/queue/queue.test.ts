/**
 * The job queue and the worker loop in one process against a real PostgreSQL (fresh schemas):
 * content-hash deduplication and refusals on enqueue, malformed jobs and an extractor crash retried
 * with backoff then recorded in the store's errors, status figures, and the job-data checks. The fake
 * extractor keeps the tests independent of the stages; the queue, store and loop are real.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { main } from '../../src/cli/main.js';
import { runMerge } from '../../src/merge/run-merge.js';
import { parseArticleJob } from '../../src/queue/job-data.js';
import { jobIdFor } from '../../src/queue/job-id.js';
import { INGEST_QUEUE, type JobQueue, openQueue } from '../../src/queue/queue.js';
import { queueStatus } from '../../src/queue/queue-status.js';
import { runWorker } from '../../src/queue/worker-loop.js';
import { openStore } from '../../src/store/open-store.js';
import type { DocumentRows } from '../../src/store/schema.js';
import type { SqlStore } from '../../src/store/sql-store.js';
import type { Store } from '../../src/store/store.js';
import { fakeExecutor } from '../store-fixtures.js';
import { articles, type QueueSchemas, queueSchemas } from './pg-schemas.js';

/** The store with another putDocuments (everything else the real store's). */
function withPutDocuments(store: SqlStore, put: (batch: readonly DocumentRows[]) => Promise<void>): Store {
  return new Proxy(store, {
    get(target, prop) {
      if (prop === 'putDocuments') return put;
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

describe('job data checks', () => {
  it('derives one job id per content, the same for the same text', () => {
    assert.equal(jobIdFor('Russia and Ukraine.'), jobIdFor('Russia and Ukraine.'));
    assert.notEqual(jobIdFor('Russia and Ukraine.'), jobIdFor('Ukraine and Russia.'));
    assert.match(jobIdFor('x'), /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it('refuses malformed, empty and binary jobs with a reason naming the input', () => {
    assert.throws(() => parseArticleJob('j1', null), /job:j1: malformed queue job j1/);
    assert.throws(
      () => parseArticleJob('j2', { article: { key: 'k.txt', text: 5, meta: {} } }),
      /k\.txt: malformed queue job j2 \(article\.text/,
    );
    assert.throws(
      () => parseArticleJob('j3', { article: { key: 'e.txt', text: '  \n ', meta: {} } }),
      /e\.txt: only whitespace/,
    );
    assert.throws(
      () => parseArticleJob('j4', { article: { key: 'b.bin', text: 'a\u0000b', meta: {} } }),
      /b\.bin: binary data/,
    );
    const ok = parseArticleJob('j5', {
      article: { key: 'ok.txt', text: 'Russia and Ukraine met.', meta: { published: '2024-01-02', x: 1 } },
      feed: 'f1',
    });
    assert.deepEqual(ok, {
      article: { key: 'ok.txt', text: 'Russia and Ukraine met.', meta: { published: '2024-01-02' } },
      feed: 'f1',
    });
  });
});

describe('job queue and worker loop (PostgreSQL, in process)', () => {
  let pg: QueueSchemas;
  let queue: JobQueue;
  let store: SqlStore;

  before(async () => {
    pg = await queueSchemas('loop');
    // retryLimit 1: two attempts; a 1 s first retry delay keeps the test short.
    queue = await openQueue(pg.storeUrl, {
      schema: pg.queueSchema,
      retryLimit: 1,
      retryDelaySeconds: 1,
      onError: (err) => assert.fail(`pg-boss error: ${err.message}`),
    });
    store = await openStore(pg.storeUrl);
  });

  after(async () => {
    await queue?.close();
    await store?.close();
    await pg?.drop();
  });

  it('queues the same content once: within a call, across calls, and as reported', async () => {
    const a = articles(6, 'dedup');
    const first = await queue.enqueue([...a, a[0]!, a[1]!].map((article) => ({ article })));
    assert.deepEqual(first, { enqueued: 6, duplicates: 2, refused: [] });
    // The same texts under other keys (another feed, a re-run): still the same jobs.
    const again = await queue.enqueue(
      a.map((article) => ({ article: { ...article, key: `other/${article.key}` } })),
    );
    assert.deepEqual(again, { enqueued: 0, duplicates: 6, refused: [] });
    const rows = await pg.query(`SELECT count(*)::int AS n FROM ${pg.queueSchema}.job WHERE name = $1`, [
      INGEST_QUEUE,
    ]);
    assert.equal(rows[0]!.n, 6);
  });

  it('refuses unusable articles on enqueue, by name, and queues the rest of the call', async () => {
    const r = await queue.enqueue([
      { article: { key: 'bad.bin', text: 'binary\u0000\u0001\u0002data', meta: {} } },
      { article: { key: 'blank.txt', text: ' \n\n ', meta: {} } },
      { article: { key: 'crash.txt', text: 'CRASH the extractor, Russia.', meta: {} } },
    ]);
    assert.equal(r.enqueued, 1);
    assert.deepEqual(
      r.refused?.map((x) => [x.input, x.code]),
      [
        ['bad.bin', 'INPUT_BINARY'],
        ['blank.txt', 'INPUT_EMPTY'],
      ],
    );
  });

  it('retries failing jobs with backoff, then records their reasons in the store', async () => {
    // Jobs from a producer that skipped the checks: the worker refuses them itself.
    for (const data of [
      {
        article: {
          key: 'feed.jsonl:7',
          text: 'Russia and Ukraine talked.',
          meta: { published: 'yesterday' },
        },
      },
      { nonsense: true },
    ]) {
      await pg.query(
        `INSERT INTO ${pg.queueSchema}.job (name, data, retry_limit, retry_delay, retry_backoff, policy)
         VALUES ($1, $2, 1, 1, true, 'standard')`,
        [INGEST_QUEUE, JSON.stringify(data)],
      );
    }
    const controller = new AbortController();
    const worker = runWorker(store, queue, fakeExecutor(), {
      batch: 4,
      signal: controller.signal,
      idleMinMs: 50,
      idleMaxMs: 200,
      mergeDelaySeconds: 1,
    });
    // Wait until the three bad jobs have failed for good (two attempts each, 1-2 s apart).
    const deadline = Date.now() + 30_000;
    let failed = 0;
    while (Date.now() < deadline) {
      const r = await pg.query(
        `SELECT count(*)::int AS n FROM ${pg.queueSchema}.job WHERE name = $1 AND state = 'failed'`,
        [INGEST_QUEUE],
      );
      failed = Number(r[0]!.n);
      if (failed === 3) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    controller.abort();
    const counts = await worker;
    assert.equal(failed, 3, 'the three bad jobs end failed');
    assert.equal(counts.failed, 3);
    assert.equal(counts.retrying, 3, 'each bad job was tried twice');
    assert.equal(counts.stored, 6, 'the six good jobs of the first test are stored');

    const jobs = await pg.query(
      `SELECT id::text AS id, COALESCE(data #>> '{article,key}', '?') AS key, retry_count
         FROM ${pg.queueSchema}.job WHERE name = $1 AND state = 'failed' ORDER BY key`,
      [INGEST_QUEUE],
    );
    assert.deepEqual(
      jobs.map((j) => [j.key, j.retry_count]),
      [
        ['?', 1],
        ['crash.txt', 1],
        ['feed.jsonl:7', 1],
      ],
    );
    const errors = await store.listErrors();
    assert.deepEqual(errors.map((e) => [e.input, e.code]).sort(), [
      ['crash.txt', 'INTERNAL'],
      ['feed.jsonl:7', 'INPUT_MALFORMED'],
      [`job:${jobs[0]!.id}`, 'INPUT_MALFORMED'],
    ]);
    assert.match(errors.find((e) => e.input === 'crash.txt')!.message, /fake extractor fails on CRASH/);
    assert.match(errors.find((e) => e.input === 'feed.jsonl:7')!.message, /meta\.published/);

    const status = await queueStatus(queue);
    assert.equal(status.depth.failed, 3);
    assert.equal(status.depth.completed, 6);
    assert.equal(status.depth.created + status.depth.retry + status.depth.active, 0);
    assert.ok(status.perMinute5 >= 6 / 5, 'completions counted in the last 5 minutes');
    assert.ok(status.failures.some((f) => f.state === 'failed' && /fake extractor fails/.test(f.reason)));
    const c = await store.counts();
    assert.equal(c.documents, 6);
  });

  it('sitrep status --json reports the queue, failures, feeds and the store', async () => {
    await store.addFeed({
      id: 'feed-1',
      url: 'http://127.0.0.1:9/feed.xml',
      outlet: 'Local',
      everySeconds: 900,
      now: '2024-10-29T00:00:00.000Z',
    });
    await store.recordFeedPoll('feed-1', { last_status: 'error', last_error: 'timed out after 30 s' });
    await queue.enqueue([{ article: articles(1, 'fed')[0]!, feed: 'feed-1' }]);
    let out = '';
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string) => {
      out += chunk;
      return true;
    }) as typeof process.stdout.write;
    let code: number;
    try {
      code = await main([
        'node',
        'sitrep',
        'status',
        '--db',
        pg.storeUrl,
        '--queue-schema',
        pg.queueSchema,
        '--json',
      ]);
    } finally {
      process.stdout.write = write;
    }
    assert.equal(code, 0);
    const status = JSON.parse(out);
    assert.equal(status.queue.depth.failed, 3);
    assert.equal(status.queue.depth.created, 1);
    assert.equal(status.store.counts.documents, 6);
    assert.deepEqual(
      status.queue.feeds.map((f: { feed: string; waiting: number }) => [f.feed, f.waiting]),
      [['feed-1', 1]],
    );
    assert.deepEqual(
      status.feeds.map((f: { id: string; last_error: string }) => [f.id, f.last_error]),
      [['feed-1', 'timed out after 30 s']],
    );
  });

  it('a job delivered again after its document is stored is completed without extraction', async () => {
    const [a] = articles(1, 'again');
    await store.putDocuments([await fakeExecutor().run({ article: a!, ingestedAt: '2024-10-29T00:00:00Z' })]);
    await queue.enqueue([{ article: a! }]);
    const counts = await runWorker(store, queue, fakeExecutor(), {
      exitWhenIdle: true,
      mergeDelaySeconds: 1,
    });
    // The feed's job from the status test is extracted; the delivered-again one is not.
    assert.equal(counts.skipped, 1);
    assert.equal(counts.stored, 1);
    assert.equal((await store.counts()).documents, 8);
  });

  it('a document the store refuses fails its own job; the rest of the batch is stored', async () => {
    // The store refuses one document (as a constraint or a size limit would), and only that one.
    const poisoned = withPutDocuments(store, async (batch) => {
      if (batch.some((b) => b.document.input === 'poison.txt'))
        throw new Error('value too long for the column');
      await store.putDocuments(batch);
    });
    const [a, b] = articles(2, 'poison');
    await queue.enqueue([
      { article: a! },
      { article: { key: 'poison.txt', text: 'Russia and Ukraine, a poison article.', meta: {} } },
      { article: b! },
    ]);
    const counts = await runWorker(poisoned, queue, fakeExecutor(), {
      exitWhenIdle: true,
      mergeDelaySeconds: 1,
    });
    assert.equal(counts.stored, 2);
    assert.equal(counts.retrying, 1);
    const [job] = await pg.query(
      `SELECT state::text AS state, output ->> 'reason' AS reason FROM ${pg.queueSchema}.job
        WHERE name = $1 AND data #>> '{article,key}' = 'poison.txt'`,
      [INGEST_QUEUE],
    );
    assert.equal(job!.state, 'retry');
    assert.match(String(job!.reason), /poison\.txt: could not be stored: value too long/);
    assert.equal((await store.counts()).documents, 10);
  });

  it('a store that refuses every write stops the worker, its jobs held until they expire', async () => {
    const down = withPutDocuments(store, async () => {
      throw new Error('connection terminated');
    });
    await queue.enqueue(articles(3, 'down').map((article) => ({ article })));
    await assert.rejects(
      runWorker(down, queue, fakeExecutor(), { exitWhenIdle: true, mergeDelaySeconds: 1 }),
      /connection terminated/,
    );
    const rows = await pg.query(
      `SELECT state::text AS state, count(*)::int AS n FROM ${pg.queueSchema}.job
        WHERE name = $1 AND data #>> '{article,key}' LIKE 'down-%' GROUP BY state`,
      [INGEST_QUEUE],
    );
    assert.deepEqual(rows, [{ state: 'active', n: 3 }]);
    // Held for a minute (this queue's expiry): the draining workers of the next tests would wait
    // for them (as they must for a killed worker's jobs), so they go now.
    await pg.query(
      `DELETE FROM ${pg.queueSchema}.job WHERE name = $1 AND data #>> '{article,key}' LIKE 'down-%'`,
      [INGEST_QUEUE],
    );
  });

  it('a failing merge pass is retried by the queue and does not stop the worker', async () => {
    await queue.enqueue(articles(1, 'merge-fails').map((article) => ({ article })));
    const errors: unknown[] = [];
    const counts = await runWorker(store, queue, fakeExecutor(), {
      exitWhenIdle: true,
      mergeDelaySeconds: 1,
      merge: async () => {
        throw new Error('merge exploded');
      },
      onMergeError: (err) => errors.push(err),
    });
    assert.equal(counts.stored, 1);
    assert.equal(counts.merges, 0);
    assert.match(String(errors[0]), /merge exploded/);
    const [job] = await pg.query(
      `SELECT state::text AS state, output ->> 'reason' AS reason FROM ${pg.queueSchema}.job
        WHERE name = 'sitrep-merge' ORDER BY created_on DESC LIMIT 1`,
    );
    assert.equal(job!.state, 'retry');
    assert.match(String(job!.reason), /merge exploded/);
  });
  it('a worker leaving when idle merges what is stale, even while another merge holds the merge queue', async () => {
    // Another worker's merge is running: the merge this worker's write asks for must wait behind it.
    await queue.requestMerge(0);
    const held = await queue.fetchMerge(true);
    assert.ok(held, 'the merge job taken by "another worker"');
    await queue.enqueue(articles(1, 'leaving').map((article) => ({ article })));
    let merged = 0;
    const counts = await runWorker(store, queue, fakeExecutor(), {
      exitWhenIdle: true,
      mergeDelaySeconds: 1,
      merge: async (s) => {
        merged++;
        return runMerge(s);
      },
    });
    assert.equal(counts.stored, 1);
    assert.equal(merged, 1, 'the leaving worker merged by itself');
    assert.equal(await store.storiesStale(), false);
    await queue.completeMerge(held!, {});
  });
});

describe('--exit-when-idle drains jobs a killed worker held (PostgreSQL, in process)', () => {
  let pg: QueueSchemas;
  let queue: JobQueue;
  let store: SqlStore;
  before(async () => {
    pg = await queueSchemas('drain');
    // A 2 s hold and no supervising process: only the draining worker itself returns expired holds.
    queue = await openQueue(pg.storeUrl, {
      schema: pg.queueSchema,
      expireInSeconds: 2,
      retryDelaySeconds: 1,
    });
    store = await openStore(pg.storeUrl);
  });
  after(async () => {
    await queue?.close();
    await store?.close();
    await pg?.drop();
  });

  it('waits for jobs held by a worker that died, until they expire, return and are done', async () => {
    await queue.enqueue(articles(6, 'held').map((article) => ({ article })));
    // "The killed worker": takes four jobs and never completes them.
    const held = await queue.fetch(4);
    assert.equal(held.length, 4);
    const waits: number[] = [];
    const counts = await runWorker(store, queue, fakeExecutor(), {
      exitWhenIdle: true,
      mergeDelaySeconds: 1,
      idleMaxMs: 500,
      onWaiting: (left) => waits.push(left.active + left.returning),
    });
    assert.equal(counts.stored, 6, 'the two free jobs and the four returned ones');
    assert.ok(waits.length > 0 && waits[0] === 4, `waited for the held jobs: ${waits.slice(0, 3)}`);
    const states = await pg.query(
      `SELECT state::text AS state, count(*)::int AS n FROM ${pg.queueSchema}.job WHERE name = $1 GROUP BY state`,
      [INGEST_QUEUE],
    );
    assert.deepEqual(states, [{ state: 'completed', n: 6 }]);
    assert.equal((await store.counts()).documents, 6);
  });
});
