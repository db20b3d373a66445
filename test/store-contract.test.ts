/**
 * The store contract: one suite, run against every driver — the embedded SQLite store in a fresh
 * temporary directory and a real PostgreSQL server (SITREP_TEST_PG, in a fresh schema). The
 * PostgreSQL half fails, never skips, when the server cannot be reached: start it (see .ci/run).
 */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ingest } from '../src/ingest/ingest.js';
import { mergeEvents } from '../src/merge/merge.js';
import { loadMergeRules } from '../src/merge/rules.js';
import { runMerge } from '../src/merge/run-merge.js';
import { openStore } from '../src/store/open-store.js';
import { toDocumentRows } from '../src/store/rows.js';
import type { SqlStore } from '../src/store/sql-store.js';
import { storyJson } from '../src/store/story-json.js';
import { runPg, schemaUrl } from './pg-test-db.js';
import {
  type ActorSpec,
  fakeExecutor,
  fixtureDoc,
  KREMLIN,
  PENTAGON,
  PRK,
  RUS,
  UKR,
  USA,
} from './store-fixtures.js';

const AT = '2024-10-29T12:00:00.000Z';

const troopsA = fixtureDoc({
  text: 'North Korea has sent about 10,000 troops to Russia, the Pentagon said on Monday.\n\nUkraine shelled positions.',
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
    // A distinct happening of the same day: different actors, different code.
    { cameo: '190', plover: 'ASSAULT', source: UKR, target: null, evidence: 'Ukraine shelled positions.' },
  ],
  quotes: [{ text: 'sent about 10,000 troops', speaker: PENTAGON }],
});

const troopsB = fixtureDoc({
  text: 'Up to 8,000 North Korean soldiers were sent to Russia, officials in Kyiv said. The Kremlin denied that North Korea sent troops to Russia.',
  published: '2024-10-29',
  outlet: 'Beta News',
  events: [
    {
      cameo: '07',
      plover: 'AID',
      source: PRK,
      target: RUS,
      evidence: 'Up to 8,000 North Korean soldiers were sent to Russia, officials in Kyiv said.',
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
});

// The same proposition a month later is another happening.
const later = fixtureDoc({
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

function contract(
  name: string,
  open: () => Promise<SqlStore>,
  cleanup: () => Promise<void> = async () => {},
) {
  describe(`store contract: ${name}`, () => {
    let store: SqlStore;
    before(async () => {
      store = await open();
    });
    after(async () => {
      await store?.close();
      await cleanup();
    });

    it('applies migrations once (a second migrate is a no-op)', async () => {
      assert.equal(await store.migrate(), 0);
      assert.deepEqual(await store.counts(), { documents: 0, events: 0, stories: 0, errors: 0 });
    });

    it('stores documents with every layer and reports their versions', async () => {
      await store.putDocuments([
        toDocumentRows(troopsA, { input: 'a.txt', pipeline: 'p@1', ingestedAt: AT }),
        toDocumentRows(troopsB, { input: 'b.txt', pipeline: 'p@1', ingestedAt: AT }),
      ]);
      const versions = await store.storedVersions([troopsA.id, troopsB.id, 'sha256:none']);
      assert.equal(versions.get(troopsA.id), 'p@1');
      assert.equal(versions.get(troopsB.id), 'p@1');
      assert.equal(versions.has('sha256:none'), false);
      const c = await store.counts();
      assert.equal(c.documents, 2);
      assert.equal(c.events, 4);
      assert.equal(await store.storiesStale(), true);
    });

    it('is idempotent: the same article again is stored once; a newer version replaces its layers', async () => {
      await store.putDocuments([
        toDocumentRows(troopsA, { input: 'a-copy.txt', pipeline: 'p@2', ingestedAt: AT }),
      ]);
      const c = await store.counts();
      assert.equal(c.documents, 2);
      assert.equal(c.events, 4);
      assert.equal((await store.storedVersions([troopsA.id])).get(troopsA.id), 'p@2');
    });

    it('records errors by input and clears them when the input later goes through', async () => {
      await store.recordErrors([
        { input: 'bad.bin', code: 'INPUT_BINARY', message: 'bad.bin: binary data', at: AT },
        { input: 'later.txt', code: 'INPUT_EMPTY', message: 'later.txt: empty', at: AT },
      ]);
      await store.recordErrors([
        { input: 'bad.bin', code: 'INPUT_BINARY', message: 'bad.bin: still binary', at: AT },
      ]);
      await store.putDocuments([
        toDocumentRows(later, { input: 'later.txt', pipeline: 'p@1', ingestedAt: AT }),
      ]);
      const errors = await store.listErrors();
      assert.deepEqual(
        errors.map((e) => [e.input, e.message]),
        [['bad.bin', 'bad.bin: still binary']],
      );
    });

    it('merges the same happening across outlets and keeps distinct happenings apart', async () => {
      const summary = await runMerge(store);
      assert.equal(summary.events, 5);
      assert.equal(await store.storiesStale(), false);
      const stories = await store.events({ actor: 'PRK' });
      // October deployment (3 mentions, 2 outlets) and the December one.
      assert.equal(stories.length, 2);
      const [oct, dec] = stories;
      assert.equal(oct!.story.n_mentions, 3);
      assert.equal(oct!.story.n_documents, 2);
      assert.equal(oct!.story.n_outlets, 2);
      assert.deepEqual(JSON.parse(oct!.story.outlets), ['Beta News', 'Daily Alpha']);
      // Pentagon (speaker), Kremlin (speaker), Beta News (own voice).
      assert.equal(oct!.story.n_sources, 3);
      assert.equal(oct!.story.first_seen, '2024-10-28');
      assert.equal(oct!.story.last_seen, '2024-10-29');
      assert.equal(dec!.story.n_mentions, 1);
      const ukr = await store.events({ actor: 'ukraine' });
      assert.equal(ukr.length, 1);
      assert.equal(ukr[0]!.story.n_mentions, 1);
    });

    it('explains every merge and keeps evidence spans exact', async () => {
      const [oct] = await store.events({ actor: 'PRK', to: '2024-10-31' });
      const view = await store.story(oct!.story.id.slice(0, 8));
      assert.ok(view);
      assert.equal(view.mentions.length, 3);
      const texts = new Map([
        [troopsA.id, troopsA.text],
        [troopsB.id, troopsB.text],
      ]);
      for (const m of view.mentions) {
        const e = m.event;
        assert.equal(texts.get(e.doc_id)!.slice(e.evidence_start, e.evidence_end), e.evidence_text);
        const reason = JSON.parse(m.reason);
        assert.ok(reason.anchor === true || /root 07/.test(reason.code), m.reason);
      }
      const pentagon = view.mentions.find((m) => m.speaker?.name === 'Pentagon');
      assert.deepEqual(pentagon?.speaker, { name: 'Pentagon', code: 'USAMIL', country: 'USA' });
      assert.equal(pentagon?.url, 'https://alpha.example/nk');
    });

    it('prints events as JSON with actors, time and place as objects, mentions and outlets', async () => {
      const [oct] = await store.events({ actor: 'PRK', to: '2024-10-31' });
      const json = JSON.parse(JSON.stringify(storyJson(oct!)));
      assert.equal(json.id, oct!.story.id);
      assert.equal(json.cameo.slice(0, 2), '07');
      assert.equal(json.plover, 'AID');
      assert.deepEqual(json.source, { name: 'North Korea', code: 'PRK', country: null });
      assert.deepEqual(json.target, { name: 'Russia', code: 'RUS', country: null });
      assert.deepEqual(json.time, { from: '2024-10-28', to: '2024-10-28' });
      assert.equal(json.place, null);
      assert.deepEqual(json.outlets, ['Beta News', 'Daily Alpha']);
      assert.deepEqual(json.counts, { mentions: 3, documents: 2, outlets: 2, sources: 3 });
      assert.equal(json.mentions.length, 3);
      const m = json.mentions.find(
        (x: { attribution: { speaker: { name: string } } | null }) =>
          x.attribution?.speaker?.name === 'Pentagon',
      );
      assert.deepEqual(Object.keys(m).sort(), [
        'attribution',
        'by',
        'cameo',
        'certainty',
        'document',
        'event',
        'evidence',
        'merged_because',
        'outlet',
        'polarity',
        'published',
        'quantity',
        'rule',
        'time',
        'title',
        'url',
      ]);
      assert.equal(m.document, troopsA.id);
      assert.equal(m.outlet, 'Daily Alpha');
      assert.equal(m.url, 'https://alpha.example/nk');
      assert.deepEqual(m.attribution.speaker, { name: 'Pentagon', code: 'USAMIL', country: 'USA' });
      assert.equal(troopsA.text.slice(m.evidence.start, m.evidence.end), m.evidence.text);
      assert.deepEqual(m.quantity, {
        text: 'about 10,000 troops',
        value: 10000,
        unit: 'troops',
        qualifier: 'about',
      });
      assert.equal(json.contradicted, true);
    });

    it('lists contradictions with both sides: a denial and conflicting quantities', async () => {
      const [oct] = await store.events({ contradicted: true });
      assert.ok(oct);
      const kinds = oct.contradictions.map((c) => c.kind).sort();
      assert.ok(kinds.includes('polarity'), kinds.join());
      assert.ok(kinds.includes('quantity'), kinds.join());
      const q = oct.contradictions.find((c) => c.kind === 'quantity')!;
      assert.match(q.detail, /about 10,000 troops/);
      assert.match(q.detail, /Up to 8,000/);
      const p = oct.contradictions.find((c) => c.kind === 'polarity')!;
      assert.match(p.detail, /Kremlin/);
      assert.equal((await store.events({ contradicted: true, actor: 'UKR' })).length, 0);
    });

    it('filters events by code, PLOVER type, dates, outlet and source count', async () => {
      assert.equal((await store.events({ cameo: '07' })).length, 2);
      assert.equal((await store.events({ cameo: '19' })).length, 1);
      assert.equal((await store.events({ plover: 'assault' })).length, 1);
      assert.equal((await store.events({ from: '2024-12-01', to: '2024-12-31' })).length, 1);
      assert.equal((await store.events({ outlet: 'beta news' })).length, 1);
      assert.equal((await store.events({ minSources: 2 })).length, 1);
      assert.deepEqual(await store.events({ actor: 'nobody' }), []);
    });

    it('answers actors, quotes by speaker and a timeline', async () => {
      const actors = await store.actors();
      const nk = actors.find((a) => a.code === 'PRK');
      assert.equal(nk?.documents, 3);
      const quotes = await store.quotes({ speaker: 'pentagon' });
      assert.equal(quotes.length, 1);
      assert.equal(quotes[0]!.text, 'sent about 10,000 troops');
      assert.equal(troopsA.text.slice(quotes[0]!.start, quotes[0]!.end), quotes[0]!.text);
      const tl = await store.timeline('PRK');
      assert.deepEqual(
        tl.map((d) => [d.date, d.stories]),
        [
          ['2024-10-28', 1],
          ['2024-12-02', 1],
        ],
      );
    });

    it('date filters take precise events overlapping the range and vague ones only inside it', async () => {
      const vague = fixtureDoc({
        text: 'North Korea sent troops to Russia in 2024, the report said.',
        published: '2025-01-15',
        outlet: 'Gamma',
        events: [
          {
            cameo: '072',
            plover: 'AID',
            source: PRK,
            target: RUS,
            evidence: 'North Korea sent troops to Russia in 2024, the report said.',
            time: { text: 'in 2024', from: '2024-01-01', to: '2024-12-31' },
          },
        ],
      });
      await store.putDocuments([toDocumentRows(vague, { input: 'v.txt', pipeline: 'p@1', ingestedAt: AT })]);
      await runMerge(store);
      const dec = await store.events({ actor: 'PRK', from: '2024-12-01', to: '2024-12-31' });
      assert.deepEqual(
        dec.map((v) => v.story.date_from),
        ['2024-12-02'],
      );
      const year = await store.events({ actor: 'PRK', from: '2024-01-01', to: '2024-12-31' });
      assert.equal(year.length, 3);
      assert.equal(year.find((v) => v.story.date_from === '2024-01-01')?.story.span_days, 366);
    });

    it('a merge that read before a write leaves the stories stale; an older merge landing last is dropped', async () => {
      await runMerge(store);
      const before = await store.staleMark();
      assert.equal(before, '0');
      // Merge A reads, then a document is written, then A replaces: the write's events are not in
      // A's stories, so the store must still say they are stale.
      const eventsA = await store.allEvents();
      const late = fixtureDoc({
        text: 'Ukraine said Russia shelled Kharkiv on Friday.',
        published: '2025-02-07',
        outlet: 'Delta',
        events: [
          { cameo: '195', plover: 'ASSAULT', source: RUS, target: UKR, evidence: 'Russia shelled Kharkiv' },
        ],
      });
      await store.putDocuments([
        toDocumentRows(late, { input: 'late.txt', pipeline: 'p@1', ingestedAt: AT }),
      ]);
      const afterWrite = await store.staleMark();
      assert.notEqual(afterWrite, before);
      assert.equal(await store.storiesStale(), true);
      const rules = loadMergeRules();
      assert.equal(await store.replaceStories(mergeEvents(eventsA, rules), before), true);
      assert.equal(await store.storiesStale(), true, 'the late write is not in the stories yet');
      assert.equal((await store.events({ outlet: 'Delta' })).length, 0);
      // Merge B reads after the write and lands: current.
      const markB = await store.staleMark();
      const eventsB = await store.allEvents();
      assert.equal(await store.replaceStories(mergeEvents(eventsB, rules), markB), true);
      assert.equal(await store.storiesStale(), false);
      const withLate = (await store.counts()).stories;
      // A merge that read before the write lands after B: dropped, B's stories stand.
      assert.equal(await store.replaceStories(mergeEvents(eventsA, rules), afterWrite), false);
      assert.equal((await store.counts()).stories, withLate);
      assert.equal((await store.events({ outlet: 'Delta' })).length, 1, "B's stories hold the late write");
    });

    it('ingest --update re-reads metadata and re-extracts a stored article without duplicating it', async () => {
      const text = 'Russia and Ukraine held talks in Istanbul on the grain corridor.';
      const sources = (meta: { published: string | null; source: string }) =>
        (async function* () {
          yield { ok: true as const, article: { key: 'talks.txt', text, meta } };
        })();
      const first = await ingest(store, sources({ published: null, source: 'Old Name' }), fakeExecutor(), {
        now: () => new Date(AT),
      });
      assert.equal(first.counts.stored, 1);
      const before = await store.counts();
      const skipped = await ingest(
        store,
        sources({ published: '2024-10-28', source: 'Wire' }),
        fakeExecutor(),
        {
          now: () => new Date(AT),
        },
      );
      assert.equal(skipped.counts.skipped, 1, 'without --update a stored article is skipped');
      const updated = await ingest(
        store,
        sources({ published: '2024-10-28', source: 'Wire' }),
        fakeExecutor(),
        { now: () => new Date(AT), update: true },
      );
      assert.equal(updated.counts.updated, 1);
      assert.equal(updated.counts.stored, 1);
      const after = await store.counts();
      assert.equal(after.documents, before.documents);
      assert.equal(after.events, before.events);
      const stories = await store.events({ outlet: 'Wire' });
      assert.equal(stories.length, 1, 'the re-read outlet reaches the merged stories');
      assert.equal((await store.events({ outlet: 'Old Name' })).length, 0);
      const [doc] = stories[0]!.mentions;
      const view = await store.documentView(doc!.event.doc_id);
      assert.equal(view?.document.published, '2024-10-28');
      assert.equal(view?.document.outlet, 'Wire');
    });

    it('LIKE filters match % _ and \\ literally (place, actor name, quote speaker, event id)', async () => {
      const ODD: ActorSpec = { name: '100% Foo_Bar\\Co', code: 'ODD', kind: 'organization' };
      const doc = fixtureDoc({
        text: '100% Foo_Bar\\Co said Russia shelled Kharkiv again on Saturday.',
        published: '2025-02-08',
        outlet: 'Epsilon',
        events: [
          {
            cameo: '195',
            plover: 'ASSAULT',
            source: RUS,
            target: UKR,
            speaker: ODD,
            evidence: 'Russia shelled Kharkiv again',
            place: { name: 'Kharkiv', country: 'UKR' },
          },
        ],
        quotes: [{ text: 'Russia shelled Kharkiv again', speaker: ODD }],
      });
      await store.putDocuments([toDocumentRows(doc, { input: 'odd.txt', pipeline: 'p@1', ingestedAt: AT })]);
      await runMerge(store);
      assert.equal((await store.events({ place: 'khar' })).length, 1);
      for (const wild of ['%', '_', '_harkiv', '%kiv', '\\']) {
        assert.deepEqual(await store.events({ place: wild }), [], `place ${wild}`);
      }
      assert.deepEqual(await store.events({ cameo: '%' }), [], 'cameo %');
      assert.deepEqual(await store.events({ cameo: '1_5' }), [], 'cameo 1_5');
      const names = async (name: string) => (await store.actors({ name })).map((a) => a.name);
      assert.deepEqual(await names('%'), [ODD.name]);
      assert.deepEqual(await names('_bar\\'), [ODD.name]);
      assert.deepEqual(await names('r_c'), [], 'the _ matches no backslash');
      assert.deepEqual(await names('k%a'), []);
      assert.deepEqual(
        (await store.quotes({ speaker: '0% foo_' })).map((q) => q.text),
        ['Russia shelled Kharkiv again'],
      );
      assert.deepEqual(await store.quotes({ speaker: '%' }).then((q) => q.length), 1);
      assert.deepEqual(await store.quotes({ speaker: 'pent_gon' }), []);
      assert.equal(await store.story('%'), null, 'an event id of % is no prefix of every id');
      assert.equal(await store.story('_'), null);
    });
  });
}

contract('embedded (SQLite)', () => openStore(mkdtempSync(path.join(tmpdir(), 'sitrep-store-'))));

const schema = `contract_${process.pid}_${Date.now()}`;
contract(
  'PostgreSQL',
  async () => {
    await runPg(`CREATE SCHEMA ${schema}`);
    return openStore(schemaUrl(schema));
  },
  () => runPg(`DROP SCHEMA IF EXISTS ${schema} CASCADE`),
);
