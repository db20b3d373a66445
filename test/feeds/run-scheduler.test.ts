/**
 * The scheduler loop: a one-shot run takes everything due at its start in as many passes as that
 * needs, each feed once; the endless loop stops when its signal is aborted.
 */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { feedIdOf } from '../../src/feeds/feed-url.js';
import { SafeFetcher } from '../../src/feeds/fetch.js';
import { runScheduler } from '../../src/feeds/scheduler.js';
import { queueSink } from '../../src/feeds/sink.js';
import { openStore } from '../../src/store/open-store.js';
import type { SqlStore } from '../../src/store/sql-store.js';
import { type FeedServer, rss, startFeedServer } from './feed-server.js';

const T0 = new Date('2024-10-28T10:00:00.000Z');
const sink = queueSink({
  enqueue: async (j) => ({ enqueued: j.length, duplicates: 0 }),
  close: async () => {},
});
let server: FeedServer;
let store: SqlStore;

before(async () => {
  server = await startFeedServer();
  store = await openStore(mkdtempSync(path.join(tmpdir(), 'sitrep-feeds-loop-')));
  for (let i = 0; i < 7; i++) {
    server.routes.set(`/f${i}.xml`, (_req, res) =>
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(`F${i}`, [])),
    );
    const url = `${server.base}/f${i}.xml`;
    await store.addFeed({ id: feedIdOf(url), url, outlet: null, everySeconds: 30, now: T0.toISOString() });
  }
});

after(async () => {
  await store.close();
  await server.close();
});

describe('runScheduler', () => {
  it('--once polls every due feed once, over several passes when there are many', async () => {
    server.reset();
    // One feed at a time: five feeds a pass, so seven need two passes.
    const totals = await runScheduler({
      store,
      sink,
      fetcher: new SafeFetcher({ allowPrivate: true }),
      feedConcurrency: 1,
      once: true,
      now: () => T0,
    });
    assert.equal(totals.feeds, 7);
    assert.equal(totals.ok, 7);
    assert.deepEqual(
      server.requests.map((r) => r.path).sort(),
      Array.from({ length: 7 }, (_, i) => `/f${i}.xml`),
    );
  });

  it('loops until its signal is aborted', async () => {
    const controller = new AbortController();
    let lines = 0;
    const totals = await runScheduler({
      store,
      sink,
      fetcher: new SafeFetcher({ allowPrivate: true }),
      idleMs: 10,
      signal: controller.signal,
      now: () => new Date(T0.getTime() + 3600_000),
      log: () => {
        lines++;
        if (lines === 7) controller.abort();
      },
    });
    assert.equal(totals.feeds, 7);
    assert.ok(controller.signal.aborted);
  });
});
