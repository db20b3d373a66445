/**
 * The safe fetcher against a local server that misbehaves on purpose: a 1 GB declared body, a body
 * that never ends, a server that stalls, redirect loops, conditional GET, charsets, and one request
 * at a time per host.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { isSitrepError } from '../../src/core/errors.js';
import { decodeBody } from '../../src/feeds/decode-body.js';
import { SafeFetcher } from '../../src/feeds/fetch.js';
import { HostQueue } from '../../src/feeds/host-queue.js';
import { type FeedServer, slowly, startFeedServer } from './feed-server.js';

let server: FeedServer;
let other: FeedServer;
/** Bytes the lazy 1 GB route managed to send before the client hung up. */
let hugeSent = 0;
let foreverSent = 0;

before(async () => {
  server = await startFeedServer({
    '/hello': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end('hello');
    },
    '/cond': (req, res) => {
      if (req.headers['if-none-match'] === '"v1"') {
        res.writeHead(304).end();
        return;
      }
      res
        .writeHead(200, {
          etag: '"v1"',
          'last-modified': 'Mon, 28 Oct 2024 09:00:00 GMT',
          'content-type': 'text/plain',
        })
        .end('body');
    },
    // Declares 1 GB and writes it lazily, as fast as the client reads: never allocated at once.
    '/huge': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-length': String(1024 ** 3) });
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      const pump = () => {
        while (!res.destroyed && hugeSent < 1024 ** 3) {
          hugeSent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
      };
      res.on('close', () => {});
      pump();
    },
    // No length, never ends: chunks for as long as the client keeps reading.
    '/forever': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(16 * 1024, 0x62);
      const pump = () => {
        while (!res.destroyed) {
          foreverSent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
      };
      pump();
    },
    // Headers and one chunk, then silence (the connection stays open).
    '/stall': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<html><body>');
    },
    // A byte every 50 ms: never idle long, never done.
    '/trickle': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      const t = setInterval(() => (res.destroyed ? clearInterval(t) : res.write('x')), 50);
      res.on('close', () => clearInterval(t));
    },
    '/loop-a': (_req, res) => res.writeHead(302, { location: '/loop-b' }).end(),
    '/loop-b': (_req, res) => res.writeHead(301, { location: '/loop-a#again' }).end(),
    '/self': (_req, res) => res.writeHead(307, { location: '/self' }).end(),
    '/to-file': (_req, res) => res.writeHead(302, { location: 'file:///etc/passwd' }).end(),
    '/moved': (_req, res) => res.writeHead(301, { location: '/hello' }).end(),
    '/error': (_req, res) => res.writeHead(503, { 'content-type': 'text/plain' }).end('down'),
    '/latin1': (_req, res) => {
      res
        .writeHead(200, { 'content-type': 'text/plain; charset=ISO-8859-1' })
        .end(Buffer.from([0x63, 0x61, 0x66, 0xe9]));
    },
    '/slow': slowly('ok', 'text/plain', 40),
    '/slow300': slowly('ok', 'text/plain', 300),
    // 32 MB of zeros gzipped to ~32 KB: the limit applies to the decoded bytes.
    '/gzip-bomb': (_req, res) => {
      res
        .writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' })
        .end(gzipSync(Buffer.alloc(32 * 1024 * 1024)));
    },
  });
  for (let i = 0; i < 10; i++) {
    server.routes.set(`/hop${i}`, (_req, res) => res.writeHead(302, { location: `/hop${i + 1}` }).end());
  }
  other = await startFeedServer({ '/slow': slowly('ok', 'text/plain', 40) });
});

after(async () => {
  await server.close();
  await other.close();
});

async function refused(p: Promise<unknown>, code: string, url: string): Promise<string> {
  try {
    await p;
  } catch (err) {
    assert.ok(isSitrepError(err), String(err));
    assert.equal(err.code, code, err.message);
    assert.ok(err.message.includes(url), `the reason names the URL: ${err.message}`);
    return err.message;
  }
  assert.fail(`expected ${code}`);
}

describe('SafeFetcher', () => {
  it('fetches a body and names itself as Sitrep', async () => {
    server.reset();
    const r = await new SafeFetcher({ allowPrivate: true }).get({ url: `${server.base}/hello` });
    assert.equal(r.status, 'ok');
    assert.equal(r.status === 'ok' && r.body.toString(), 'hello');
    assert.match(String(server.requests[0]!.headers['user-agent']), /^Sitrep\//);
  });

  it('sends If-None-Match and If-Modified-Since and reports 304 as not modified', async () => {
    server.reset();
    const f = new SafeFetcher({ allowPrivate: true });
    const first = await f.get({ url: `${server.base}/cond` });
    assert.equal(first.status, 'ok');
    if (first.status !== 'ok') return;
    assert.equal(first.etag, '"v1"');
    const second = await f.get({
      url: `${server.base}/cond`,
      etag: first.etag,
      lastModified: first.lastModified,
    });
    assert.equal(second.status, 'not-modified');
    const h = server.requests[1]!.headers;
    assert.equal(h['if-none-match'], '"v1"');
    assert.equal(h['if-modified-since'], 'Mon, 28 Oct 2024 09:00:00 GMT');
    assert.equal(server.requests[0]!.headers['if-none-match'], undefined);
  });

  it('refuses a declared 1 GB body from its Content-Length, without reading it', async () => {
    hugeSent = 0;
    const url = `${server.base}/huge`;
    const why = await refused(
      new SafeFetcher({ allowPrivate: true, limits: { maxBytes: 1024 * 1024 } }).get({ url }),
      'FEED_TOO_LARGE',
      url,
    );
    assert.match(why, /declares 1073741824 bytes/);
    // Whatever the server pushed into socket buffers before the hang-up, far from the gigabyte.
    await new Promise((r) => setTimeout(r, 50));
    assert.ok(hugeSent < 64 * 1024 * 1024, `server sent ${hugeSent} bytes`);
  });

  it('cuts off a body that never ends at the size limit', async () => {
    foreverSent = 0;
    const url = `${server.base}/forever`;
    const why = await refused(
      new SafeFetcher({ allowPrivate: true, limits: { maxBytes: 256 * 1024 } }).get({ url }),
      'FEED_TOO_LARGE',
      url,
    );
    assert.match(why, /cut off while streaming/);
    await new Promise((r) => setTimeout(r, 50));
    assert.ok(foreverSent < 64 * 1024 * 1024, `server sent ${foreverSent} bytes`);
  });

  it('cuts off a compressed body at the limit on its decoded size (gzip bomb)', async () => {
    const url = `${server.base}/gzip-bomb`;
    const why = await refused(
      new SafeFetcher({ allowPrivate: true, limits: { maxBytes: 1024 * 1024 } }).get({ url }),
      'FEED_TOO_LARGE',
      url,
    );
    assert.match(why, /cut off while streaming/);
  });

  it('starts the total deadline when the request starts, not while it waits for its host', async () => {
    server.reset();
    // Five 300 ms requests on one host, 1 s each in all: the last waits ~1.2 s for its turn, and
    // would be refused unstarted if the wait counted (wide margins: the machine may be busy).
    const f = new SafeFetcher({ allowPrivate: true, limits: { totalMs: 1000 } });
    const all = await Promise.all(
      [0, 1, 2, 3, 4].map((i) => f.get({ url: `${server.base}/slow300?q=${i}` })),
    );
    assert.ok(all.every((r) => r.status === 'ok'));
  });

  it('a redirect waiting for a busy host is not timed out by the wait (only request time counts)', async () => {
    const slow = await startFeedServer({
      '/slow': slowly('ok', 'text/plain', 600),
      '/page': slowly('page', 'text/plain', 10),
    });
    const front = await startFeedServer({});
    front.routes.set('/moved', (_req, res) => {
      res.writeHead(301, { location: `${slow.base}/page` });
      res.end();
    });
    try {
      const f = new SafeFetcher({ allowPrivate: true, limits: { totalMs: 1000 } });
      // Two 600 ms requests hold the slow host ~1.2 s; the redirect lands behind them at once.
      const busy = [f.get({ url: `${slow.base}/slow?a` }), f.get({ url: `${slow.base}/slow?b` })];
      const moved = await f.get({ url: `${front.base}/moved` });
      assert.equal(moved.status, 'ok');
      assert.equal(moved.url, `${slow.base}/page`);
      assert.ok((await Promise.all(busy)).every((r) => r.status === 'ok'));
    } finally {
      await slow.close();
      await front.close();
    }
  });

  it('cuts off a server that goes silent (idle limit)', async () => {
    const url = `${server.base}/stall`;
    const why = await refused(
      new SafeFetcher({ allowPrivate: true, limits: { idleMs: 200 } }).get({ url }),
      'FEED_TIMEOUT',
      url,
    );
    assert.match(why, /sent nothing for 200 ms/);
  });

  it('cuts off a response that trickles past the total limit', async () => {
    const url = `${server.base}/trickle`;
    const why = await refused(
      new SafeFetcher({ allowPrivate: true, limits: { idleMs: 5000, totalMs: 300 } }).get({ url }),
      'FEED_TIMEOUT',
      url,
    );
    assert.match(why, /no complete response within 300 ms/);
  });

  it('refuses redirect loops, too many redirects and redirects off http(s)', async () => {
    const f = new SafeFetcher({ allowPrivate: true, limits: { maxRedirects: 3 } });
    await refused(f.get({ url: `${server.base}/loop-a` }), 'REDIRECT_LOOP', `${server.base}/loop-a`);
    await refused(f.get({ url: `${server.base}/self` }), 'REDIRECT_LOOP', `${server.base}/self`);
    await refused(f.get({ url: `${server.base}/hop0` }), 'FEED_TOO_MANY_REDIRECTS', `${server.base}/hop0`);
    await refused(f.get({ url: `${server.base}/to-file` }), 'FEED_BAD_URL', `${server.base}/to-file`);
    const moved = await f.get({ url: `${server.base}/moved` });
    assert.equal(moved.url, `${server.base}/hello`);
  });

  it('refuses non-http URLs, HTTP errors and unreachable servers with the URL named', async () => {
    const f = new SafeFetcher({ allowPrivate: true });
    await refused(f.get({ url: 'file:///etc/passwd' }), 'FEED_BAD_URL', 'file:///etc/passwd');
    await refused(f.get({ url: `${server.base}/error` }), 'FEED_HTTP', `${server.base}/error`);
    const closed = await startFeedServer();
    const gone = `${closed.base}/x`;
    await closed.close();
    await refused(f.get({ url: gone }), 'FEED_NETWORK', gone);
  });

  it('makes one request at a time per host, several hosts at once', async () => {
    // Fresh servers: no socket left open by the other tests.
    const one = await startFeedServer({ '/slow': slowly('ok', 'text/plain', 40) });
    const two = await startFeedServer({ '/slow': slowly('ok', 'text/plain', 40) });
    try {
      const f = new SafeFetcher({ allowPrivate: true });
      const all = [];
      for (let i = 0; i < 4; i++) {
        all.push(f.get({ url: `${one.base}/slow?i=${i}` }), f.get({ url: `${two.base}/slow?i=${i}` }));
      }
      await Promise.all(all);
      for (const s of [one, two]) {
        assert.equal(s.requests.length, 4);
        assert.equal(s.maxInFlight, 1);
        // (Connections may briefly number two: fetch's pool can open a socket for the next request
        // before the previous one is handed back idle. Never two requests at once, as counted here.)
      }
    } finally {
      await one.close();
      await two.close();
    }
  });

  it('refuses loopback, private and link-local addresses unless allowed, redirects included', async () => {
    server.reset();
    const local = `${server.base}/hello`;
    const why = await refused(new SafeFetcher().get({ url: local }), 'FEED_PRIVATE_ADDRESS', local);
    assert.match(why, /127\.0\.0\.1/);
    assert.equal(server.requests.length, 0, 'refused before connecting');
    // Host names are resolved first: a public-looking name for a metadata address is refused too.
    const seen: string[] = [];
    const resolve = async (host: string) =>
      host === 'metadata.test' ? ['169.254.169.254'] : ['93.184.216.34'];
    const fake = (async (input: string | URL | Request) => {
      seen.push(String(input));
      return new Response(null, { status: 302, headers: { location: local } });
    }) as typeof fetch;
    const f = new SafeFetcher({ resolve, fetch: fake });
    await refused(
      f.get({ url: 'http://metadata.test/latest/meta-data/' }),
      'FEED_PRIVATE_ADDRESS',
      'http://metadata.test/',
    );
    assert.deepEqual(seen, []);
    // A public host redirecting to a local one: the redirect is refused before it is followed.
    await refused(f.get({ url: 'http://news.test/feed' }), 'FEED_PRIVATE_ADDRESS', 'http://news.test/feed');
    assert.deepEqual(seen, ['http://news.test/feed']);
    assert.equal(server.requests.length, 0);
    for (const ip of [
      '10.1.2.3',
      '172.20.0.1',
      '192.168.1.1',
      '100.64.0.1',
      '0.0.0.0',
      '[::1]',
      '[fe80::1]',
      '[fd00::1]',
      '[::ffff:127.0.0.1]',
      '[::127.0.0.1]',
      '[::ffff:7f00:1]',
      '[64:ff9b::7f00:1]',
      '[64:ff9b::a9fe:a9fe]',
      '[fec0::1]',
      '[2002:a00:1::1]',
      '[ff02::1]',
      '[::]',
    ]) {
      await refused(
        new SafeFetcher({ fetch: fake }).get({ url: `http://${ip}/x` }),
        'FEED_PRIVATE_ADDRESS',
        `http://${ip}/x`,
      );
    }
  });

  it('decodes the declared charset', async () => {
    const r = await new SafeFetcher({ allowPrivate: true }).get({ url: `${server.base}/latin1` });
    assert.equal(r.status, 'ok');
    if (r.status === 'ok') assert.equal(decodeBody(r.url, r.body, r.contentType), 'café');
  });
});

describe('HostQueue', () => {
  it('serialises one host and caps all hosts at the global limit', async () => {
    const q = new HostQueue(2);
    let running = 0;
    let peak = 0;
    const perHost = new Map<string, number>();
    let hostPeak = 0;
    const task = (host: string) => async () => {
      running++;
      perHost.set(host, (perHost.get(host) ?? 0) + 1);
      peak = Math.max(peak, running);
      hostPeak = Math.max(hostPeak, perHost.get(host)!);
      await new Promise((r) => setImmediate(r));
      await new Promise((r) => setImmediate(r));
      perHost.set(host, perHost.get(host)! - 1);
      running--;
    };
    const hosts = ['a', 'b', 'c', 'd'];
    await Promise.all(hosts.flatMap((h) => [q.run(h, task(h)), q.run(h, task(h)), q.run(h, task(h))]));
    assert.equal(peak, 2);
    assert.equal(hostPeak, 1);
  });

  it('goes on after a failed task', async () => {
    const q = new HostQueue(1);
    await assert.rejects(q.run('a', async () => Promise.reject(new Error('boom'))));
    assert.equal(await q.run('a', async () => 7), 7);
  });
});
