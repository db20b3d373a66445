/**
 * The merge rules, table-tested on hand-made event rows: what joins a story, what stays apart, how
 * counts and contradictions come out, and that input order does not matter.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EventRow } from '../store/schema.js';
import { mergeEvents } from './merge.js';
import type { MergeRules } from './rules.js';
import { loadMergeRules } from './rules.js';

const rules: MergeRules = loadMergeRules();

let n = 0;
function ev(p: Partial<EventRow> & { doc: string; date: string; to?: string }): EventRow {
  n++;
  const { doc, date, to, ...rest } = p;
  const evidence = `Evidence sentence ${n}.`;
  return {
    doc_id: doc,
    id: `e${n}`,
    cameo: '072',
    root: (p.cameo ?? '072').slice(0, 2),
    plover: 'AID',
    label: 'label',
    source_id: 'a1',
    target_id: 'a2',
    time_id: null,
    place_id: null,
    quantity_id: null,
    source_key: 'PRK',
    source_name: 'North Korea',
    source_code: 'PRK',
    source_country: null,
    target_key: 'RUS',
    target_name: 'Russia',
    target_code: 'RUS',
    target_country: null,
    time_text: null,
    date_from: date,
    date_to: to ?? date,
    date_stated: 0,
    place_name: null,
    place_country: null,
    place_lat: null,
    place_lon: null,
    quantity_text: null,
    quantity_value: null,
    quantity_unit: null,
    quantity_qualifier: null,
    quantity_approximate: null,
    attribution_speaker: null,
    attribution_key: null,
    attribution_name: null,
    attribution_verb: null,
    attribution_start: null,
    attribution_end: null,
    certainty: 'asserted',
    polarity: 'positive',
    evidence_text: evidence,
    evidence_start: 0,
    evidence_end: evidence.length,
    trigger_text: null,
    trigger_start: null,
    trigger_end: null,
    also_evidence: '[]',
    outlet: `Outlet ${doc}`,
    published: date,
    by_stage: 'events@1',
    rule: 'test',
    ...rest,
  };
}

/** The stories as sorted lists of "doc#event" members, for comparing groupings. */
function groups(events: EventRow[]): string[][] {
  const out = mergeEvents(events, rules);
  const by = new Map<string, string[]>();
  for (const m of out.mentions) by.set(m.story_id, [...(by.get(m.story_id) ?? []), `${m.doc_id}`]);
  return [...by.values()].map((g) => g.sort()).sort((a, b) => (a.join() < b.join() ? -1 : 1));
}

describe('merge: what is one happening', () => {
  const cases: { name: string; events: EventRow[]; expect: string[][] }[] = [
    {
      name: 'same root, same actors, dates a day apart: one story',
      events: [ev({ doc: 'A', date: '2024-10-28' }), ev({ doc: 'B', date: '2024-10-29', cameo: '070' })],
      expect: [['A', 'B']],
    },
    {
      name: 'different roots stay apart',
      events: [ev({ doc: 'A', date: '2024-10-28' }), ev({ doc: 'B', date: '2024-10-28', cameo: '190' })],
      expect: [['A'], ['B']],
    },
    {
      name: 'three days apart stay apart',
      events: [ev({ doc: 'A', date: '2024-10-28' }), ev({ doc: 'B', date: '2024-10-31' })],
      expect: [['A'], ['B']],
    },
    {
      name: 'no chaining: each mention is compared with the first',
      events: [
        ev({ doc: 'A', date: '2024-10-01' }),
        ev({ doc: 'B', date: '2024-10-02' }),
        ev({ doc: 'C', date: '2024-10-03' }),
      ],
      expect: [['A', 'B'], ['C']],
    },
    {
      name: 'person and state of the same country match by key',
      events: [
        ev({
          doc: 'A',
          date: '2024-10-28',
          source_key: 'RUS',
          source_name: 'Vladimir Putin',
          cameo: '040',
          target_key: 'CHN',
        }),
        ev({
          doc: 'B',
          date: '2024-10-28',
          source_key: 'RUS',
          source_name: 'Russia',
          cameo: '042',
          target_key: 'CHN',
        }),
      ],
      expect: [['A', 'B']],
    },
    {
      name: 'mutual roots ignore the order of the actors',
      events: [
        ev({ doc: 'A', date: '2024-10-28', cameo: '040', source_key: 'USA', target_key: 'KOR' }),
        ev({ doc: 'B', date: '2024-10-28', cameo: '043', source_key: 'KOR', target_key: 'USA' }),
      ],
      expect: [['A', 'B']],
    },
    {
      name: 'directed roots keep the order',
      events: [
        ev({ doc: 'A', date: '2024-10-28', cameo: '190', source_key: 'RUS', target_key: 'UKR' }),
        ev({ doc: 'B', date: '2024-10-28', cameo: '190', source_key: 'UKR', target_key: 'RUS' }),
      ],
      expect: [['A'], ['B']],
    },
    {
      name: 'places in different countries stay apart',
      events: [
        ev({ doc: 'A', date: '2024-10-28', place_name: 'Kursk', place_country: 'RUS' }),
        ev({ doc: 'B', date: '2024-10-28', place_name: 'Kyiv', place_country: 'UKR' }),
      ],
      expect: [['A'], ['B']],
    },
    {
      name: 'a vague date meets only the same interval',
      events: [
        ev({ doc: 'A', date: '2024-06-01', to: '2024-06-30', cameo: '057' }),
        ev({ doc: 'B', date: '2024-06-01', to: '2024-06-30', cameo: '057' }),
        ev({ doc: 'C', date: '2024-06-15', cameo: '057' }),
      ],
      expect: [['A', 'B'], ['C']],
    },
    {
      name: 'no known actor: only within its own article',
      events: [
        ev({ doc: 'A', date: '2024-10-28', source_key: null, target_key: null }),
        ev({ doc: 'A', date: '2024-10-28', source_key: null, target_key: null }),
        ev({ doc: 'B', date: '2024-10-28', source_key: null, target_key: null }),
      ],
      expect: [['A', 'A'], ['B']],
    },
    {
      name: 'a statement needs both actors to merge across articles',
      events: [
        ev({ doc: 'A', date: '2024-10-28', cameo: '010', target_key: null }),
        ev({ doc: 'B', date: '2024-10-28', cameo: '010', target_key: null }),
      ],
      expect: [['A'], ['B']],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      assert.deepEqual(groups(c.events), c.expect);
    });
  }

  it('does not depend on input order', () => {
    const events = [
      ev({ doc: 'A', date: '2024-10-28' }),
      ev({ doc: 'B', date: '2024-10-29' }),
      ev({ doc: 'C', date: '2024-10-28', cameo: '190' }),
      ev({ doc: 'D', date: '2024-11-02' }),
    ];
    const ids = (list: EventRow[]) =>
      mergeEvents(list, rules)
        .mentions.map((m) => `${m.story_id}:${m.doc_id}`)
        .sort();
    assert.deepEqual(ids([...events].reverse()), ids(events));
  });
});

describe('merge: counts and contradictions', () => {
  it('counts documents, outlets and sources (speakers, or outlets in their own voice)', () => {
    const out = mergeEvents(
      [
        ev({ doc: 'A', date: '2024-10-28', attribution_key: 'USA', attribution_name: 'Pentagon' }),
        ev({ doc: 'B', date: '2024-10-28', attribution_key: 'USA', attribution_name: 'Pentagon' }),
        ev({ doc: 'C', date: '2024-10-28', outlet: 'Outlet A' }),
      ],
      rules,
    );
    assert.equal(out.stories.length, 1);
    const s = out.stories[0]!;
    assert.deepEqual(
      [s.n_mentions, s.n_documents, s.n_outlets, s.n_sources, s.outlets],
      [3, 3, 2, 2, JSON.stringify(['Outlet A', 'Outlet B'])],
    );
  });

  const q = (value: number, qualifier: string | null, approximate: number, text: string) => ({
    quantity_value: value,
    quantity_unit: 'troops',
    quantity_qualifier: qualifier,
    quantity_approximate: approximate,
    quantity_text: text,
  });
  const table: { name: string; a: Partial<EventRow>; b: Partial<EventRow>; kinds: string[] }[] = [
    {
      name: 'about 10,000 vs up to 8,000 conflict',
      a: q(10000, 'about', 1, 'about 10,000 troops'),
      b: q(8000, 'up to', 0, 'up to 8,000 troops'),
      kinds: ['quantity'],
    },
    {
      name: 'about 10,000 vs 11,000 agree',
      a: q(10000, 'about', 1, 'about 10,000 troops'),
      b: q(11000, null, 0, '11,000 troops'),
      kinds: [],
    },
    {
      name: 'more than 5,000 vs 12,000 agree',
      a: q(5000, 'more than', 0, 'more than 5,000 troops'),
      b: q(12000, null, 0, '12,000 troops'),
      kinds: [],
    },
    {
      name: 'asserted vs denied by another source',
      a: { attribution_key: 'USA' },
      b: { attribution_key: 'RUS', attribution_name: 'Kremlin', polarity: 'negative' },
      kinds: ['polarity'],
    },
    {
      name: 'asserted vs left unconfirmed',
      a: {},
      b: { attribution_key: 'RUS', polarity: 'unconfirmed' },
      kinds: ['polarity'],
    },
  ];
  for (const t of table) {
    it(t.name, () => {
      const out = mergeEvents(
        [ev({ doc: 'A', date: '2024-10-28', ...t.a }), ev({ doc: 'B', date: '2024-10-28', ...t.b })],
        rules,
      );
      assert.equal(out.stories.length, 1);
      assert.deepEqual(
        out.contradictions.map((c) => c.kind),
        t.kinds,
      );
      assert.equal(out.stories[0]!.contradicted, t.kinds.length ? 1 : 0);
    });
  }

  it('records why every mention joined', () => {
    const out = mergeEvents(
      [ev({ doc: 'A', date: '2024-10-28' }), ev({ doc: 'B', date: '2024-10-29' })],
      rules,
    );
    const [first, second] = out.mentions.map((m) => JSON.parse(m.reason));
    assert.deepEqual(first, { anchor: true });
    assert.match(second.code, /root 07/);
    assert.match(second.actors, /PRK → RUS ~ PRK → RUS/);
    assert.match(second.dates, /2024-10-29\.\.2024-10-29 meets 2024-10-28\.\.2024-10-28 ±1d/);
  });

  it('nothing to merge gives nothing', () => {
    assert.deepEqual(mergeEvents([], rules), { stories: [], mentions: [], contradictions: [] });
  });
});
