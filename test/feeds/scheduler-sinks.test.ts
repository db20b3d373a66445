/**
 * Where new feed articles go, for real: onto the pg-boss job queue (src/queue, its own schema) when
 * the store is PostgreSQL, and through the in-process ingest path (extracted and stored by this
 * process) when it is the embedded store. Both against feeds served on 127.0.0.1.
 */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { feedIdOf } from '../../src/feeds/feed-url.js';
import { SafeFetcher } from '../../src/feeds/fetch.js';
import { runPass } from '../../src/feeds/scheduler.js';
import { ingestSink, queueSink } from '../../src/feeds/sink.js';
import { createExecutor } from '../../src/ingest/executor.js';
import { type JobQueue, openQueue } from '../../src/queue/queue.js';
import { openStore } from '../../src/store/open-store.js';
import type { SqlStore } from '../../src/store/sql-store.js';
import { articlePage, atom, type FeedServer, rss, startFeedServer } from './feed-server.js';
import { freshPgSchema, PG_URL } from './pg.js';

const T0 = new Date('2024-10-28T10:00:00.000Z');

const story = (who: string) => [
  `${who} said on Monday that about 3,000 soldiers had crossed the border overnight, a figure the ministry later revised after further reports from the region.`,
  'The foreign minister told reporters in Brussels that the alliance would meet again on Thursday to discuss further support, including air defence systems and ammunition.',
  'Analysts cautioned that the numbers could not be independently verified, and that earlier estimates had varied widely between governments and independent monitors.',
];

let server: FeedServer;

before(async () => {
  server = await startFeedServer();
  const page = (title: string, who: string) => (_req: unknown, res: import('node:http').ServerResponse) =>
    res.writeHead(200, { 'content-type': 'text/html' }).end(articlePage(title, story(who)));
  server.routes.set('/p/1', page('Border crossing', 'Officials in Kyiv'));
  server.routes.set('/p/2', page('Alliance meeting', 'The Pentagon'));
  server.routes.set('/mirror/2', page('Alliance meeting', 'The Pentagon'));
  server.routes.set('/one.xml', (_req, res) =>
    res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(
      rss('One', [
        { title: 'Border crossing', link: `${server.base}/p/1` },
        { title: 'Alliance meeting', link: `${server.base}/p/2?utm_source=one` },
      ]),
    ),
  );
  server.routes.set('/two.xml', (_req, res) =>
    res.writeHead(200, { 'content-type': 'application/atom+xml' }).end(
      atom('Two', [
        { title: 'Alliance meeting', link: `${server.base}/p/2#top` },
        { title: 'Alliance meeting (mirror)', link: `${server.base}/mirror/2` },
      ]),
    ),
  );
});

after(async () => {
  await server.close();
});

async function addBoth(store: SqlStore): Promise<void> {
  for (const p of ['/one.xml', '/two.xml']) {
    const url = `${server.base}${p}`;
    await store.addFeed({
      id: feedIdOf(url),
      url,
      outlet: 'Test Outlet',
      everySeconds: 900,
      now: T0.toISOString(),
    });
  }
}

describe('scheduler → pg-boss queue (PostgreSQL)', () => {
  const pgs = freshPgSchema('feedsq');
  const queueSchema = `feedsq_boss_${process.pid}`;
  let store: SqlStore;
  let queue: JobQueue;

  before(async () => {
    store = await pgs.open();
    queue = await openQueue(PG_URL, { schema: queueSchema });
  });
  after(async () => {
    await queue?.close();
    await store?.close();
    await pgs.drop();
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${queueSchema} CASCADE`);
    await client.end();
  });

  it('queues each new article once, across two feeds, and records the items as queued', async () => {
    await addBoth(store);
    const s = await runPass({ store, sink: queueSink(queue), fetcher: new SafeFetcher(), now: () => T0 });
    assert.equal(s.ok, 2);
    assert.equal(s.handedOn, 2);
    assert.equal(s.duplicates, 1, 'the mirror has the same text');
    const jobs = await queue.fetch(100);
    const keys = jobs.map((j) => (j.data as { article: { key: string } }).article.key).sort();
    assert.deepEqual(keys, [`${server.base}/p/1`, `${server.base}/p/2`]);
    // Which feed claims the shared article first depends on timing; the other one's job is never made.
    type Data = { article: { key: string }; feed?: string };
    const feedOf = (key: string) =>
      (jobs.find((j) => (j.data as Data).article.key === key)?.data as Data | undefined)?.feed;
    assert.equal(feedOf(`${server.base}/p/1`), `${server.base}/one.xml`);
    assert.ok([`${server.base}/one.xml`, `${server.base}/two.xml`].includes(feedOf(`${server.base}/p/2`)!));
    const items = await store.db.selectFrom('feed_items').select(['url', 'status']).orderBy('url').execute();
    assert.deepEqual(
      items.map((i) => [i.url.replace(server.base, ''), i.status]),
      [
        ['/mirror/2', 'duplicate'],
        ['/p/1', 'queued'],
        ['/p/2', 'queued'],
      ],
    );
    const again = await runPass({
      store,
      sink: queueSink(queue),
      fetcher: new SafeFetcher(),
      now: () => new Date(T0.getTime() + 3600_000),
    });
    assert.equal(again.handedOn, 0, 'the second poll finds nothing new');
    assert.equal((await queue.fetch(100)).length, 0);
  });
});

describe('scheduler → in-process ingest (SQLite)', () => {
  let store: SqlStore;
  const executor = createExecutor(1);

  before(async () => {
    store = await openStore(mkdtempSync(path.join(tmpdir(), 'sitrep-feeds-ingest-')));
  });
  after(async () => {
    await executor.close();
    await store?.close();
  });

  it('extracts and stores each new article once, with the feed metadata, then merges', async () => {
    await addBoth(store);
    const s = await runPass({
      store,
      sink: ingestSink(store, executor),
      fetcher: new SafeFetcher(),
      now: () => T0,
    });
    assert.equal(s.handedOn, 2);
    assert.equal(s.duplicates, 1);
    const counts = await store.counts();
    assert.equal(counts.documents, 2);
    assert.ok(counts.events > 0, 'events were extracted');
    assert.equal(await store.storiesStale(), false, 'the pass ended with a merge');
    const again = await runPass({
      store,
      sink: ingestSink(store, executor),
      fetcher: new SafeFetcher(),
      now: () => new Date(T0.getTime() + 3600_000),
    });
    assert.equal(again.handedOn, 0);
    assert.equal((await store.counts()).documents, 2);
    const rows = await store.db
      .selectFrom('documents')
      .select(['url', 'outlet', 'published', 'title'])
      .orderBy('url')
      .execute();
    assert.deepEqual(rows, [
      { url: `${server.base}/p/1`, outlet: 'Test Outlet', published: '2024-10-28', title: 'Border crossing' },
      {
        url: `${server.base}/p/2`,
        outlet: 'Test Outlet',
        published: '2024-10-28',
        title: 'Alliance meeting',
      },
    ]);
    const items = await store.db.selectFrom('feed_items').select(['url', 'status']).orderBy('url').execute();
    assert.deepEqual(
      items.map((i) => i.status),
      ['duplicate', 'stored', 'stored'],
    );
  });
});
