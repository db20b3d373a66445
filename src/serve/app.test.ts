/**
 * The HTTP API in process (`app.request()`, no socket) over an embedded store filled by ingesting
 * examples/ and a few inline articles with the real pipeline, one of them hostile (script, img
 * onerror and javascript: links in its text). Covers every endpoint, validation errors naming the
 * field, 401/403/413, security headers on API and static responses, static serving and path
 * traversal, the lazy merge after a write, and SQL metacharacters in parameters.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createExecutor } from '../ingest/executor.js';
import { runExtractTask } from '../ingest/extract-task.js';
import { parseFieldOptions } from '../ingest/fields.js';
import { ingest } from '../ingest/ingest.js';
import { readSources } from '../ingest/sources.js';
import { openStore } from '../store/open-store.js';
import type { SqlStore } from '../store/sql-store.js';
import { CONTENT_SECURITY_POLICY, createApp, type ServeApp } from './app.js';
import { NOT_BUILT } from './static-files.js';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const TOKEN = 'test-token-7f3a';

const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<a href="javascript:alert(1)">',
];

const HOSTILE_ARTICLE = `Russia accused Ukraine of shelling Kursk on Monday, the Kremlin said ${HOSTILE[0]}.

"Ukraine will pay for this ${HOSTILE[1]} attack," Kremlin spokesman Dmitry Peskov told reporters in Moscow.

North Korea sent troops to Russia, officials in Seoul said ${HOSTILE[2]}click here</a>.
`;

const EXTRA_ARTICLE = `The United States imposed sanctions on North Korea on Tuesday, the Treasury Department said.

Officials in Washington said North Korea had sent about 10,000 troops to Russia's Kursk region.
`;

function corpus(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sitrep-serve-corpus-'));
  writeFileSync(path.join(dir, 'hostile.txt'), HOSTILE_ARTICLE);
  writeFileSync(path.join(dir, 'sanctions.txt'), EXTRA_ARTICLE);
  return dir;
}

/** A built dashboard stand-in, with a secret file beside (not inside) it. */
function webRoot(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sitrep-serve-web-'));
  const root = path.join(dir, 'web');
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(
    path.join(root, 'index.html'),
    '<!doctype html><title>Sitrep</title><script src="./assets/app.js"></script>',
  );
  writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log("dashboard");');
  writeFileSync(path.join(root, 'assets', 'app.css'), 'body { color: black; }');
  writeFileSync(path.join(dir, 'secret.txt'), 'TOP SECRET');
  return root;
}

// biome-ignore lint/suspicious/noExplicitAny: the JSON bodies under test are checked field by field
type J = any;

async function json(app: ServeApp, url: string, init?: RequestInit) {
  const res = await app.request(url, init);
  const text = await res.text();
  let body: J = null;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  return { res, body, text };
}

function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) strings(v, out);
  return out;
}

describe('sitrep serve API (embedded store, real pipeline)', () => {
  let store: SqlStore;
  let app: ServeApp;
  const merges: string[] = [];
  let hostileDoc = '';
  let root = '';

  before(async () => {
    store = await openStore(mkdtempSync(path.join(tmpdir(), 'sitrep-serve-db-')));
    const fields = parseFieldOptions([]);
    assert.ok(typeof fields !== 'string');
    const executor = createExecutor(1);
    await ingest(
      store,
      readSources([path.join(repoRoot, 'examples'), corpus()], { format: 'auto', fields }),
      executor,
    );
    await executor.close();
    root = webRoot();
    app = createApp({
      store,
      token: TOKEN,
      maxBodyBytes: 64 * 1024,
      webRoot: root,
      log: (line) => merges.push(line),
    });
    const search = await json(app, '/api/search?q=Peskov');
    hostileDoc = search.body.items[0].id;
  });

  after(async () => {
    await app?.idle();
    await store?.close();
  });

  it('answers /healthz with the driver and counts', async () => {
    const { res, body } = await json(app, '/healthz');
    assert.equal(res.status, 200);
    assert.equal(body.ok, true);
    assert.equal(body.driver, 'sqlite');
    assert.equal(body.documents, 3);
    assert.ok(body.events > 0 && body.stories > 0);
  });

  it('lists events with paging, totals and sorting', async () => {
    const all = await json(app, '/api/events?limit=500');
    assert.equal(all.res.status, 200);
    assert.equal(all.body.next, null);
    assert.equal(all.body.items.length, all.body.total);
    assert.ok(all.body.total >= 3);
    const item = all.body.items[0];
    for (const k of ['id', 'cameo', 'plover', 'label', 'counts', 'outlets', 'contradicted', 'evidence']) {
      assert.ok(k in item, k);
    }
    assert.equal('mentions' in item, false);
    const first = await json(app, '/api/events?limit=2');
    assert.equal(first.body.items.length, 2);
    assert.equal(typeof first.body.next, 'string');
    const second = await json(app, `/api/events?limit=2&cursor=${first.body.next}`);
    assert.deepEqual(
      second.body.items.map((e: J) => e.id),
      all.body.items.slice(2, 4).map((e: J) => e.id),
    );
    const bySources = await json(app, '/api/events?sort=sources&order=desc&limit=500');
    const counts = bySources.body.items.map((e: J) => e.counts.sources);
    assert.deepEqual(
      counts,
      [...counts].sort((a: number, b: number) => b - a),
    );
    const prk = await json(app, '/api/events?actor=PRK&limit=500');
    assert.ok(prk.body.total >= 1);
    for (const e of prk.body.items) {
      assert.ok([e.source?.code, e.source?.country, e.target?.code, e.target?.country].includes('PRK'));
    }
  });

  it('names the field of every invalid parameter', async () => {
    const cases: [string, string][] = [
      ['/api/events?limit=0', 'limit'],
      ['/api/events?limit=501', 'limit'],
      ['/api/events?limit=abc', 'limit'],
      ['/api/events?from=2024-13-01', 'from'],
      ['/api/events?to=yesterday', 'to'],
      ['/api/events?sort=random', 'sort'],
      ['/api/events?order=up', 'order'],
      ['/api/events?contradicted=maybe', 'contradicted'],
      ['/api/events?min_sources=-1', 'min_sources'],
      ['/api/events?cameo=07%25', 'cameo'],
      ['/api/events?cursor=bm90LWEtY3Vyc29y', 'cursor'],
      ['/api/network?limit_nodes=0', 'limit_nodes'],
      ['/api/network?min_events=x', 'min_events'],
      ['/api/timeline?bucket=month', 'bucket'],
      ['/api/timeline?by=outlet', 'by'],
      ['/api/search', 'q'],
      ['/api/search?q=', 'q'],
      ['/api/quotes?limit=1.5', 'limit'],
      ['/api/contradictions?cursor=%00', 'cursor'],
      ['/api/events/bad%20id', 'id'],
      ['/api/documents/..%2F..%2Fetc', 'id'],
    ];
    for (const [url, field] of cases) {
      const { res, body } = await json(app, url);
      assert.equal(res.status, 400, url);
      assert.equal(body.error.status, 400, url);
      assert.equal(body.error.field, field, `${url}: ${JSON.stringify(body)}`);
      assert.match(body.error.message, new RegExp(field), url);
    }
  });

  it('returns one event with every mention and why it was merged; 404 when unknown', async () => {
    const list = await json(app, '/api/events?sort=sources&limit=1');
    const id = list.body.items[0].id;
    const { res, body } = await json(app, `/api/events/${id}`);
    assert.equal(res.status, 200);
    assert.equal(body.id, id);
    assert.ok(body.mentions.length >= 1);
    const m = body.mentions[0];
    for (const k of [
      'document',
      'event',
      'outlet',
      'url',
      'title',
      'evidence',
      'attribution',
      'certainty',
      'polarity',
      'merged_because',
    ]) {
      assert.ok(k in m, k);
    }
    assert.ok(Array.isArray(body.contradictions));
    const doc = await json(app, `/api/documents/${m.document}`);
    assert.equal(doc.body.text.slice(m.evidence.start, m.evidence.end), m.evidence.text);
    const missing = await json(app, '/api/events/ev000000000000');
    assert.equal(missing.res.status, 404);
    assert.equal(missing.body.error.status, 404);
  });

  it('lists actors and details one', async () => {
    const { body } = await json(app, '/api/actors?limit=500');
    const prk = body.items.find((a: J) => a.id === 'PRK');
    assert.ok(prk, JSON.stringify(body.items.map((a: J) => a.id)));
    for (const k of ['name', 'code', 'country', 'kind', 'documents', 'mentions', 'events'])
      assert.ok(k in prk, k);
    // Empty parameters count as absent (the dashboard sends `q=` for "all").
    const empty = await json(app, '/api/actors?q=&limit=500&cursor=');
    assert.equal(empty.body.total, body.total);
    const encoded = await json(app, `/api/documents/${encodeURIComponent(hostileDoc)}`);
    assert.equal(encoded.body.id, hostileDoc);
    const q = await json(app, '/api/actors?q=korea');
    assert.ok(q.body.items.some((a: J) => a.id === 'PRK'));
    const detail = await json(app, '/api/actors/PRK');
    assert.equal(detail.res.status, 200);
    assert.equal(detail.body.actor.id, 'PRK');
    assert.ok(Array.isArray(detail.body.top_partners));
    assert.ok(detail.body.by_root.length >= 1);
    assert.ok(detail.body.recent_events.length >= 1);
    assert.equal((await json(app, '/api/actors/nobody%20at%20all')).res.status, 404);
  });

  it('answers the network, timeline and places aggregations', async () => {
    const net = await json(app, '/api/network');
    assert.equal(net.res.status, 200);
    assert.ok(net.body.nodes.length >= 2);
    const ids = new Set(net.body.nodes.map((n: J) => n.id));
    for (const e of net.body.edges) {
      assert.ok(ids.has(e.source) && ids.has(e.target));
      assert.ok(['verbal_coop', 'material_coop', 'verbal_conflict', 'material_conflict'].includes(e.quad));
      assert.equal(e.cooperation + e.conflict, e.events);
    }
    const day = await json(app, '/api/timeline?bucket=day&by=root');
    assert.equal(day.body.bucket, 'day');
    assert.ok(day.body.series.length >= 1);
    assert.match(day.body.series[0].label, /^\d\d \w/);
    const week = await json(app, '/api/timeline?bucket=week&by=plover');
    for (const s of week.body.series) {
      for (const p of s.points) assert.equal(new Date(`${p.date}T00:00:00Z`).getUTCDay(), 1, p.date);
    }
    const dayTotal = day.body.series.flatMap((s: J) => s.points).reduce((n: number, p: J) => n + p.events, 0);
    const weekTotal = week.body.series
      .flatMap((s: J) => s.points)
      .reduce((n: number, p: J) => n + p.events, 0);
    assert.equal(dayTotal, weekTotal);
    const actors = await json(app, '/api/timeline?by=actor&series=2');
    assert.ok(actors.body.series.length <= 2);
    const places = await json(app, '/api/places.geojson');
    assert.equal(places.res.status, 200);
    assert.match(places.res.headers.get('content-type') ?? '', /^application\/geo\+json/);
    assert.equal(places.body.type, 'FeatureCollection');
    assert.ok(places.body.features.length >= 1);
    const f = places.body.features[0];
    assert.equal(f.geometry.type, 'Point');
    assert.ok(f.properties.event_ids.length >= 1);
  });

  it('lists quotes and contradictions as pages', async () => {
    const quotes = await json(app, '/api/quotes?limit=500');
    assert.equal(quotes.res.status, 200);
    assert.ok(quotes.body.items.length >= 1);
    assert.ok('next' in quotes.body);
    const q = quotes.body.items[0];
    for (const k of ['document', 'id', 'text', 'start', 'end', 'speaker', 'outlet', 'published', 'url']) {
      assert.ok(k in q, k);
    }
    const c = await json(app, '/api/contradictions');
    assert.equal(c.res.status, 200);
    assert.ok(Array.isArray(c.body.items));
    assert.equal(typeof c.body.total, 'number');
  });

  it('returns a document with every layer at offsets into its plain text', async () => {
    const { res, body } = await json(app, `/api/documents/${hostileDoc}`);
    assert.equal(res.status, 200);
    const { text, layers } = body;
    for (const k of ['actors', 'times', 'places', 'quantities', 'quotes', 'attributions', 'events']) {
      assert.ok(Array.isArray(layers[k]), k);
    }
    for (const a of layers.actors)
      for (const m of a.mentions) assert.equal(text.slice(m.start, m.end), m.text);
    for (const k of ['times', 'places', 'quantities', 'quotes']) {
      for (const s of layers[k]) assert.equal(text.slice(s.start, s.end), s.text, k);
    }
    assert.ok(layers.events.length >= 1);
    for (const e of layers.events) assert.equal(typeof e.story, 'string');
    assert.equal((await json(app, '/api/documents/sha256:0000')).res.status, 404);
  });

  it('searches the full text with a plain-text snippet and highlight offsets', async () => {
    const { body } = await json(app, '/api/search?q=troops');
    assert.ok(body.total >= 2);
    for (const item of body.items) {
      assert.ok(item.snippet.highlights.length >= 1);
      for (const [s, e] of item.snippet.highlights) assert.match(item.snippet.text.slice(s, e), /^troop/i);
    }
  });

  it('returns hostile article text only as JSON string data, from every endpoint', async () => {
    const story = (await json(app, `/api/documents/${hostileDoc}`)).body.layers.events[0].story;
    const urls = [
      `/api/documents/${hostileDoc}`,
      `/api/events/${story}`,
      '/api/events?limit=500',
      '/api/quotes?limit=500',
      '/api/search?q=Peskov',
      '/api/search?q=script%20alert',
      '/api/actors?limit=500',
      '/api/actors/RUS',
      '/api/network',
      '/api/timeline?by=actor',
      '/api/places.geojson',
      '/api/contradictions',
    ];
    const seen = new Set<string>();
    for (const url of urls) {
      const { res, body } = await json(app, url);
      assert.equal(res.status, 200, url);
      const type = res.headers.get('content-type') ?? '';
      assert.match(type, /^application\/(geo\+)?json/, url);
      assert.doesNotMatch(type, /html/, url);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff', url);
      assert.equal(res.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY, url);
      assert.equal(typeof body, 'object', url);
      for (const s of strings(body)) for (const h of HOSTILE) if (s.includes(h)) seen.add(h);
    }
    // The payloads come back verbatim, as data: the dashboard must (and does) escape them.
    assert.deepEqual([...seen].sort(), [...HOSTILE].sort());
  });

  it('treats SQL metacharacters in parameters as plain values', async () => {
    const before = (await json(app, '/healthz')).body;
    for (const url of [
      `/api/events?actor=${encodeURIComponent("' OR 1=1 --")}`,
      `/api/events?outlet=${encodeURIComponent('x"; DROP TABLE documents; --')}&place=%25`,
      `/api/actors?q=${encodeURIComponent("%' UNION SELECT * FROM documents --")}`,
      `/api/quotes?speaker=${encodeURIComponent("'); DELETE FROM quotes; --")}&q=%25_`,
      `/api/search?q=${encodeURIComponent('"NEAR(troops* OR ^ -- \'')}`,
      `/api/actors/${encodeURIComponent("x' OR '1'='1")}`,
      `/api/network?actor=${encodeURIComponent("') OR ('a'='a")}`,
      `/api/timeline?actor=${encodeURIComponent('%')}`,
    ]) {
      const { res, body } = await json(app, url);
      assert.ok(res.status === 200 || res.status === 404, `${url}: ${res.status}`);
      if (res.status === 200 && 'total' in body && !url.startsWith('/api/search')) {
        assert.equal(body.total, 0, url);
      }
    }
    assert.deepEqual((await json(app, '/healthz')).body, before);
  });

  it('LIKE wildcards in place and speaker filters match themselves', async () => {
    const placed = (await json(app, '/api/events?limit=200')).body.items.filter(
      (v: J) => v.place?.name,
    ).length;
    assert.ok(placed > 0, 'the fixture store has events with a place');
    for (const url of [
      '/api/events?place=%25',
      '/api/events?place=_',
      '/api/quotes?speaker=%25',
      '/api/quotes?speaker=_',
    ]) {
      const { res, body } = await json(app, url);
      assert.equal(res.status, 200, url);
      assert.equal(body.total ?? body.items.length, 0, url);
    }
  });

  it('answers only allowed Host names (DNS rebinding defence): 421 JSON for others', async () => {
    for (const host of [
      'localhost:8080',
      '127.0.0.1:8080',
      '[::1]:8080',
      'LOCALHOST',
      '192.168.1.20:8080',
      '[fd00::1]:80',
    ]) {
      const { res } = await json(app, '/healthz', { headers: { Host: host } });
      assert.equal(res.status, 200, host);
    }
    for (const [host, url] of [
      ['attacker.example:8080', '/api/events'],
      ['attacker.example', '/healthz'],
      ['localhost.attacker.example', '/'],
      ['127.0.0.1.nip.io:8080', '/openapi.json'],
    ] as const) {
      const { res, body } = await json(app, url, { headers: { Host: host } });
      assert.equal(res.status, 421, host);
      assert.equal(body.error.status, 421);
      assert.match(body.error.message, new RegExp(`Host '${host.replace(/\./g, '\\.')}' is not served here`));
      assert.match(body.error.message, /--allowed-host/);
      assert.equal(res.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY);
    }
    const deployed = createApp({ store, webRoot: null, log: () => {}, allowedHosts: ['Sitrep.Example.org'] });
    assert.equal(
      (await json(deployed, '/healthz', { headers: { Host: 'sitrep.example.org:443' } })).res.status,
      200,
    );
    assert.equal((await json(deployed, '/healthz', { headers: { Host: 'localhost:8080' } })).res.status, 200);
    assert.equal(
      (await json(deployed, '/healthz', { headers: { Host: 'evil.example.org' } })).res.status,
      421,
    );
  });

  it('refuses writes without the token (401), with a wrong one (401), and when writes are off (403)', async () => {
    const post = (headers: Record<string, string>, target = app) =>
      json(target, '/api/documents', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: JSON.stringify({ text: EXTRA_ARTICLE }),
      });
    const none = await post({});
    assert.equal(none.res.status, 401);
    assert.equal(none.body.error.status, 401);
    assert.equal((await post({ Authorization: 'Bearer wrong' })).res.status, 401);
    assert.equal((await post({ Authorization: `Basic ${TOKEN}` })).res.status, 401);
    const off = createApp({ store, webRoot: null, log: () => {} });
    const forbidden = await post({ Authorization: `Bearer ${TOKEN}` }, off);
    assert.equal(forbidden.res.status, 403);
    assert.equal(forbidden.res.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY);
  });

  it('refuses bodies over the limit (413) and invalid bodies naming the field', async () => {
    const auth = { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' };
    const big = await json(app, '/api/documents', {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ text: 'x'.repeat(70 * 1024) }),
    });
    assert.equal(big.res.status, 413);
    assert.equal(big.body.error.status, 413);
    const cases: [unknown, string, number][] = [
      [{}, 'text', 400],
      [{ text: 'a', html: '<p>a</p>' }, 'html', 400],
      [{ text: 42 }, 'text', 400],
      [{ text: 'Russia.', published: '28/10/2024' }, 'published', 400],
      [{ text: 'Russia.', url: 'javascript:alert(1)' }, 'url', 400],
      [{ text: '   \n ' }, 'text', 422],
      [{ text: 'Russia\u0000\u0001 sent troops.' }, 'text', 422],
      [{ html: '<html><body><nav>menu</nav></body></html>' }, 'html', 422],
    ];
    for (const [body, field, status] of cases) {
      const r = await json(app, '/api/documents', {
        method: 'POST',
        headers: auth,
        body: JSON.stringify(body),
      });
      assert.equal(r.res.status, status, JSON.stringify(body));
      assert.equal(r.body.error.field, field, JSON.stringify(r.body));
    }
    const bad = await json(app, '/api/documents', { method: 'POST', headers: auth, body: '{not json' });
    assert.equal(bad.res.status, 400);
    assert.equal(bad.body.error.field, 'body');
  });

  it('read-only (a replica): writes answer 403 even with the token, and reads never merge', async () => {
    const logs: string[] = [];
    const replica = createApp({
      store,
      token: TOKEN,
      readOnly: true,
      webRoot: null,
      log: (l) => logs.push(l),
    });
    const posted = await json(replica, '/api/documents', {
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: EXTRA_ARTICLE }),
    });
    assert.equal(posted.res.status, 403);
    assert.match(posted.body.error.message, /read-only/);
    // Stale stories (as on a replica while the primary's workers merge) are served as they are.
    const text = 'Chile and Peru signed a fisheries accord in Lima on Monday, officials said.\n';
    await store.putDocuments([
      runExtractTask({
        article: { key: 'replica.txt', text, meta: { published: '2024-11-04' } },
        ingestedAt: '2024-11-04T00:00:00Z',
      }),
    ]);
    assert.equal(await store.storiesStale(), true);
    const listed = await json(replica, '/api/events');
    assert.equal(listed.res.status, 200);
    await replica.idle();
    assert.equal(await store.storiesStale(), true, 'the replica did not merge');
    assert.deepEqual(logs, []);
    // The primary's server merges on its next read.
    assert.equal((await json(app, '/api/events')).res.status, 200);
    assert.equal(await store.storiesStale(), false);
  });

  it('stores a posted article and merges before the next read, once for concurrent reads', async () => {
    const before = (await json(app, '/healthz')).body;
    merges.length = 0;
    const text = `Japan and South Korea held talks in Tokyo on Friday, the foreign ministry said.\n\nJapan pledged aid to Ukraine, officials said.\n`;
    const posted = await json(app, '/api/documents', {
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ text, title: 'Talks', published: '2024-11-08', outlet: 'Posted Daily' }),
    });
    assert.equal(posted.res.status, 201, posted.text);
    assert.equal(posted.body.stored, true);
    assert.match(posted.body.id, /^sha256:/);
    assert.ok(posted.body.events >= 1);
    const [a, b] = await Promise.all([
      json(app, '/api/events?outlet=Posted%20Daily'),
      json(app, '/api/events?outlet=Posted%20Daily'),
    ]);
    assert.ok(a.body.total >= 1);
    assert.equal(b.body.total, a.body.total);
    await app.idle();
    assert.equal(merges.filter((l: J) => l.startsWith('merged')).length, 1, merges.join('\n'));
    const doc = await json(app, `/api/documents/${posted.body.id}`);
    assert.equal(doc.body.title, 'Talks');
    assert.equal(doc.body.published, '2024-11-08');
    assert.equal(doc.body.outlet, 'Posted Daily');
    assert.equal((await json(app, '/healthz')).body.documents, before.documents + 1);
    const html = await json(app, '/api/documents', {
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        html: `<html><head><title>Page</title><script>alert(1)</script></head><body><article><p>${EXTRA_ARTICLE.replace(/\n\n/g, '</p><p>')}</p></article></body></html>`,
      }),
    });
    assert.equal(html.res.status, 201, html.text);
    const stored = await json(app, `/api/documents/${html.body.id}`);
    assert.doesNotMatch(stored.body.text, /alert|<p>/);
  });

  it('serves the dashboard with content types and security headers, and nothing outside its root', async () => {
    const index = await app.request('/');
    assert.equal(index.status, 200);
    assert.match(index.headers.get('content-type') ?? '', /^text\/html/);
    assert.equal(index.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY);
    assert.equal(index.headers.get('referrer-policy'), 'no-referrer');
    const js = await app.request('/assets/app.js');
    assert.equal(js.status, 200);
    assert.match(js.headers.get('content-type') ?? '', /^text\/javascript/);
    assert.equal(js.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY);
    assert.match((await app.request('/assets/app.css')).headers.get('content-type') ?? '', /^text\/css/);
    for (const url of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/assets/..%5c..%5csecret.txt',
      '//secret.txt',
      `/${path.join(path.dirname(root), 'secret.txt')}`,
    ]) {
      const res = await app.request(url);
      const body = await res.text();
      assert.notEqual(res.status, 200, url);
      assert.doesNotMatch(body, /TOP SECRET/, url);
      assert.equal(res.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY, url);
    }
    assert.equal((await app.request('/api/no-such-route')).status, 404);
  });

  it('says how to build the dashboard when it is missing', async () => {
    const bare = createApp({ store, webRoot: path.join(root, 'not-built'), log: () => {} });
    const res = await bare.request('/');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/plain/);
    assert.equal(await res.text(), NOT_BUILT);
    assert.match(NOT_BUILT, /npm run build/);
    assert.equal(res.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY);
    assert.equal((await bare.request('/assets/app.js')).status, 404);
  });
});
