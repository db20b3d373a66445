#!/usr/bin/env node
// `node scripts/bench-queue.js [--limit 1000] [--pg URL] [--runs inproc,w1,w2,overhead] [--json]`:
// articles/s of the same input into the same PostgreSQL store three ways — in-process
// `sitrep ingest` (2 threads), one `sitrep worker` (2 threads), two workers (1 thread each) —
// and the queue's own cost per job (enqueue + fetch + complete, no extraction). Input: the first
// --limit AllSides articles (../shared/data, as in docs/PERFORMANCE.md's Store section). Each run
// gets fresh schemas (store and pg-boss) in the --pg database, dropped afterwards. Needs a build
// (`npm run build`): it runs bin/sitrep.js and imports dist/.
//
// Two rates per run: end to end (command start to exit, start-up and the final merge included: the
// threads load the extraction dictionaries), and steady — for workers, the first job's start to the
// last job's completion (pg-boss's timestamps); in process, the first to the last document's
// ingested_at (stamped when an article is handed to a thread, so the last ≤ 8 in flight are not
// covered: a slight overestimate). Storage per document is measured from the store's tables.
import { execSync, spawn } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const limit = Number(opt('--limit', '1000'));
const pgUrl = opt(
  '--pg',
  process.env.SITREP_TEST_PG ?? 'postgres://sitrep:sitrep@127.0.0.1:5432/sitrep_test',
);
const runs = opt('--runs', 'inproc,w1,w2,overhead').split(',');
const json = args.includes('--json');
const dataDir = path.resolve(
  opt('--data', process.env.SITREP_DATA ?? path.join(root, '..', 'shared', 'data')),
);
const FIELDS = ['--field', 'body=content_original', '--field', 'published=date', '--field', 'outlet=source'];

const { openQueue, INGEST_QUEUE } = await import(path.join(root, 'dist', 'queue', 'queue.js'));

const admin = new pg.Client({ connectionString: pgUrl });
await admin.connect();
const q = async (text, values = []) => (await admin.query(text, values)).rows;

async function inputFile() {
  const src = path.join(dataDir, 'allsides-intl-news', 'articles.jsonl');
  const lines = [];
  const rl = createInterface({ input: createReadStream(src) });
  for await (const line of rl) {
    if (line.trim()) lines.push(line);
    if (lines.length >= limit) break;
  }
  rl.close();
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'sitrep-bench-queue-')), 'articles.jsonl');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return { file, count: lines.length };
}

async function schemas(tag) {
  const id = `${tag}_${process.pid}`;
  const store = `bq_store_${id}`;
  const boss = `bq_boss_${id}`;
  await q(`DROP SCHEMA IF EXISTS ${store} CASCADE`);
  await q(`DROP SCHEMA IF EXISTS ${boss} CASCADE`);
  await q(`CREATE SCHEMA ${store}`);
  const sep = pgUrl.includes('?') ? '&' : '?';
  return {
    store,
    boss,
    url: `${pgUrl}${sep}options=${encodeURIComponent(`-c search_path=${store}`)}`,
    drop: async () => {
      await q(`DROP SCHEMA IF EXISTS ${store} CASCADE`);
      await q(`DROP SCHEMA IF EXISTS ${boss} CASCADE`);
    },
  };
}

/**
 * Runs bin/sitrep.js under /usr/bin/time (when present) so each run also reports its CPU seconds
 * (user + system, extraction threads included; PostgreSQL's own CPU not included) and peak RSS:
 * figures that do not depend on what else the shared machine is doing.
 */
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
function sitrep(argv, { wait = true } = {}) {
  const cmd = [process.execPath, path.join(root, 'bin', 'sitrep.js'), ...argv];
  const p = TIME
    ? spawn(TIME, ['-f', 'bench-cpu %U %S %M', ...cmd], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] })
    : spawn(cmd[0], cmd.slice(1), { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  p.stdout.on('data', (d) => {
    out += d;
  });
  p.stderr.on('data', (d) => {
    err += d;
  });
  const done = new Promise((resolve) =>
    p.on('exit', (code) => {
      const m = /bench-cpu ([\d.]+) ([\d.]+) (\d+)/.exec(err);
      resolve({
        code,
        out,
        err,
        cpu: m ? Number(m[1]) + Number(m[2]) : null,
        maxRssMb: m ? Number(m[3]) / 1024 : null,
      });
    }),
  );
  return wait ? done : { proc: p, done };
}

/** Documents stored, steady rate from ingested_at, and bytes per document of the store's tables. */
async function storeFigures(s) {
  const [d] = await q(
    `SELECT count(*)::int AS n, min(ingested_at) AS first, max(ingested_at) AS last FROM ${s.store}.documents`,
  );
  const [b] = await q(
    `SELECT sum(pg_total_relation_size(c.oid))::bigint AS bytes
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind IN ('r', 'p')`,
    [s.store],
  );
  const [e] = await q(`SELECT count(*)::int AS n FROM ${s.store}.events`);
  // Where the bytes are: each table with its indexes and TOAST, largest first.
  const tables = await q(
    `SELECT c.relname AS table, pg_total_relation_size(c.oid)::bigint AS bytes,
            pg_indexes_size(c.oid)::bigint AS index_bytes
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') ORDER BY 2 DESC`,
    [s.store],
  );
  const span = (Date.parse(d.last) - Date.parse(d.first)) / 1000;
  return {
    documents: d.n,
    events: e.n,
    steadyPerSecond: span > 0 ? (d.n - 1) / span : null,
    storeBytes: Number(b.bytes),
    bytesPerDocument: d.n ? Number(b.bytes) / d.n : null,
    tables: await Promise.all(
      tables.map(async (t) => ({
        table: t.table,
        bytes: Number(t.bytes),
        indexBytes: Number(t.index_bytes),
        // Exact (reltuples is only an estimate before autovacuum analyses the table).
        rows: (await q(`SELECT count(*)::int AS n FROM ${s.store}."${t.table}"`))[0].n,
      })),
    ),
  };
}

async function queueBytes(s) {
  const [b] = await q(
    `SELECT sum(pg_total_relation_size(c.oid))::bigint AS bytes
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind IN ('r', 'p')`,
    [s.boss],
  );
  return Number(b.bytes);
}

async function inproc(input) {
  const s = await schemas('inproc');
  // The empty store's size (tables and indexes created by the migrations), to subtract.
  await sitrep(['errors', '--db', s.url]);
  const [empty] = await q(
    `SELECT sum(pg_total_relation_size(c.oid))::bigint AS bytes
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind IN ('r', 'p')`,
    [s.store],
  );
  const t0 = performance.now();
  const r = await sitrep(['ingest', input.file, ...FIELDS, '--db', s.url, '--jobs', '2', '--no-progress']);
  const wall = (performance.now() - t0) / 1000;
  if (r.code !== 0) throw new Error(`ingest failed (${r.code}): ${r.err}`);
  const fig = await storeFigures(s);
  fig.emptyStoreBytes = Number(empty.bytes);
  fig.bytesPerDocument = (fig.storeBytes - fig.emptyStoreBytes) / fig.documents;
  await s.drop();
  return {
    run: 'in-process ingest, 2 threads',
    wall,
    endToEnd: fig.documents / wall,
    cpuSeconds: r.cpu,
    maxRssMb: r.maxRssMb,
    ...fig,
    output: r.out.trim(),
  };
}

async function workers(input, count, threads) {
  const s = await schemas(`w${count}`);
  const t0 = performance.now();
  const enq = await sitrep([
    'ingest',
    input.file,
    ...FIELDS,
    '--db',
    s.url,
    '--queue',
    '--queue-schema',
    s.boss,
  ]);
  const enqueueSeconds = (performance.now() - t0) / 1000;
  if (enq.code !== 0) throw new Error(`ingest --queue failed (${enq.code}): ${enq.err}`);
  const t1 = performance.now();
  const ws = Array.from({ length: count }, () =>
    sitrep(
      [
        'worker',
        '--db',
        s.url,
        '--queue-schema',
        s.boss,
        '--concurrency',
        String(threads),
        '--exit-when-idle',
        '--no-progress',
      ],
      { wait: false },
    ),
  );
  const results = await Promise.all(ws.map((w) => w.done));
  const wall = (performance.now() - t1) / 1000;
  for (const r of results) if (r.code !== 0) throw new Error(`worker failed (${r.code}): ${r.err}`);
  const [jobs] = await q(
    `SELECT count(*) FILTER (WHERE state = 'completed')::int AS completed,
            EXTRACT(epoch FROM max(completed_on) - min(started_on)) AS span
       FROM ${s.boss}.job WHERE name = $1`,
    [INGEST_QUEUE],
  );
  const fig = await storeFigures(s);
  const qBytes = await queueBytes(s);
  await s.drop();
  return {
    run: `${count} worker(s) × ${threads} thread(s)`,
    enqueueSeconds,
    wall,
    endToEnd: fig.documents / wall,
    jobsCompleted: jobs.completed,
    jobSpanPerSecond: jobs.completed / Number(jobs.span),
    queueBytesPerJob: qBytes / Math.max(jobs.completed, 1),
    cpuSeconds: results.reduce((n, r) => n + (r.cpu ?? 0), 0),
    enqueueCpuSeconds: enq.cpu,
    maxRssMb: Math.max(...results.map((r) => r.maxRssMb ?? 0)),
    ...fig,
    output: results.map((r) => r.out.trim()).join(' | '),
  };
}

/** The queue's own cost: enqueue, then fetch + complete with no extraction, in one process. */
async function overhead() {
  const s = await schemas('overhead');
  const queue = await openQueue(s.url, { schema: s.boss, onError: () => {} });
  const n = 2000;
  const jobs = Array.from({ length: n }, (_, i) => ({
    article: {
      key: `k${i}`,
      text: `Article ${i}: Russia and Ukraine held talks. ${'x'.repeat(2000)}`,
      meta: {},
    },
  }));
  let t = performance.now();
  await queue.enqueue(jobs);
  const enqueueUs = ((performance.now() - t) * 1000) / n;
  const drain = async (batch, max) => {
    let done = 0;
    const t0 = performance.now();
    while (done < max) {
      const got = await queue.fetch(batch);
      if (got.length === 0) break;
      await queue.complete(got.map((j) => j.id));
      done += got.length;
    }
    return { done, us: ((performance.now() - t0) * 1000) / Math.max(done, 1) };
  };
  const one = await drain(1, 300);
  const batched = await drain(32, n);
  t = performance.now();
  const again = await queue.enqueue(jobs.slice(0, 500));
  const dupUs = ((performance.now() - t) * 1000) / 500;
  await queue.close();
  await s.drop();
  return {
    run: 'queue overhead (no extraction, ~2 KB jobs)',
    jobs: n,
    enqueueUsPerJob: enqueueUs,
    fetchCompleteUsPerJobBatch1: one.us,
    fetchCompleteUsPerJobBatch32: batched.us,
    duplicateEnqueueUsPerJob: dupUs,
    duplicatesRefused: again.duplicates,
  };
}

/** The machine's load, stated with the figures (other engineers share these 2 cores). */
const load = () => execSync('uptime').toString().trim();

const results = [];
const input = runs.some((r) => r !== 'overhead') ? await inputFile() : null;
results.push({ run: 'load before', uptime: load() });
for (const r of runs) {
  if (r === 'inproc') results.push(await inproc(input));
  else if (r === 'w1') results.push(await workers(input, 1, 2));
  else if (r === 'w2') results.push(await workers(input, 2, 1));
  else if (r === 'w2x2') results.push(await workers(input, 2, 2));
  else if (r === 'overhead') results.push(await overhead());
  else throw new Error(`unknown run ${r}`);
  if (!json) console.error(JSON.stringify(results.at(-1)));
}
results.push({ run: 'load after', uptime: load() });
await admin.end();

if (json) {
  console.log(JSON.stringify(results, null, 2));
} else {
  const f = (x, d = 1) => (x === null || x === undefined ? '–' : Number(x).toFixed(d));
  console.log(`input: first ${input?.count ?? 0} AllSides articles; ${results[0].uptime}`);
  for (const r of results.slice(1, -1)) {
    if ('endToEnd' in r) {
      console.log(
        `${r.run}: ${r.documents} documents in ${f(r.wall)} s = ${f(r.endToEnd)} articles/s end to end; ` +
          `steady ${f(r.jobSpanPerSecond ?? r.steadyPerSecond)} articles/s; CPU ${f(r.cpuSeconds)} s` +
          `${r.enqueueCpuSeconds ? ` (+${f(r.enqueueCpuSeconds)} s to enqueue)` : ''}; peak RSS ${f(r.maxRssMb, 0)} MB per process; ` +
          (r.emptyStoreBytes !== undefined
            ? `${f(r.bytesPerDocument / 1024)} KiB per document stored (beyond the empty store)`
            : `${r.events} events`) +
          (r.enqueueSeconds !== undefined
            ? `; enqueue ${f(r.enqueueSeconds)} s; queue ${f(r.queueBytesPerJob / 1024)} KiB per job`
            : ''),
      );
    } else {
      console.log(
        `${r.run}: enqueue ${f(r.enqueueUsPerJob, 0)} µs/job, fetch+complete ${f(r.fetchCompleteUsPerJobBatch1, 0)} µs/job ` +
          `one at a time, ${f(r.fetchCompleteUsPerJobBatch32, 0)} µs/job in batches of 32; ` +
          `a duplicate refused in ${f(r.duplicateEnqueueUsPerJob, 0)} µs`,
      );
    }
  }
  console.log(results.at(-1).uptime);
}
