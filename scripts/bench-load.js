#!/usr/bin/env node
// `node scripts/bench-load.js --db DIR|postgres://... [--path /api/events] [--clients 50] [--seconds 20]
//  [--read-threads 2] [--read-queue 64] [--cache-mb 64]`: the HTTP API under concurrent load on
// loopback. Starts the app `sitrep serve` runs (same read pool, read bound and cache options) on an
// ephemeral port in this process, and drives it from a child process (its own event loop, so the
// load generator does not steal the server's): `--clients` keep-alive clients, each sending its next
// request when the previous answer is read, for `--seconds`. A request that takes over 10 s counts
// as a timeout. Prints requests/s, latency percentiles, and answers by status. `--read-threads 0`:
// reads on the event loop (the server before issue 14). `--wrk`: drive it with wrk (Debian's `wrk`
// package) instead, which needs far less CPU per request than a Node client on a busy machine.
// Needs a build (`npm run build`).
import { execFileSync, fork } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(import.meta.url);
const root = path.resolve(path.dirname(here), '..');
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const TIMEOUT_MS = 10_000;

if (args[0] === '--wrk-child') {
  // wrk as a child of a child, so the server's event loop stays free while it waits for wrk.
  const [, script, threads, conns, secs, target] = args;
  const out = execFileSync('wrk', [
    '-t',
    threads,
    '-c',
    conns,
    '-d',
    `${secs}s`,
    '--timeout',
    '10s',
    '-s',
    script,
    target,
  ]);
  process.stdout.write(out);
  process.exit(0);
}

if (args[0] === '--client') {
  // The load generator: runs in its own process, reports its samples to the parent.
  const [, base, clients, seconds] = args;
  const end = performance.now() + Number(seconds) * 1000;
  const latencies = [];
  const statuses = {};
  let failures = 0;
  async function client() {
    while (performance.now() < end) {
      const t0 = performance.now();
      try {
        const res = await fetch(base, { signal: AbortSignal.timeout(TIMEOUT_MS) });
        await res.arrayBuffer();
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
        latencies.push(performance.now() - t0);
      } catch {
        failures++; // a timeout or a broken connection
        latencies.push(performance.now() - t0);
      }
    }
  }
  const t0 = performance.now();
  await Promise.all(Array.from({ length: Number(clients) }, client));
  process.send({ latencies, statuses, failures, wall: performance.now() - t0 });
  process.exit(0);
}

const db = opt('--db', null);
if (!db) {
  console.error('bench-load: give the store with --db DIR|postgres://...');
  process.exit(2);
}
const url = opt('--path', '/api/events');
const clients = Number(opt('--clients', '50'));
const seconds = Number(opt('--seconds', '20'));
const readThreads = Number(opt('--read-threads', '2'));
const readQueue = Number(opt('--read-queue', '64'));
const cacheMb = Number(opt('--cache-mb', '64'));

const { openStore } = await import(path.join(root, 'dist', 'store', 'open-store.js'));
const { withReadPool } = await import(path.join(root, 'dist', 'store', 'read-pool.js'));
const { createApp } = await import(path.join(root, 'dist', 'serve', 'app.js'));
const { serve } = await import('@hono/node-server');

const store = withReadPool(await openStore(db, { poolSize: Math.max(1, readThreads) }), readThreads);
const app = createApp({
  store,
  token: null,
  webRoot: null,
  log: (l) => console.error(l),
  // The event-loop server ran every request as it came: no bound.
  readConcurrency: readThreads > 0 ? readThreads : 1_000_000,
  readQueue: readThreads > 0 ? readQueue : 1_000_000,
  cacheBytes: cacheMb * 1024 * 1024,
});
const server = await new Promise((resolve) => {
  const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
});
const base = `http://127.0.0.1:${server.address().port}${url}`;
// One untimed request: the threads open their connections, the merge gate checks the store.
await (await fetch(base)).arrayBuffer();

// wrk's report, as the numbers the Node client gives: statuses counted per response in Lua.
const WRK_SCRIPT = `
local threads = {}
setup = function(thread) table.insert(threads, thread) end
init = function() ok = 0; busy = 0; other = 0 end
response = function(status)
  if status == 200 then ok = ok + 1 elseif status == 503 then busy = busy + 1 else other = other + 1 end
end
done = function(summary, latency)
  local o, b, x = 0, 0, 0
  for _, t in ipairs(threads) do o = o + t:get('ok'); b = b + t:get('busy'); x = x + t:get('other') end
  io.write(string.format('WRK {"requests":%d,"wall":%f,"p50":%f,"p90":%f,"p99":%f,"max":%f,"failures":%d,"statuses":{"200":%d,"503":%d,"0":%d}}\\n',
    summary.requests, summary.duration / 1000, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, o, b, x))
end
`;

async function runWrk() {
  const script = path.join(mkdtempSync(path.join(tmpdir(), 'bench-load-')), 'status.lua');
  writeFileSync(script, WRK_SCRIPT);
  const threads = String(Math.min(2, clients));
  const out = await new Promise((resolve, reject) => {
    const child = fork(here, ['--wrk-child', script, threads, String(clients), String(seconds), base], {
      stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    });
    let text = '';
    child.stdout.on('data', (d) => {
      text += d;
    });
    child.once('exit', (code) => (code ? reject(new Error(`wrk exited ${code}`)) : resolve(text)));
  });
  const r = JSON.parse(/WRK (\{.*\})/.exec(out)[1]);
  return { ...r, timeoutsOnly: true };
}

async function runNode() {
  const child = fork(here, ['--client', base, String(clients), String(seconds)], { stdio: 'inherit' });
  return new Promise((resolve, reject) => {
    child.once('message', resolve);
    child.once('exit', (code) => code && reject(new Error(`load generator exited ${code}`)));
  });
}

const result = args.includes('--wrk') ? await runWrk() : await runNode();
// Let the reads the load generator left in flight finish before the pool closes under them.
await new Promise((r) => setTimeout(r, 1000));
server.close();
server.closeAllConnections?.();
await app.idle();
await store.close();

let figures;
if (result.latencies) {
  const lat = result.latencies.sort((a, b) => a - b);
  const pct = (p) => lat[Math.min(lat.length - 1, Math.max(0, Math.ceil((p / 100) * lat.length) - 1))] ?? 0;
  figures = {
    requests: lat.length,
    wall: result.wall,
    p50: pct(50),
    p90: pct(90),
    p99: pct(99),
    max: lat.at(-1) ?? 0,
    statuses: result.statuses,
    failures: result.failures,
  };
} else {
  figures = result;
}
const ok = figures.statuses[200] ?? 0;
const busy = figures.statuses[503] ?? 0;
const answered = Object.values(figures.statuses).reduce((a, b) => a + b, 0);
const other = answered - ok - busy;
const ms = (v) => `${v.toFixed(1)} ms`;
console.log(
  `GET ${url}: ${clients} clients, ${seconds} s, ${args.includes('--wrk') ? 'wrk' : 'node fetch'}, read threads ${readThreads}, read queue ${readQueue}, cache ${cacheMb} MB`,
);
console.log(
  `| requests | req/s | p50 | p90 | p99 | max | 200 | 503 | other status | timeouts/errors |\n|---|---|---|---|---|---|---|---|---|---|\n` +
    `| ${figures.requests} | ${(figures.requests / (figures.wall / 1000)).toFixed(1)} | ${ms(figures.p50)} | ${ms(figures.p90)} | ${ms(figures.p99)} | ${ms(figures.max)} | ${ok} | ${busy} | ${other} | ${figures.failures} |`,
);
