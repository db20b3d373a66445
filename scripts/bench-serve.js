#!/usr/bin/env node
// `node scripts/bench-serve.js --db DIR|postgres://... [--runs 20] [--warmup 3]`: response times of the
// HTTP API over a store. Opens the store, starts the same app `sitrep serve` runs on an ephemeral
// loopback port (@hono/node-server, so HTTP parsing and JSON encoding are included), requests each
// endpoint `--warmup` times untimed and then `--runs` times one after another, and prints a markdown
// table of the median and 95th percentile. Needs a build (`npm run build`): it imports dist/.
import { statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const db = opt('--db', null);
if (!db) {
  console.error('bench-serve: give the store with --db DIR|postgres://...');
  process.exit(2);
}
const runs = Number(opt('--runs', '20'));
const warmup = Number(opt('--warmup', '3'));

const { openStore } = await import(path.join(root, 'dist', 'store', 'open-store.js'));
const { createApp } = await import(path.join(root, 'dist', 'serve', 'app.js'));
const { serve } = await import('@hono/node-server');

const store = await openStore(db);
const app = createApp({ store, token: null, webRoot: null, log: (l) => console.error(l) });
const server = await new Promise((resolve) => {
  const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
});
const base = `http://127.0.0.1:${server.address().port}`;

async function get(url) {
  const res = await fetch(base + url);
  const body = await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`${url}: HTTP ${res.status} ${Buffer.from(body).toString()}`);
  return body;
}

// Ids for the detail endpoints come from the store itself.
const first = JSON.parse(Buffer.from(await get('/api/events?actor=PRK&sort=sources&limit=1')).toString());
const eventId = first.items[0]?.id;
const docId = first.items[0]?.evidence?.document;

const endpoints = [
  '/api/events?actor=PRK',
  '/api/network',
  '/api/timeline',
  '/api/events',
  '/api/events?actor=PRK&from=2017-01-01&to=2017-12-31&sort=sources',
  '/api/network?actor=PRK',
  '/api/timeline?bucket=week&by=actor',
  '/api/timeline?actor=PRK&by=plover',
  '/api/places.geojson',
  '/api/actors',
  '/api/actors/PRK',
  '/api/contradictions',
  '/api/quotes?speaker=trump',
  '/api/search?q=missile%20test',
  ...(eventId ? [`/api/events/${eventId}`] : []),
  ...(docId ? [`/api/documents/${docId}`] : []),
  '/healthz',
];

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const rows = [];
for (const url of endpoints) {
  for (let i = 0; i < warmup; i++) await get(url);
  const times = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    bytes = (await get(url)).byteLength;
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  rows.push({ url, median: pct(times, 50), p95: pct(times, 95), bytes });
}

const counts = await store.counts();
let size = '';
try {
  const file = store.location;
  size = `, ${(statSync(file).size / 1e6).toFixed(0)} MB file`;
} catch {}
server.close();
await app.idle();
await store.close();

const fmt = (ms) => `${ms.toFixed(1)} ms`;
console.log(
  `store: ${store.driver}, ${counts.documents.toLocaleString('en')} documents, ${counts.events.toLocaleString('en')} events, ${counts.stories.toLocaleString('en')} story events${size}; ${runs} runs after ${warmup} warm-up, sequential, over loopback HTTP\n`,
);
console.log('| endpoint | median | p95 | response |');
console.log('|---|---|---|---|');
for (const r of rows) {
  console.log(`| \`GET ${r.url}\` | ${fmt(r.median)} | ${fmt(r.p95)} | ${(r.bytes / 1024).toFixed(1)} KB |`);
}
