/**
 * Queries that mean one thing (issue 15): `--actor` by name, surname, state name, code and code
 * prefix, repeatable (OR); `--source` / `--target`; CAMEO lists and roots; PLOVER lists; places by
 * alternate names; certainty and polarity. Run on both drivers through the store, and through the
 * API, which reads its query with the same module (src/query/story-query.ts).
 */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { StoryQueryInput } from '../src/query/story-query.js';
import { StoryQueryError, storyFilterFrom } from '../src/query/story-query.js';
import { createApp } from '../src/serve/app.js';
import { openStore } from '../src/store/open-store.js';
import { toDocumentRows } from '../src/store/rows.js';
import type { SqlStore } from '../src/store/sql-store.js';
import { runPg, schemaUrl } from './pg-test-db.js';
import { type ActorSpec, fixtureDoc, KREMLIN, RUS, UKR, USA } from './store-fixtures.js';

const AT = '2024-10-29T12:00:00.000Z';
const PUTIN: ActorSpec = {
  name: 'Vladimir Putin',
  code: null,
  cameo: 'RUSGOV',
  country: 'RUS',
  kind: 'person',
};
const LAVROV: ActorSpec = {
  name: 'Sergey Lavrov',
  code: null,
  cameo: 'RUSGOV',
  country: 'RUS',
  kind: 'person',
};
const RUSMIL: ActorSpec = { name: 'Russian army', code: 'RUSMIL', country: 'RUS', kind: 'organization' };
const KYIV = { text: 'Kyiv', name: 'Kyiv', country: 'UKR', admin1: 'Kyiv City', lat: 50.45, lon: 30.52 };

const docs = [
  fixtureDoc({
    text: 'Vladimir Putin met Joe Biden. The Russian army shelled Kyiv. Russia could strike Ukraine.',
    published: '2024-10-01',
    outlet: 'Alpha',
    events: [
      {
        cameo: '040',
        plover: 'CONSULT',
        source: PUTIN,
        target: USA,
        evidence: 'Vladimir Putin met Joe Biden.',
      },
      {
        cameo: '195',
        plover: 'ASSAULT',
        source: RUSMIL,
        target: UKR,
        evidence: 'The Russian army shelled Kyiv.',
        place: KYIV,
      },
    ],
  }),
  fixtureDoc({
    text: 'Russia could strike Ukraine, analysts said.',
    published: '2024-10-05',
    outlet: 'Beta',
    events: [
      {
        cameo: '138',
        plover: 'THREATEN',
        source: RUS,
        target: UKR,
        evidence: 'Russia could strike Ukraine, analysts said.',
        certainty: 'possible',
      },
    ],
  }),
  fixtureDoc({
    text: 'Sergey Lavrov criticised the United States. The Kremlin denied the report. Ukraine attacked Russia.',
    published: '2024-10-09',
    outlet: 'Gamma',
    events: [
      {
        cameo: '111',
        plover: 'ACCUSE',
        source: LAVROV,
        target: USA,
        evidence: 'Sergey Lavrov criticised the United States.',
      },
      {
        cameo: '180',
        plover: 'ASSAULT',
        source: KREMLIN,
        target: null,
        evidence: 'The Kremlin denied the report.',
        polarity: 'negative',
      },
      { cameo: '190', plover: 'ASSAULT', source: UKR, target: RUS, evidence: 'Ukraine attacked Russia.' },
    ],
  }),
];

function suite(name: string, open: () => Promise<SqlStore>, cleanup: () => Promise<void> = async () => {}) {
  describe(`story queries: ${name}`, () => {
    let store: SqlStore;
    const labels = async (q: StoryQueryInput) =>
      (await store.events(storyFilterFrom(q))).map((v) => `${v.story.source_name}>${v.story.cameo}`).sort();

    before(async () => {
      store = await open();
      await store.putDocuments(
        docs.map((d, i) => toDocumentRows(d, { input: `${i}.txt`, pipeline: 'p@1', ingestedAt: AT })),
      );
      const { runMerge } = await import('../src/merge/run-merge.js');
      await runMerge(store);
    });
    after(async () => {
      await store?.close();
      await cleanup();
    });

    it('--actor Putin (a surname) finds Vladimir Putin', async () => {
      assert.deepEqual(await labels({ actor: 'Putin' }), ['Vladimir Putin>040']);
    });

    it('--actor Russia and --actor RUS select the same events: the state, its people and bodies', async () => {
      const byName = await labels({ actor: 'Russia' });
      const byCode = await labels({ actor: 'RUS' });
      assert.deepEqual(byName, byCode);
      assert.deepEqual(byCode, [
        'Kremlin>180',
        'Russia>138',
        'Russian army>195',
        'Sergey Lavrov>111',
        'Ukraine>190',
        'Vladimir Putin>040',
      ]);
    });

    it('--actor RUSGOV (a CAMEO code) matches the Kremlin, Putin and Lavrov, not the army', async () => {
      assert.deepEqual(await labels({ actor: 'RUSGOV' }), [
        'Kremlin>180',
        'Sergey Lavrov>111',
        'Vladimir Putin>040',
      ]);
    });

    it('a repeated --actor is any of them (OR), not the last one', async () => {
      assert.deepEqual(await labels({ actor: ['Putin', 'Lavrov'] }), [
        'Sergey Lavrov>111',
        'Vladimir Putin>040',
      ]);
      assert.deepEqual(await labels({ actor: 'Putin,Lavrov' }), ['Sergey Lavrov>111', 'Vladimir Putin>040']);
    });

    it('--source and --target give the direction', async () => {
      assert.deepEqual(await labels({ source: 'UKR' }), ['Ukraine>190']);
      assert.deepEqual(await labels({ source: 'RUS', target: 'UKR' }), ['Russia>138', 'Russian army>195']);
      assert.deepEqual(await labels({ target: 'RUS' }), ['Ukraine>190']);
    });

    it('--cameo 18,19 is roots 18 or 19; --plover takes a list', async () => {
      assert.deepEqual(await labels({ cameo: '18,19' }), ['Kremlin>180', 'Russian army>195', 'Ukraine>190']);
      assert.deepEqual(await labels({ cameo: ['18', '040'] }), ['Kremlin>180', 'Vladimir Putin>040']);
      assert.deepEqual(await labels({ plover: 'consult,threaten' }), ['Russia>138', 'Vladimir Putin>040']);
    });

    it('--place Kiev finds the events in Kyiv (alternate names from data/places)', async () => {
      assert.deepEqual(await labels({ place: 'Kiev' }), ['Russian army>195']);
      assert.deepEqual(await labels({ place: 'Kyiv' }), ['Russian army>195']);
      assert.deepEqual(await labels({ place: 'UKR' }), ['Russian army>195']);
    });

    it('--certainty and --polarity select by what the mentions say', async () => {
      assert.deepEqual(await labels({ certainty: 'possible' }), ['Russia>138']);
      assert.equal((await labels({ certainty: 'asserted' })).length, 5);
      assert.deepEqual(await labels({ polarity: 'negative' }), ['Kremlin>180']);
    });

    it('the API reads the same words the same way (repeated parameters too)', async () => {
      const app = createApp({ store });
      const get = async (qs: string) => {
        const res = await app.request(`/api/events?${qs}`);
        assert.equal(res.status, 200, await res.clone().text());
        const body = (await res.json()) as { items: { source: { name: string } | null; cameo: string }[] };
        return body.items.map((i) => `${i.source?.name}>${i.cameo}`).sort();
      };
      assert.deepEqual(await get('actor=Putin&actor=Lavrov'), await labels({ actor: ['Putin', 'Lavrov'] }));
      assert.deepEqual(await get('actor=Russia'), await labels({ actor: 'RUS' }));
      assert.deepEqual(await get('cameo=18,19'), await labels({ cameo: '18,19' }));
      assert.deepEqual(await get('place=Kiev'), ['Russian army>195']);
      assert.deepEqual(await get('source=RUS&target=UKR'), ['Russia>138', 'Russian army>195']);
      assert.deepEqual(await get('certainty=possible'), ['Russia>138']);
      const bad = await app.request('/api/events?certainty=sure');
      assert.equal(bad.status, 400);
      assert.match(JSON.stringify(await bad.json()), /certainty/);
    });
  });
}

describe('story query words', () => {
  it('refuses values it cannot mean anything by, naming the field', () => {
    assert.throws(
      () => storyFilterFrom({ cameo: '18,x9' }),
      (e: unknown) => e instanceof StoryQueryError && e.field === 'cameo',
    );
    assert.throws(
      () => storyFilterFrom({ certainty: 'sure' }),
      /certainty sure: expected one or more of asserted/,
    );
    assert.throws(() => storyFilterFrom({ polarity: 'yes' }), /polarity yes/);
    assert.throws(() => storyFilterFrom({ from: '2024-13-01' }), /from 2024-13-01/);
  });
});

suite('embedded (SQLite)', () => openStore(mkdtempSync(path.join(tmpdir(), 'sitrep-query-'))));

const schema = `query_${process.pid}_${Date.now()}`;
suite(
  'PostgreSQL',
  async () => {
    await runPg(`CREATE SCHEMA ${schema}`);
    return openStore(schemaUrl(schema));
  },
  () => runPg(`DROP SCHEMA IF EXISTS ${schema} CASCADE`),
);
