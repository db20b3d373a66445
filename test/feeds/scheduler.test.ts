/**
 * The scheduler end to end against feeds and pages served on 127.0.0.1: RSS 2.0 and Atom, conditional
 * GET, the same article through two feeds, broken and hostile feeds beside good ones, one request at
 * a time per host. Runs on both drivers: SQLite always, PostgreSQL (SITREP_TEST_PG, a fresh schema)
 * failing — never skipping — when the server is down. New articles go to a recorded JobProducer
 * double here; test/feeds/scheduler-sinks.test.ts covers the real queue and in-process ingest.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { feedIdOf } from '../../src/feeds/feed-url.js';
import { SafeFetcher } from '../../src/feeds/fetch.js';
import { runPass } from '../../src/feeds/scheduler.js';
import { queueSink } from '../../src/feeds/sink.js';
import type { ArticleJob, EnqueueResult, JobProducer } from '../../src/queue/jobs.js';
import { openStore } from '../../src/store/open-store.js';
import type { SqlStore } from '../../src/store/sql-store.js';
import { articlePage, atom, type FeedServer, rss, startFeedServer } from './feed-server.js';
import { freshPgSchema } from './pg.js';

const T0 = new Date('2024-10-28T10:00:00.000Z');
const hours = (h: number) => new Date(T0.getTime() + h * 3600_000);

const PARAS = [
  'Officials in Kyiv said on Monday that about 3,000 soldiers had crossed the border overnight, a figure the ministry later revised after further reports from the region.',
  'The foreign minister told reporters in Brussels that the alliance would meet again on Thursday to discuss further support, including air defence systems and ammunition.',
  'Analysts cautioned that the numbers could not be independently verified, and that earlier estimates had varied widely between governments and independent monitors.',
];

/** A JobProducer double that records what it is given. */
class RecordedProducer implements JobProducer {
  readonly jobs: ArticleJob[] = [];
  closed = false;
  async enqueue(jobs: readonly ArticleJob[]): Promise<EnqueueResult> {
    this.jobs.push(...jobs);
    return { enqueued: jobs.length, duplicates: 0 };
  }
  async close(): Promise<void> {
    this.closed = true;
  }
}

const BOMB = `<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>&lol9;</title><link>http://x/</link><description>d</description>
<item><title>&lol9;</title><link>/bomb-item</link><description>&lol9;</description></item></channel></rss>`;

const secretDir = mkdtempSync(path.join(tmpdir(), 'sitrep-feeds-secret-'));
const SECRET = 'TOP-SECRET-LOCAL-FILE-CONTENT';
writeFileSync(path.join(secretDir, 'secret.txt'), SECRET);
const XXE = `<?xml version="1.0"?>
<!DOCTYPE rss [ <!ENTITY xxe SYSTEM "file://${secretDir}/secret.txt"> ]>
<rss version="2.0"><channel><title>x &xxe;</title><link>http://x/</link><description>d</description>
<item><title>leak &xxe;</title><link>/xxe-item</link><description>${'padding '.repeat(80)} &xxe;</description></item></channel></rss>`;

let server: FeedServer;
let etagChecks = 0;

before(async () => {
  server = await startFeedServer();
  const page =
    (title: string, extra = '') =>
    (_req: unknown, res: import('node:http').ServerResponse) => {
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(articlePage(title, [`${title}. ${PARAS[0]}${extra}`, PARAS[1]!, PARAS[2]!]));
    };
  const r = server.routes;
  r.set('/a/1', page('Troops cross the border'));
  r.set('/a/2', page('Ministers meet in Brussels'));
  // The same article as /a/2 under another URL (syndicated copy): same text, same content hash.
  r.set('/b/copy', page('Ministers meet in Brussels'));
  r.set('/a/shared', page('Shared story'));
  r.set('/b/1', page('Air defence pledged'));
  r.set('/rss.xml', (req, res) => {
    if (req.headers['if-none-match'] === '"rss-v1"') {
      etagChecks++;
      res.writeHead(304, { etag: '"rss-v1"' }).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag: '"rss-v1"' }).end(
      rss('Alpha Wire', [
        { title: 'Troops cross the border', link: `${server.base}/a/1?utm_source=rss&utm_medium=feed#top` },
        { title: 'Ministers meet in Brussels', link: `${server.base}/a/2` },
        { title: 'Shared story', link: `${server.base}/a/shared` },
      ]),
    );
  });
  const lastModified = 'Mon, 28 Oct 2024 08:00:00 GMT';
  r.set('/atom.xml', (req, res) => {
    if (req.headers['if-modified-since'] === lastModified) {
      res.writeHead(304).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/atom+xml', 'last-modified': lastModified }).end(
      atom('Beta News', [
        { title: 'Air defence pledged', link: `${server.base}/b/1` },
        // The RSS feed's item, with tracking parameters and a fragment.
        { title: 'Shared story', link: `${server.base}/a/shared?utm_campaign=x&fbclid=abc#comments` },
        { title: 'Ministers meet in Brussels (copy)', link: `${server.base}/b/copy` },
      ]),
    );
  });
  r.set('/broken.xml', (_req, res) => {
    res
      .writeHead(200, { 'content-type': 'application/rss+xml' })
      .end(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>x<item><title>a</title></item></channel>',
      );
  });
  r.set('/bomb.xml', (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(BOMB));
  r.set('/xxe.xml', (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(XXE));
  r.set('/forever.xml', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    res.write('<?xml version="1.0"?><rss version="2.0"><channel><title>');
    const chunk = 'x'.repeat(16 * 1024);
    const pump = () => {
      while (!res.destroyed) if (!res.write(chunk)) return void res.once('drain', pump);
    };
    pump();
  });
  r.set('/stall.xml', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    res.write('<?xml version="1.0"?><rss version="2.0">');
  });
  r.set('/loop.xml', (_req, res) => res.writeHead(302, { location: '/loop2.xml' }).end());
  r.set('/loop2.xml', (_req, res) => res.writeHead(302, { location: '/loop.xml' }).end());
  r.set('/huge.xml', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-length': String(1024 ** 3) });
    res.write('<?xml version="1.0"?>');
  });
  // Items whose pages fail: a long description stands in for the page; a short one cannot.
  r.set('/fallback.xml', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(
      rss('Gamma', [
        {
          title: 'Page gone, summary long',
          link: `${server.base}/gone-long`,
          description: `&lt;p&gt;${PARAS.join('&lt;/p&gt;&lt;p&gt;')}&lt;/p&gt;`,
        },
        { title: 'Page gone, summary short', link: `${server.base}/gone-short`, description: 'Too short.' },
      ]),
    );
  });
});

after(async () => {
  await server.close();
});

function feedsSuite(
  name: string,
  open: () => Promise<SqlStore>,
  cleanup: () => Promise<void> = async () => {},
) {
  describe(`scheduler over ${name}`, () => {
    let store: SqlStore;
    const producer = new RecordedProducer();
    const fetcher = new SafeFetcher({ limits: { maxBytes: 512 * 1024, idleMs: 500, totalMs: 5000 } });
    const add = (p: string, every = 900) =>
      store.addFeed({
        id: feedIdOf(`${server.base}${p}`),
        url: `${server.base}${p}`,
        outlet: null,
        everySeconds: every,
        now: T0.toISOString(),
      });
    const feed = async (p: string) => (await store.findFeed(`${server.base}${p}`))!;
    const pass = (at: Date) => runPass({ store, sink: queueSink(producer), fetcher, now: () => at });

    before(async () => {
      store = await open();
    });
    after(async () => {
      await store.close();
      await cleanup();
    });

    it('polls RSS and Atom, fetches each new page once, and hands each article on once', async () => {
      await add('/rss.xml');
      await add('/atom.xml');
      server.reset();
      const s = await pass(hours(0));
      assert.equal(s.feeds, 2);
      assert.equal(s.ok, 2);
      // 3 RSS items + 3 Atom entries; the shared URL is claimed once, the copy is a hash duplicate.
      // Of /a/2 and its copy /b/copy, whichever feed comes first (by id, a hash of the URL) wins.
      const urls = producer.jobs
        .map((j) => j.article.key.replace(server.base, '').replace('/b/copy', '/a/2'))
        .sort();
      assert.deepEqual(urls, ['/a/1', '/a/2', '/a/shared', '/b/1']);
      assert.equal(s.handedOn, 4);
      assert.equal(s.duplicates, 1);
      const pageFetches = server.requests
        .filter((r) => !r.path.endsWith('.xml'))
        .map((r) => r.path.split('?')[0]);
      assert.equal(pageFetches.filter((p) => p === '/a/shared').length, 1, 'the shared page is fetched once');
      // Everything comes from one host: never two requests at once, though feeds ran concurrently.
      assert.equal(server.maxInFlight, 1);
      const job = producer.jobs.find((j) => j.article.key.endsWith('/a/1'))!;
      assert.equal(job.feed, `${server.base}/rss.xml`);
      assert.equal(job.article.meta.title, 'Troops cross the border');
      assert.equal(job.article.meta.published, '2024-10-28');
      assert.equal(job.article.meta.source, 'Alpha Wire');
      assert.equal(job.article.meta.url, `${server.base}/a/1`);
      assert.match(job.article.text, /about 3,000 soldiers/);
      assert.doesNotMatch(job.article.text, /Copyright|Home/);
      const rssFeed = await feed('/rss.xml');
      assert.equal(rssFeed.last_status, 'ok');
      assert.equal(rssFeed.etag, '"rss-v1"');
      assert.equal(rssFeed.items_seen, 3);
      assert.equal(rssFeed.next_poll_at, hours(0.25).toISOString());
      const atomFeed = await feed('/atom.xml');
      assert.equal(atomFeed.last_modified, 'Mon, 28 Oct 2024 08:00:00 GMT');
      // The shared story and the copied one count for whichever feed took them first.
      assert.equal(rssFeed.items_new + atomFeed.items_new, 4);
      assert.ok(rssFeed.items_new >= 1 && atomFeed.items_new >= 1);
    });

    it('sends If-None-Match / If-Modified-Since next time, and a 304 hands nothing on', async () => {
      server.reset();
      const before = producer.jobs.length;
      assert.equal((await pass(hours(0.1))).feeds, 0, 'nothing is due before the interval');
      const s = await pass(hours(1));
      assert.equal(s.notModified, 2);
      assert.equal(producer.jobs.length, before);
      const rssReq = server.requests.find((r) => r.path === '/rss.xml')!;
      const atomReq = server.requests.find((r) => r.path === '/atom.xml')!;
      assert.equal(rssReq.headers['if-none-match'], '"rss-v1"');
      assert.equal(atomReq.headers['if-modified-since'], 'Mon, 28 Oct 2024 08:00:00 GMT');
      assert.equal(server.requests.length, 2, 'no page fetched');
      const f = await feed('/rss.xml');
      assert.equal(f.last_status, 'not-modified');
      assert.equal(f.etag, '"rss-v1"', 'the validator is kept');
      assert.ok(etagChecks > 0);
    });

    it('records each broken or hostile feed with its reason and still processes the good one', async () => {
      const hostile = [
        '/broken.xml',
        '/bomb.xml',
        '/xxe.xml',
        '/forever.xml',
        '/stall.xml',
        '/loop.xml',
        '/huge.xml',
      ];
      for (const p of hostile) await add(p);
      await add('/fallback.xml');
      const rssBefore = await feed('/rss.xml');
      const jobsBefore = producer.jobs.length;
      const rss0 = process.memoryUsage().rss;
      const s = await pass(hours(2));
      assert.ok(process.memoryUsage().rss - rss0 < 200 * 1024 * 1024, 'no memory blow-up');
      assert.equal(s.errors, hostile.length);
      const expect: Record<string, [string, RegExp]> = {
        '/broken.xml': ['error', /not a readable RSS, Atom or JSON feed/],
        '/bomb.xml': ['error', /entity declarations/],
        '/xxe.xml': ['error', /entity declarations/],
        '/forever.xml': ['error', /over the 524288-byte limit/],
        '/stall.xml': ['error', /sent nothing for 500 ms/],
        '/loop.xml': ['error', /redirect loop/],
        '/huge.xml': ['error', /declares 1073741824 bytes/],
      };
      for (const [p, [status, reason]] of Object.entries(expect)) {
        const f = await feed(p);
        assert.equal(f.last_status, status, p);
        assert.match(f.last_error ?? '', reason, p);
        assert.ok(f.last_error!.includes(`${server.base}${p}`), `${p}: the reason names the URL`);
        assert.equal(f.consecutive_failures, 1);
        // Backoff: twice the interval after one failure; the feed's other state untouched.
        assert.equal(f.next_poll_at, hours(2.5).toISOString(), p);
        assert.equal(f.etag, null);
        assert.equal(f.items_seen, 0);
      }
      // The good feeds polled in the same pass are unharmed.
      assert.equal((await feed('/rss.xml')).last_status, 'not-modified');
      assert.equal((await feed('/rss.xml')).etag, rssBefore.etag);
      // The fallback feed: the long summary stands in for its gone page, the short one is an error.
      const fb = producer.jobs.slice(jobsBefore);
      assert.deepEqual(
        fb.map((j) => j.article.key),
        [`${server.base}/gone-long`],
      );
      assert.match(fb[0]!.article.text, /Officials in Kyiv/);
      const gamma = await feed('/fallback.xml');
      assert.equal(gamma.last_status, 'ok');
      assert.match(gamma.last_error ?? '', /1 of 2 new item\(s\) failed.*gone-short: HTTP 404/);
      const errors = await store.listErrors();
      assert.ok(errors.some((e) => e.input === `${server.base}/gone-short` && e.code === 'FEED_HTTP'));
      // Nothing was read from the file system: the secret appears nowhere.
      const everything = JSON.stringify([await store.listFeeds(), errors, producer.jobs]);
      assert.ok(!everything.includes(SECRET));
      assert.ok(!server.requests.some((r) => r.path.includes('xxe-item') || r.path.includes('bomb-item')));
    });

    it('backs off further on consecutive failures and resets after a success', async () => {
      const s = await pass(hours(2.5));
      assert.ok(s.errors >= 1);
      const f = await feed('/broken.xml');
      assert.equal(f.consecutive_failures, 2);
      assert.equal(f.next_poll_at, new Date(hours(2.5).getTime() + 4 * 900_000).toISOString());
      const broken = server.routes.get('/broken.xml')!;
      server.routes.set('/broken.xml', (_req, res) =>
        res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss('Fixed', [])),
      );
      try {
        await pass(hours(4));
      } finally {
        // The other driver's suite runs against the same server.
        server.routes.set('/broken.xml', broken);
      }
      const fixed = await feed('/broken.xml');
      assert.equal(fixed.last_status, 'ok');
      assert.equal(fixed.consecutive_failures, 0);
      assert.equal(fixed.last_error, null);
    });

    it("keeps a feed's validators and counts when a later poll gets invalid XML", async () => {
      let broken = false;
      server.routes.set('/flip.xml', (_req, res) => {
        res.writeHead(200, {
          'content-type': 'application/rss+xml',
          etag: broken ? '"f2"' : '"f1"',
          'last-modified': 'Sun, 27 Oct 2024 08:00:00 GMT',
        });
        res.end(
          broken
            ? '<rss version="2.0"><channel><title>x<item></channel>'
            : rss('Flip', [{ title: 'One', link: `${server.base}/a/1` }]),
        );
      });
      await add('/flip.xml');
      await pass(hours(6));
      const good = await feed('/flip.xml');
      assert.equal(good.last_status, 'ok');
      broken = true;
      await pass(hours(7));
      const bad = await feed('/flip.xml');
      assert.equal(bad.last_status, 'error');
      assert.match(bad.last_error ?? '', /not a readable RSS/);
      assert.equal(bad.consecutive_failures, 1);
      for (const k of ['etag', 'last_modified', 'items_seen', 'items_new', 'added_at', 'outlet'] as const) {
        assert.equal(bad[k], good[k], k);
      }
      assert.equal(bad.etag, '"f1"', "the broken response's ETag is not kept (it would 304 the retry)");
    });

    it('two schedulers at once: each due feed is leased and polled by one of them', async () => {
      for (const p of ['/lease1.xml', '/lease2.xml', '/lease3.xml']) {
        server.routes.set(p, (_req, res) =>
          res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(p, [])),
        );
        await add(p);
      }
      server.reset();
      const [a, b] = await Promise.all([pass(hours(10)), pass(hours(10))]);
      const polled = server.requests.filter((r) => r.path.startsWith('/lease')).map((r) => r.path);
      assert.deepEqual(polled.sort(), ['/lease1.xml', '/lease2.xml', '/lease3.xml']);
      assert.equal(a.feeds + b.feeds, (await store.listFeeds()).length);
      for (const p of ['/lease1.xml', '/lease2.xml', '/lease3.xml']) {
        assert.equal((await feed(p)).next_poll_at, hours(10.25).toISOString(), 'the poll replaced the lease');
      }
    });

    it('a feed on a public host cannot make the scheduler fetch local addresses', async () => {
      // news.public.test "resolves" to a public address; its requests are served by the local
      // server, and its items link to 127.0.0.1 (where the machine's own services would be).
      const publicFetcher = new SafeFetcher({
        resolve: async () => ['93.184.216.34'],
        fetch: ((input: string | URL | Request, init?: RequestInit) =>
          fetch(String(input).replace('http://news.public.test', server.base), init)) as typeof fetch,
      });
      server.routes.set('/public.xml', (_req, res) =>
        res
          .writeHead(200, { 'content-type': 'application/rss+xml' })
          .end(rss('Public', [{ title: 'Local', link: `${server.base}/a/local-only` }])),
      );
      const url = 'http://news.public.test/public.xml';
      await store.addFeed({
        id: feedIdOf(url),
        url,
        outlet: null,
        everySeconds: 900,
        now: hours(8).toISOString(),
      });
      server.reset();
      const s = await runPass({
        store,
        sink: queueSink(producer),
        fetcher: publicFetcher,
        now: () => hours(8),
      });
      // Only this feed is due at hours(8): the others were last polled at hours(10).
      assert.equal(s.ok, 1);
      assert.equal(s.handedOn, 0);
      assert.deepEqual(
        server.requests.map((r) => r.path),
        ['/public.xml'],
        'the local page was never requested',
      );
      const f = (await store.findFeed(url))!;
      assert.match(
        f.last_error ?? '',
        /local-only: 127\.0\.0\.1:\d+ is a loopback, private or link-local address/,
      );
      await store.removeFeed(f.id);
    });

    it('counts items whose link is javascript: or file: as refused, with the reason, once', async () => {
      server.routes.set('/bad-links.xml', (_req, res) =>
        res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(
          rss('Bad links', [
            { title: 'Script', link: 'javascript:alert(document.domain)' },
            { title: 'Local file', link: 'file:///etc/passwd' },
            { title: 'Mail', link: 'mailto:desk@example.org' },
          ]),
        ),
      );
      const url = `${server.base}/bad-links.xml`;
      await store.addFeed({
        id: feedIdOf(url),
        url,
        outlet: null,
        everySeconds: 900,
        now: hours(8).toISOString(),
      });
      const s = await runPass({ store, sink: queueSink(producer), fetcher, now: () => hours(8) });
      assert.equal(s.ok, 1);
      assert.equal(s.handedOn, 0);
      assert.equal(s.itemErrors, 3, 'each refused link is counted');
      const f = (await store.findFeed(url))!;
      assert.match(
        f.last_error ?? '',
        /3 of 3 new item\(s\) failed; first: .*bad-links\.xml: item link refused: javascript:alert/,
      );
      const errors = (await store.listErrors()).filter((e) => e.code === 'FEED_BAD_URL');
      assert.deepEqual(errors.map((e) => e.input).sort(), [
        'file:///etc/passwd',
        'javascript:alert(document.domain)',
        'mailto:desk@example.org',
      ]);
      assert.match(
        errors.find((e) => e.input.startsWith('file:'))!.message,
        /only http and https item URLs are fetched \(not file\)/,
      );
      const rows = await store.db
        .selectFrom('feed_items')
        .select(['url', 'status'])
        .where('feed_id', '=', f.id)
        .execute();
      assert.deepEqual(new Set(rows.map((r) => r.status)), new Set(['refused']));
      // The next poll refuses nothing again: the links were settled once.
      const again = await runPass({ store, sink: queueSink(producer), fetcher, now: () => hours(9) });
      assert.equal(again.itemErrors, 0);
      await store.removeFeed(f.id);
    });

    it('retries a failed item on later polls, three attempts in all', async () => {
      // The fallback feed was polled six times by now; its short-summary item failed each time it was tried.
      const row = await store.db
        .selectFrom('feed_items')
        .select(['status', 'attempts', 'error'])
        .where('url', '=', `${server.base}/gone-short`)
        .executeTakeFirstOrThrow();
      assert.equal(row.status, 'failed');
      assert.equal(Number(row.attempts), 3);
      assert.match(row.error ?? '', /HTTP 404/);
    });

    it('lists, finds by id prefix and removes feeds', async () => {
      const all = await store.listFeeds();
      assert.ok(all.length >= 10);
      const id = feedIdOf(`${server.base}/rss.xml`);
      assert.equal((await store.findFeed(id.slice(0, 6)))?.url, `${server.base}/rss.xml`);
      await assert.rejects(add('/rss.xml'), /already added/);
      assert.equal(await store.removeFeed(id), true);
      assert.equal(await store.findFeed(id), null);
      assert.equal(await store.removeFeed(id), false);
    });
  });
}

feedsSuite('SQLite', () => openStore(mkdtempSync(path.join(tmpdir(), 'sitrep-feeds-'))));
const pgSchema = freshPgSchema('feeds');
feedsSuite('PostgreSQL', pgSchema.open, pgSchema.drop);
