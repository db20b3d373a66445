/**
 * Reads off the event loop: the embedded store's worker-thread read pool answers exactly what the
 * store answers in-process (errors with their codes included), the server's read bound refuses
 * with 503 and `Retry-After` instead of queueing without end, and cached answers are dropped on
 * a write. Data: hand-made documents with known events (test/store-fixtures.ts), merged for real.
 */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fixtureDoc, PENTAGON, PRK, RUS, UKR, USA } from '../../test/store-fixtures.js';
import { isSitrepError } from '../core/errors.js';
import { runMerge } from '../merge/run-merge.js';
import { openStore } from '../store/open-store.js';
import { type PooledStore, withReadPool } from '../store/read-pool.js';
import { toDocumentRows } from '../store/rows.js';
import type { DocumentRows } from '../store/schema.js';
import type { SqlStore } from '../store/sql-store.js';
import type { Store } from '../store/store.js';
import { createApp } from './app.js';

const AT = '2024-10-29T12:00:00.000Z';

function docRows(
  i: number,
  text: string,
  published: string,
  events: Parameters<typeof fixtureDoc>[0]['events'],
) {
  return toDocumentRows(fixtureDoc({ text, published, outlet: `Outlet ${i}`, events }), {
    input: `doc${i}.txt`,
    pipeline: 'p@1',
    ingestedAt: AT,
  });
}

const first: DocumentRows[] = [
  docRows(0, 'North Korea sent troops to Russia, the Pentagon said.', '2024-10-28', [
    {
      cameo: '072',
      plover: 'AID',
      source: PRK,
      target: RUS,
      speaker: PENTAGON,
      evidence: 'North Korea sent troops to Russia, the Pentagon said.',
    },
  ]),
  docRows(1, 'The United States accused North Korea of arming Russia.', '2024-10-30', [
    {
      cameo: '111',
      plover: 'ACCUSE',
      source: USA,
      target: PRK,
      evidence: 'The United States accused North Korea of arming Russia.',
    },
  ]),
];
const later = docRows(2, 'Ukraine shelled positions held by Russia.', '2024-11-02', [
  {
    cameo: '190',
    plover: 'ASSAULT',
    source: UKR,
    target: RUS,
    evidence: 'Ukraine shelled positions held by Russia.',
  },
]);

/** The store with one read method counted and, while `hold` is set, held until released. */
function instrumented(store: Store, method: keyof Store) {
  const state = { calls: 0, hold: null as Promise<void> | null };
  const proxy = new Proxy(store, {
    get(target, prop) {
      const v = Reflect.get(target, prop);
      if (prop !== method) return typeof v === 'function' ? v.bind(target) : v;
      return async (...args: unknown[]) => {
        state.calls++;
        if (state.hold) await state.hold;
        return (v as (...a: unknown[]) => Promise<unknown>).apply(target, args);
      };
    },
  });
  return { store: proxy, state };
}

describe('read pool and read bound', () => {
  let store: SqlStore;
  let pooled: PooledStore;

  before(async () => {
    store = await openStore(mkdtempSync(path.join(tmpdir(), 'sitrep-readpool-')));
    await store.putDocuments(first);
    await runMerge(store);
    // A second handle on the same file, so closing the pool does not close `store` under the other tests.
    pooled = withReadPool(await openStore(store.location), 2);
  });
  after(async () => {
    await pooled.close();
    await store.close();
  });

  it('answers every pooled read exactly as the store does in-process', async () => {
    assert.equal(pooled.readThreads, 2);
    const docId = first[0]!.document.id;
    const storyId = (await store.storyPage({}, { sort: 'date', order: 'asc', limit: 1, offset: 0 })).items[0]!
      .story.id;
    const calls: [string, (s: Store) => Promise<unknown>][] = [
      [
        'storyPage',
        (s) => s.storyPage({ actor: 'PRK' }, { sort: 'sources', order: 'desc', limit: 10, offset: 0 }),
      ],
      ['story', (s) => s.story(storyId)],
      ['actorPage', (s) => s.actorPage({ limit: 10, offset: 0 })],
      ['actorDetail', (s) => s.actorDetail('PRK', 5)],
      ['network', (s) => s.network({}, { minEvents: 1, limitNodes: 50 })],
      ['timelineCells', (s) => s.timelineCells({}, 'root', 5)],
      ['placeAggregates', (s) => s.placeAggregates({})],
      ['contradictionPage', (s) => s.contradictionPage({ limit: 10, offset: 0 })],
      ['documentView', (s) => s.documentView(docId)],
      ['searchDocuments', (s) => s.searchDocuments('troops', { limit: 10, offset: 0 })],
      ['quotes', (s) => s.quotes({ limit: 10 })],
      ['counts', (s) => s.counts()],
    ];
    for (const [name, call] of calls) {
      // Concurrent calls, so both threads answer some of them.
      const [a, b, c] = await Promise.all([call(pooled), call(pooled), call(store)]);
      assert.deepEqual(a, c, name);
      assert.deepEqual(b, c, name);
    }
    assert.ok((await pooled.counts()).stories > 0);
  });

  it('keeps the code of an error raised on a worker thread', async () => {
    // Every id starts with the same prefix: an empty-ish prefix matching two stories is ambiguous.
    const err = await pooled.story('').catch((e: unknown) => e);
    assert.ok(isSitrepError(err), String(err));
    assert.equal(err.code, 'BAD_ARGUMENT');
  });

  it('answers 503 with Retry-After past the read bound, and serves the held reads afterwards', async () => {
    const { store: slow, state } = instrumented(store, 'network');
    let release!: () => void;
    state.hold = new Promise<void>((r) => {
      release = r;
    });
    const app = createApp({ store: slow, readConcurrency: 1, readQueue: 1, cacheBytes: 0, log: () => {} });
    const running = app.request('/api/network');
    const queued = app.request('/api/network?min_events=1');
    // Let both reach the gate before the third arrives.
    while (state.calls < 1) await new Promise((r) => setTimeout(r, 5));
    const refused = await app.request('/api/network?min_events=2');
    assert.equal(refused.status, 503);
    assert.equal(refused.headers.get('retry-after'), '1');
    const body = (await refused.json()) as { error: { status: number; message: string } };
    assert.equal(body.error.status, 503);
    assert.match(body.error.message, /busy/);
    release();
    assert.equal((await running).status, 200);
    assert.equal((await queued).status, 200);
    assert.equal(state.calls, 2);
    // The bound frees up: a new read goes through.
    assert.equal((await app.request('/api/network')).status, 200);
  });

  it('caches an answer until a write, then answers from the new data', async () => {
    const { store: counted, state } = instrumented(store, 'network');
    const app = createApp({ store: counted, log: () => {} });
    const one = await (await app.request('/api/network?min_events=1')).json();
    const again = await (await app.request('/api/network?min_events=1')).json();
    assert.deepEqual(again, one);
    assert.equal(state.calls, 1, 'the second request is answered from the cache');
    // Concurrent identical requests on a cold key compute once.
    await Promise.all([app.request('/api/network?min_events=2'), app.request('/api/network?min_events=2')]);
    assert.equal(state.calls, 2);

    await store.putDocuments([later]);
    const fresh = (await (await app.request('/api/network?min_events=1')).json()) as {
      nodes: { id: string }[];
    };
    assert.equal(state.calls, 3, 'a write invalidates the cache');
    assert.notDeepEqual(fresh, one);
    assert.ok(
      fresh.nodes.some((n) => n.id === 'UKR'),
      'the new document is in the answer',
    );
    await app.idle();
  });
});
