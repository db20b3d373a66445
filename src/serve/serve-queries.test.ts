/**
 * The Store queries behind the HTTP API, on both drivers: the embedded SQLite store in a fresh
 * directory and a real PostgreSQL server (SITREP_TEST_PG, in a schema of its own). The PostgreSQL
 * half fails, never skips, when the server cannot be reached. Data: hand-made documents with
 * known events (test/store-fixtures.ts), merged for real.
 */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runPg, schemaUrl } from '../../test/pg-test-db.js';
import { fixtureDoc, KREMLIN, PENTAGON, PRK, RUS, UKR, USA } from '../../test/store-fixtures.js';
import { runMerge } from '../merge/run-merge.js';
import { openStore } from '../store/open-store.js';
import { toDocumentRows } from '../store/rows.js';
import type { DocumentRows } from '../store/schema.js';
import type { SqlStore } from '../store/sql-store.js';

const AT = '2024-10-29T12:00:00.000Z';

const docA = fixtureDoc({
  text: 'North Korea has sent about 10,000 troops to Russia, the Pentagon said on Monday.\n\nUkraine shelled positions. "We are 100% sure of it," the Pentagon said.',
  published: '2024-10-28',
  outlet: 'Daily Alpha',
  url: 'https://alpha.example/nk',
  events: [
    {
      cameo: '072',
      plover: 'AID',
      source: PRK,
      target: RUS,
      speaker: PENTAGON,
      evidence: 'North Korea has sent about 10,000 troops to Russia, the Pentagon said on Monday.',
      quantity: {
        text: 'about 10,000 troops',
        value: 10000,
        unit: 'troops',
        approximate: true,
        qualifier: 'about',
      },
    },
    { cameo: '190', plover: 'ASSAULT', source: UKR, target: null, evidence: 'Ukraine shelled positions.' },
  ],
  quotes: [{ text: 'We are 100% sure of it,', speaker: PENTAGON }],
});

const docB = fixtureDoc({
  text: 'Up to 8,000 North Korean soldiers were sent to Russia, officials said. The Kremlin denied that North Korea sent troops to Russia. "We are 1000 sure," said the Kremlin.',
  published: '2024-10-29',
  outlet: 'Beta News',
  events: [
    {
      cameo: '07',
      plover: 'AID',
      source: PRK,
      target: RUS,
      evidence: 'Up to 8,000 North Korean soldiers were sent to Russia, officials said.',
      quantity: { text: 'Up to 8,000', value: 8000, unit: 'troops', approximate: false, qualifier: 'up to' },
    },
    {
      cameo: '070',
      plover: 'AID',
      source: PRK,
      target: RUS,
      speaker: KREMLIN,
      polarity: 'negative',
      evidence: 'The Kremlin denied that North Korea sent troops to Russia.',
    },
  ],
  quotes: [{ text: 'We are 1000 sure,', speaker: KREMLIN }],
});

const docC = fixtureDoc({
  text: 'The United States accused North Korea of arming Russia.',
  published: '2024-10-30',
  outlet: 'Gamma',
  events: [
    {
      cameo: '111',
      plover: 'ACCUSE',
      source: USA,
      target: PRK,
      evidence: 'The United States accused North Korea of arming Russia.',
    },
  ],
});

const docD = fixtureDoc({
  text: 'North Korea sent more troops to Russia in December, the United States said.',
  published: '2024-12-02',
  outlet: 'Daily Alpha',
  events: [
    {
      cameo: '072',
      plover: 'AID',
      source: PRK,
      target: RUS,
      speaker: USA,
      evidence: 'North Korea sent more troops to Russia in December, the United States said.',
    },
  ],
});

const undated = fixtureDoc({
  text: 'Ukraine asked the United States for more air defence.',
  published: '2024-11-01',
  outlet: 'Delta',
  events: [
    {
      cameo: '020',
      plover: 'REQUEST',
      source: UKR,
      target: USA,
      evidence: 'Ukraine asked the United States for more air defence.',
    },
  ],
});

function rows(): DocumentRows[] {
  const out = [docA, docB, docC, docD, undated].map((d, i) =>
    toDocumentRows(d, { input: `doc${i}.txt`, pipeline: 'p@1', ingestedAt: AT }),
  );
  // The fixtures have no places: put the Ukrainian shelling in Kharkiv.
  const shelling = out[0]!.events[1]!;
  Object.assign(shelling, {
    place_name: 'Kharkiv',
    place_country: 'UKR',
    place_lat: 49.9935,
    place_lon: 36.2304,
  });
  // A document without a date: its event has none either.
  Object.assign(out[4]!.document, { published: null });
  Object.assign(out[4]!.events[0]!, { date_from: null, date_to: null, published: null });
  return out;
}

function suite(name: string, open: () => Promise<SqlStore>, cleanup: () => Promise<void> = async () => {}) {
  describe(`serve queries: ${name}`, () => {
    let store: SqlStore;
    before(async () => {
      store = await open();
      await store.putDocuments(rows());
      await runMerge(store);
    });
    after(async () => {
      await store?.close();
      await cleanup();
    });

    it('pages story events with a total, newest first by default, and sorts by sources', async () => {
      const all = await store.storyPage({}, { sort: 'date', order: 'desc', limit: 50, offset: 0 });
      assert.equal(all.total, all.items.length);
      // Undated last, in both orders.
      assert.equal(all.items.at(-1)!.story.date_from, null);
      const dates = all.items.slice(0, -1).map((v) => v.story.date_from);
      assert.deepEqual(dates, [...dates].sort().reverse());
      assert.equal(dates[0], '2024-12-02');
      const second = await store.storyPage({}, { sort: 'date', order: 'desc', limit: 1, offset: 1 });
      assert.equal(second.total, all.total);
      assert.deepEqual(
        second.items.map((v) => v.story.id),
        [all.items[1]!.story.id],
      );
      const asc = await store.storyPage({}, { sort: 'date', order: 'asc', limit: 50, offset: 0 });
      assert.deepEqual(
        asc.items.map((v) => v.story.date_from),
        [...[...dates].reverse(), null],
      );
      const bySources = await store.storyPage({}, { sort: 'sources', order: 'desc', limit: 50, offset: 0 });
      const sources = bySources.items.map((v) => v.story.n_sources);
      assert.deepEqual(
        sources,
        [...sources].sort((a, b) => b - a),
      );
      // The October troops story is told by two outlets: it has the most sources.
      assert.equal(bySources.items[0]!.story.n_outlets, 2);
      assert.ok(bySources.items[0]!.mentions.length >= 2);
    });

    it('applies the filters of `sitrep events`, contradicted=false included', async () => {
      const prk = await store.storyPage(
        { actor: 'prk' },
        { sort: 'date', order: 'desc', limit: 50, offset: 0 },
      );
      assert.ok(prk.total >= 3);
      const yes = await store.storyPage(
        { contradicted: true },
        { sort: 'date', order: 'desc', limit: 50, offset: 0 },
      );
      const no = await store.storyPage(
        { contradicted: false },
        { sort: 'date', order: 'desc', limit: 50, offset: 0 },
      );
      assert.ok(yes.total >= 1);
      assert.ok(yes.items.every((v) => v.story.contradicted === 1));
      assert.ok(no.items.every((v) => v.story.contradicted === 0));
      const all = await store.storyPage({}, { sort: 'date', order: 'desc', limit: 50, offset: 0 });
      assert.equal(yes.total + no.total, all.total);
      const none = await store.storyPage(
        { actor: "' OR 1=1 --", place: '%', outlet: '_' },
        { sort: 'date', order: 'desc', limit: 50, offset: 0 },
      );
      assert.equal(none.total, 0);
    });

    it('builds the actor network: keyed nodes, directed edges with cooperation, conflict and quad', async () => {
      const net = await store.network({}, { minEvents: 1, limitNodes: 80 });
      const ids = net.nodes.map((n) => n.id);
      for (const k of ['PRK', 'RUS', 'USA', 'UKR']) assert.ok(ids.includes(k), `${k} in ${ids}`);
      assert.equal(net.nodes.find((n) => n.id === 'PRK')?.name, 'North Korea');
      const aid = net.edges.find((e) => e.source === 'PRK' && e.target === 'RUS');
      assert.ok(aid);
      assert.equal(aid.quad, 'material_coop');
      assert.equal(aid.conflict, 0);
      assert.equal(aid.cooperation, aid.events);
      assert.ok(aid.events >= 2);
      const accuse = net.edges.find((e) => e.source === 'USA' && e.target === 'PRK');
      assert.deepEqual(
        { events: accuse?.events, conflict: accuse?.conflict, quad: accuse?.quad },
        { events: 1, conflict: 1, quad: 'verbal_conflict' },
      );
      const strong = await store.network({}, { minEvents: 2, limitNodes: 80 });
      assert.ok(strong.edges.every((e) => e.events >= 2));
      assert.ok(!strong.edges.some((e) => e.source === 'USA' && e.target === 'PRK'));
      const top = await store.network({}, { minEvents: 1, limitNodes: 1 });
      assert.deepEqual(
        top.nodes.map((n) => n.id),
        ['PRK'],
      );
      assert.deepEqual(top.edges, []);
      const filtered = await store.network({ cameo: '11' }, { minEvents: 1, limitNodes: 80 });
      assert.deepEqual(
        filtered.edges.map((e) => `${e.source}>${e.target}`),
        ['USA>PRK'],
      );
    });

    it('counts story events per day by CAMEO root, PLOVER type and actor', async () => {
      const byRoot = await store.timelineCells({}, 'root', 10);
      const aid = byRoot.filter((c) => c.key === '07');
      assert.ok(aid.some((c) => c.date === '2024-12-02' && c.events === 1));
      const total = byRoot.reduce((n, c) => n + c.events, 0);
      const all = await store.storyPage({}, { sort: 'date', order: 'desc', limit: 50, offset: 0 });
      // Every dated story once; the undated one is not on the timeline.
      assert.equal(total, all.items.filter((v) => v.story.date_from !== null).length);
      assert.equal(all.items.length - 1, total);
      const byPlover = await store.timelineCells({}, 'plover', 10);
      assert.ok(byPlover.some((c) => c.key === 'ACCUSE' && c.date === '2024-10-30'));
      const byActor = await store.timelineCells({}, 'actor', 1);
      assert.ok(byActor.length > 0);
      assert.ok(byActor.every((c) => c.key === 'PRK' && c.label === 'North Korea'));
    });

    it('aggregates places with their roots and story ids', async () => {
      const places = await store.placeAggregates({});
      assert.equal(places.length, 1);
      const [kharkiv] = places;
      assert.deepEqual(
        { name: kharkiv!.name, lat: kharkiv!.lat, lon: kharkiv!.lon, events: kharkiv!.events },
        { name: 'Kharkiv', lat: 49.99, lon: 36.23, events: 1 },
      );
      assert.deepEqual(kharkiv!.topRoots, ['19']);
      const story = await store.story(kharkiv!.eventIds[0]!);
      assert.equal(story?.story.place_name, 'Kharkiv');
      assert.deepEqual(await store.placeAggregates({ actor: 'PRK' }), []);
    });

    it('lists contradictions with both sides', async () => {
      const page = await store.contradictionPage({ limit: 50, offset: 0 });
      assert.ok(page.total >= 1);
      const polarity = page.items.find((c) => c.kind === 'polarity');
      assert.ok(polarity, JSON.stringify(page.items.map((c) => c.kind)));
      assert.deepEqual([polarity.a.polarity, polarity.b.polarity].sort(), ['negative', 'positive']);
      assert.ok(polarity.story.mentions.length >= 2);
      const empty = await store.contradictionPage({ limit: 50, offset: page.total });
      assert.deepEqual(empty.items, []);
    });

    it('returns one document with every layer and the story of each event', async () => {
      const view = await store.documentView(docA.id);
      assert.ok(view);
      assert.equal(view.document.text, docA.text);
      assert.equal(view.events.length, 2);
      assert.ok(view.events.every((e) => e.story_id !== null));
      assert.equal(view.quotes.length, 1);
      for (const m of view.actorMentions) {
        assert.equal(view.document.text.slice(m.span_start, m.span_end), m.span_text);
      }
      assert.equal(await store.documentView('sha256:none'), null);
    });

    it('searches the full text, stemmed, with user text never read as query syntax', async () => {
      const troop = await store.searchDocuments('troop', { limit: 10, offset: 0 });
      assert.deepEqual(troop.items.map((d) => d.id).sort(), [docA.id, docB.id, docD.id].sort());
      assert.equal(troop.total, 3);
      const denied = await store.searchDocuments('Kremlin denied', { limit: 10, offset: 0 });
      assert.deepEqual(
        denied.items.map((d) => d.id),
        [docB.id],
      );
      const paged = await store.searchDocuments('troops', { limit: 2, offset: 2 });
      assert.equal(paged.items.length, 1);
      for (const hostile of ['"NEAR(troops*', "'); DROP TABLE documents; --", 'AND OR NOT', '***']) {
        await store.searchDocuments(hostile, { limit: 10, offset: 0 });
      }
      assert.equal((await store.counts()).documents, 5);
      assert.deepEqual(await store.searchDocuments('  ', { limit: 10, offset: 0 }), { items: [], total: 0 });
    });

    it('keeps search in step when a document is replaced', async () => {
      const again = rows()[2]!;
      await store.putDocuments([{ ...again, document: { ...again.document, pipeline: 'p@2' } }]);
      const accused = await store.searchDocuments('accused', { limit: 10, offset: 0 });
      assert.deepEqual(
        accused.items.map((d) => d.id),
        [docC.id],
      );
      await runMerge(store);
    });

    it('lists actors by id with documents, mentions and events, and details one', async () => {
      const page = await store.actorPage({ limit: 50, offset: 0 });
      assert.equal(page.total, page.items.length);
      const prk = page.items.find((a) => a.id === 'PRK');
      assert.ok(prk);
      assert.equal(prk.documents, 4);
      assert.ok(prk.events >= 3);
      const korea = await store.actorPage({ q: 'korea', limit: 50, offset: 0 });
      assert.deepEqual(
        korea.items.map((a) => a.id),
        ['PRK'],
      );
      const wild = await store.actorPage({ q: '%', limit: 50, offset: 0 });
      assert.equal(wild.total, 0);
      const detail = await store.actorDetail('prk');
      assert.ok(detail);
      assert.equal(detail.actor.name, 'North Korea');
      const rus = detail.partners.find((p) => p.id === 'RUS');
      assert.ok(rus && rus.cooperation >= 2 && rus.conflict === 0);
      assert.equal(detail.partners.find((p) => p.id === 'USA')?.conflict, 1);
      assert.ok(detail.byRoot.some((r) => r.root === '07'));
      assert.equal(await store.actorDetail('nobody at all'), null);
    });

    it('finds quotes by words with LIKE wildcards taken literally, and pages them', async () => {
      const pct = await store.quotes({ q: '100%' });
      assert.deepEqual(
        pct.map((q) => q.text),
        ['We are 100% sure of it,'],
      );
      const both = await store.quotes({ q: 'sure' });
      assert.equal(both.length, 2);
      const second = await store.quotes({ q: 'sure', limit: 1, offset: 1 });
      assert.deepEqual(
        second.map((q) => q.id),
        [both[1]!.id],
      );
    });
  });
}

suite('embedded (SQLite)', () => openStore(mkdtempSync(path.join(tmpdir(), 'sitrep-serve-q-'))));

const schema = `serve_queries_${process.pid}_${Date.now()}`;
suite(
  'PostgreSQL',
  async () => {
    await runPg(`CREATE SCHEMA ${schema}`);
    return openStore(schemaUrl(schema));
  },
  () => runPg(`DROP SCHEMA IF EXISTS ${schema} CASCADE`),
);
