/**
 * `sitrep worker` as real processes on a real PostgreSQL (fresh schemas per suite), with the real
 * extraction pipeline: two workers drain one queue and every job is done exactly once; a worker
 * killed with SIGKILL between writing a batch and completing its jobs loses nothing — its jobs
 * expire, return, and another worker completes them — and nothing is stored twice; `--queue` and
 * the worker refuse the embedded store. The children run the CLI from source (test/queue/sitrep-child.ts).
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { requireQueueDb } from '../../src/cli/commands/queue-options.js';
import { main } from '../../src/cli/main.js';
import { INGEST_QUEUE, type JobQueue, openQueue } from '../../src/queue/queue.js';
import { repoRoot } from '../shared-path.js';
import { articles, type QueueSchemas, queueSchemas } from './pg-schemas.js';

const CHILD = path.join('test', 'queue', 'sitrep-child.ts');

interface Worker {
  readonly proc: ChildProcess;
  out: string;
  err: string;
  readonly exited: Promise<number | null>;
}

/** Starts `sitrep worker` on one thread; resolves once it has opened the queue. */
async function startWorker(pg: QueueSchemas, env: Record<string, string> = {}): Promise<Worker> {
  const proc = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      CHILD,
      'worker',
      '--db',
      pg.storeUrl,
      '--queue-schema',
      pg.queueSchema,
      '--concurrency',
      '1',
      '--batch',
      '5',
      '--merge-delay',
      '1',
      '--maintenance-seconds',
      '1',
    ],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } },
  );
  const w: Worker = {
    proc,
    out: '',
    err: '',
    exited: new Promise((resolve) => proc.on('exit', (code) => resolve(code))),
  };
  proc.stdout!.on('data', (d: Buffer) => {
    w.out += d.toString();
  });
  proc.stderr!.on('data', (d: Buffer) => {
    w.err += d.toString();
  });
  const deadline = Date.now() + 60_000;
  while (!/thread\(s\), batches of/.test(w.err)) {
    if (proc.exitCode !== null) assert.fail(`the worker exited early (${proc.exitCode}): ${w.err}`);
    if (Date.now() > deadline) assert.fail(`the worker did not start: ${w.err}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return w;
}

async function waitFor(what: string, check: () => Promise<boolean>, ms = 90_000): Promise<number> {
  const t0 = Date.now();
  while (!(await check())) {
    if (Date.now() - t0 > ms) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return Date.now() - t0;
}

async function stopWorker(w: Worker): Promise<void> {
  w.proc.kill('SIGTERM');
  const code = await w.exited;
  assert.equal(code, 0, `a worker stopped by SIGTERM exits 0: ${w.err}`);
}

function storedBy(w: Worker): { stored: number; skipped: number } {
  const m = /worker: (\d+) stored, (\d+) already stored/.exec(w.out);
  assert.ok(m, `the worker printed its summary: ${w.out} ${w.err}`);
  return { stored: Number(m[1]), skipped: Number(m[2]) };
}

async function jobStates(pg: QueueSchemas): Promise<Record<string, number>> {
  const rows = await pg.query(
    `SELECT state::text AS state, count(*)::int AS n FROM ${pg.queueSchema}.job WHERE name = $1 GROUP BY state`,
    [INGEST_QUEUE],
  );
  return Object.fromEntries(rows.map((r) => [String(r.state), Number(r.n)]));
}

async function documentCounts(pg: QueueSchemas): Promise<{ rows: number; distinct: number }> {
  const schema = decodeURIComponent(pg.storeUrl).replace(/.*search_path=/, '');
  const [r] = await pg.query(
    `SELECT count(*)::int AS rows, count(DISTINCT id)::int AS distinct FROM ${schema}.documents`,
  );
  return { rows: Number(r!.rows), distinct: Number(r!.distinct) };
}

describe('sitrep worker processes (PostgreSQL)', () => {
  const started: Worker[] = [];
  after(() => {
    // Never leave a worker behind, whatever failed.
    for (const w of started) if (w.proc.exitCode === null) w.proc.kill('SIGKILL');
  });

  describe('two workers share one queue', () => {
    let pg: QueueSchemas;
    let queue: JobQueue;
    before(async () => {
      pg = await queueSchemas('two');
      queue = await openQueue(pg.storeUrl, { schema: pg.queueSchema, retryDelaySeconds: 1 });
    });
    after(async () => {
      await queue?.close();
      await pg?.drop();
    });

    it('does every job exactly once and stores every document once', async () => {
      // Each worker holds every batch 300 ms, so neither can drain the queue before the other polls.
      const env = { SITREP_TEST_WORKER_HOLD_MS: '300' };
      const workers = await Promise.all([startWorker(pg, env), startWorker(pg, env)]);
      started.push(...workers);
      const items = articles(60, 'two');
      const r = await queue.enqueue([...items, ...items.slice(0, 5)].map((article) => ({ article })));
      assert.equal(r.enqueued, 60);
      assert.equal(r.duplicates, 5);
      await waitFor('60 completed jobs', async () => (await jobStates(pg)).completed === 60);
      // The last batch's merge request runs once the queue is empty.
      await waitFor('the merge', async () => {
        const m = await pg.query(
          `SELECT count(*)::int AS n FROM ${pg.queueSchema}.job WHERE name = 'sitrep-merge' AND state = 'completed'`,
        );
        return Number(m[0]!.n) > 0;
      });
      for (const w of workers) await stopWorker(w);

      const done = workers.map(storedBy);
      assert.equal(done[0]!.stored + done[1]!.stored, 60, 'each job extracted and written once in all');
      assert.equal(done[0]!.skipped + done[1]!.skipped, 0, 'no job delivered twice');
      assert.ok(done[0]!.stored > 0 && done[1]!.stored > 0, 'both workers took jobs');
      assert.deepEqual(await jobStates(pg), { completed: 60 });
      const retried = await pg.query(
        `SELECT count(*)::int AS n FROM ${pg.queueSchema}.job WHERE name = $1 AND retry_count > 0`,
        [INGEST_QUEUE],
      );
      assert.equal(retried[0]!.n, 0);
      assert.deepEqual(await documentCounts(pg), { rows: 60, distinct: 60 });
      const schema = decodeURIComponent(pg.storeUrl).replace(/.*search_path=/, '');
      const stories = await pg.query(`SELECT count(*)::int AS n FROM ${schema}.stories`);
      assert.ok(Number(stories[0]!.n) > 0, 'the merge pass ran over the stored events');
    });
  });

  describe('a worker killed mid-batch', () => {
    let pg: QueueSchemas;
    let queue: JobQueue;
    before(async () => {
      pg = await queueSchemas('kill');
      // A 3 s expiry (60 s by default) so the killed worker's jobs return quickly.
      queue = await openQueue(pg.storeUrl, {
        schema: pg.queueSchema,
        expireInSeconds: 3,
        retryDelaySeconds: 1,
      });
    });
    after(async () => {
      await queue?.close();
      await pg?.drop();
    });

    it('loses nothing: its jobs return and another worker completes them; nothing is stored twice', async (t) => {
      // The victim writes its first batch, then holds it (a minute) before completing the jobs.
      const victim = await startWorker(pg, { SITREP_TEST_WORKER_HOLD_MS: '60000' });
      started.push(victim);
      await queue.enqueue(articles(30, 'kill').map((article) => ({ article })));
      // Two batches in hand: the first written and held, the next extracted and waiting to be written.
      await waitFor('the victim to write its batch', async () => (await documentCounts(pg)).rows > 0);
      await waitFor('the victim to take its next batch', async () => (await jobStates(pg)).active === 10);
      assert.equal((await documentCounts(pg)).rows, 5, 'one batch written, not completed');
      victim.proc.kill('SIGKILL');
      assert.equal(await victim.exited, null);
      const killedAt = Date.now();

      const rescuer = await startWorker(pg);
      started.push(rescuer);
      await waitFor('30 completed jobs', async () => (await jobStates(pg)).completed === 30);
      t.diagnostic(`the killed worker's jobs were completed ${Date.now() - killedAt} ms after the kill`);
      await stopWorker(rescuer);

      const done = storedBy(rescuer);
      // The 5 written jobs come back and find their documents stored; the 5 unwritten are extracted.
      assert.deepEqual(done, { stored: 25, skipped: 5 });
      assert.deepEqual(await jobStates(pg), { completed: 30 });
      const returned = await pg.query(
        `SELECT count(*)::int AS n FROM ${pg.queueSchema}.job WHERE name = $1 AND retry_count = 1`,
        [INGEST_QUEUE],
      );
      assert.equal(returned[0]!.n, 10, 'the held jobs were delivered a second time');
      assert.deepEqual(await documentCounts(pg), { rows: 30, distinct: 30 });
    });
  });

  describe('the embedded store has no queue', () => {
    it('refuses ingest --queue, worker and status with a clear message', async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'sitrep-noqueue-'));
      const file = path.join(dir, 'a.txt');
      writeFileSync(file, 'Russia and Ukraine held talks.');
      // One end to end through the process (exit code and message)...
      const r = spawnSync(
        process.execPath,
        ['--import', 'tsx', CHILD, 'ingest', file, '--queue', '--db', dir],
        {
          cwd: repoRoot,
          encoding: 'utf8',
        },
      );
      assert.equal(r.status, 2, `a usage error: ${r.stderr}`);
      assert.match(
        r.stderr,
        /ingest --queue needs a PostgreSQL store \(--db postgres:\/\/.*is an embedded store/,
      );
      // ...and the other commands in process: a usage error before anything is opened.
      for (const cmd of ['worker', 'status']) {
        assert.equal(await main(['node', 'sitrep', cmd, '--db', dir]), 2, cmd);
      }
      assert.throws(() => requireQueueDb(dir, 'sitrep worker'), /sitrep worker needs a PostgreSQL store/);
    });
  });
});
