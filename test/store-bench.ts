/**
 * Store write benchmark (not a test): reads N stored articles with all their layers from an
 * existing embedded store and writes them into a fresh store of each driver in batches of 64, as
 * ingest does, then runs the merge pass. Measures the store alone, without extraction.
 * Usage: [GENERIC=1] node --import tsx test/store-bench.ts SOURCE_DB_DIR [N] [postgres://...]
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { runMerge } from '../src/merge/run-merge.js';
import { openStore } from '../src/store/open-store.js';
import type { DocumentRows } from '../src/store/schema.js';
import { SqlStore } from '../src/store/sql-store.js';

const [source, nArg, pgUrl] = process.argv.slice(2);
const n = Number(nArg ?? 1000);
const src = await openStore(source);
const db = src.db;
const docs = await db.selectFrom('documents').selectAll().orderBy('id').limit(n).execute();
const ids = docs.map((d) => d.id);
const by = async <
  T extends
    | 'actors'
    | 'actor_mentions'
    | 'times'
    | 'places'
    | 'quantities'
    | 'quotes'
    | 'attributions'
    | 'events',
>(
  t: T,
) => {
  // One query shape for every annotation table (they all have doc_id); the rows stay untyped here.
  const rows = await db
    .selectFrom(t as 'events')
    .selectAll()
    .where('doc_id', 'in', ids)
    .execute();
  const m = new Map<string, unknown[]>();
  for (const r of rows as { doc_id: string }[]) m.set(r.doc_id, [...(m.get(r.doc_id) ?? []), r]);
  return m;
};
const tables = {
  actors: await by('actors'),
  actorMentions: await by('actor_mentions'),
  times: await by('times'),
  places: await by('places'),
  quantities: await by('quantities'),
  quotes: await by('quotes'),
  attributions: await by('attributions'),
  events: await by('events'),
};
await src.close();
const batch: DocumentRows[] = docs.map((document) => {
  const get = (m: Map<string, unknown[]>) => (m.get(document.id) ?? []) as never[];
  return {
    document,
    actors: get(tables.actors),
    actorMentions: get(tables.actorMentions),
    times: get(tables.times),
    places: get(tables.places),
    quantities: get(tables.quantities),
    quotes: get(tables.quotes),
    attributions: get(tables.attributions),
    events: get(tables.events),
  };
});
const rows = batch.reduce(
  (s, b) =>
    s +
    1 +
    b.actors.length +
    b.actorMentions.length +
    b.times.length +
    b.places.length +
    b.quantities.length +
    b.quotes.length +
    b.attributions.length +
    b.events.length,
  0,
);
console.log(`${batch.length} articles, ${rows} rows`);

// GENERIC=1: Kysely's generic multi-row INSERT instead of the driver's bulk writer, for comparison.
const generic = process.env.GENERIC === '1';

async function bench(name: string, target: string) {
  const opened = await openStore(target);
  const store = generic ? new SqlStore(opened.db, opened.driver, opened.location) : opened;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < batch.length; i += 64) await store.putDocuments(batch.slice(i, i + 64));
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const m = await runMerge(store);
  console.log(
    `${name}${generic ? ' (generic INSERT)' : ''}: ${batch.length} articles written in ${(ms / 1000).toFixed(2)} s = ${((batch.length / ms) * 1000).toFixed(0)} articles/s ` +
      `(${((rows / ms) * 1000).toFixed(0)} rows/s; client CPU ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s); ` +
      `merge of ${m.events} events into ${m.stories} stories: ${(m.ms / 1000).toFixed(2)} s`,
  );
  await store.close();
}

await bench('embedded (SQLite)', mkdtempSync(path.join(tmpdir(), 'sitrep-bench-')));
if (pgUrl) {
  const schema = `bench_${process.pid}`;
  const c = new pg.Client({ connectionString: pgUrl });
  await c.connect();
  await c.query(`CREATE SCHEMA ${schema}`);
  try {
    await bench('PostgreSQL', `${pgUrl}?options=${encodeURIComponent(`-c search_path=${schema}`)}`);
  } finally {
    await c.query(`DROP SCHEMA ${schema} CASCADE`);
    await c.end();
  }
}
