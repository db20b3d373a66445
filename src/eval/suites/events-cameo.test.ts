import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import type { PetrarchRecord } from '../readers/petrarch.js';
import { type CameoGuess, CameoScorer, cameoSuite } from './events-cameo.js';

const rec = (id: string, codings: [string, string | null, string | null][]): PetrarchRecord => ({
  id,
  category: 'AFP',
  date: '2008-08-06',
  text: `${id} text`,
  codings: codings.map(([code, source, target]) => ({ code, source, target })),
  noEvents: codings.length === 0,
});
const RECORDS = [
  rec('meet', [
    ['031', 'BRAGOV', 'USA'],
    ['031', 'USA', 'BRAGOV'],
  ]),
  rec('strike', [['195', 'USA', 'IMGMOS']]),
  rec('quiet', []),
];
const guess = (
  code: string,
  source: string[],
  target: string[],
  allCodes = code ? [code] : [],
): CameoGuess => ({
  code,
  allCodes,
  sourceCodes: new Set(source),
  targetCodes: new Set(target),
});

describe('CAMEO scorer', () => {
  it('scores a perfect guess 1.0 (either direction of a paired event agrees)', () => {
    const s = new CameoScorer();
    s.add(RECORDS[0]!, guess('031', ['USA'], ['BRA']));
    s.add(RECORDS[1]!, guess('195', ['USA'], ['IMG']));
    s.add(RECORDS[2]!, guess('', [], []));
    const m = s.metrics();
    for (const k of ['root_agreement', 'code_agreement', 'root_f1', 'noevent_accuracy', 'coverage'])
      assert.equal(m[k], 1, k);
    // The aligned coding is the first with the same root: BRAGOV → USA, so USA → BRA gets the source wrong.
    assert.equal(m.source_agreement, 0.5);
    assert.equal(m.n_coded, 2);
  });

  it('scores no events 0', () => {
    const s = new CameoScorer();
    for (const r of RECORDS) s.add(r, guess('', [], []));
    const m = s.metrics();
    for (const k of [
      'root_agreement',
      'code_agreement',
      'source_agreement',
      'target_agreement',
      'root_f1',
      'coverage',
    ]) {
      assert.equal(m[k], 0, k);
    }
    assert.equal(m.noevent_accuracy, 1);
  });

  it('scores a half-right guess in between: right root, wrong code; over-coding costs precision', () => {
    const s = new CameoScorer();
    const misses = [
      ...s.add(RECORDS[0]!, guess('036', ['BRA'], ['USA'])),
      ...s.add(RECORDS[1]!, guess('112', ['USA'], [], ['112', '190'])),
      ...s.add(RECORDS[2]!, guess('010', [], [])),
    ];
    const m = s.metrics();
    assert.equal(m.root_agreement, 0.5);
    assert.equal(m.code_agreement, 0);
    assert.equal(m.root_precision, 2 / 4);
    assert.equal(m.root_recall, 2 / 2);
    assert.equal(m.noevent_accuracy, 0);
    assert.deepEqual(
      misses.map((x) => x.kind),
      ['root', 'target', 'spurious event'],
    );
  });
});

describe('events-cameo suite', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sitrep-petrarch-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('runs on a petrarch2-shaped folder, the news categories as test, with the first-verb peer', async () => {
    mkdirSync(path.join(dir, 'petrarch2', 'validation'), { recursive: true });
    mkdirSync(path.join(dir, 'petrarch2', 'dictionaries'), { recursive: true });
    const lines = [
      {
        id: 'AFP_1',
        category: 'AFP',
        text: 'Iran accused Israel of the attack.',
        c: [{ eventcode: '112', sourcecode: 'IRN', targetcode: 'ISRGOV' }],
      },
      { id: 'GOLD_1', category: 'GOLD', text: 'The weather was fine.', c: [{ noevents: 'True' }] },
      {
        id: 'VERB_1',
        category: 'VERB',
        text: 'Russia accused Georgia.',
        c: [{ eventcode: '112', sourcecode: 'RUS', targetcode: 'GEO' }],
      },
    ].map((r) =>
      JSON.stringify({ id: r.id, date: '20080806', category: r.category, text: r.text, eventCodings: r.c }),
    );
    writeFileSync(
      path.join(dir, 'petrarch2', 'validation', 'PETR2_GSR_validation.jsonl'),
      `${lines.join('\n')}\n`,
    );
    writeFileSync(
      path.join(dir, 'petrarch2', 'dictionaries', 'CAMEO.2.0.txt'),
      '---  ACCUSE   [112]  ---\nACCUSE\n',
    );
    const r = await cameoSuite.run({ dataDir: dir, split: 'test', limit: null, errors: 3 });
    assert.equal(r.n, 2);
    assert.equal(r.headline, 'root_agreement');
    for (const [k, v] of Object.entries(r.metrics)) if (!k.startsWith('n_')) assert.ok(v >= 0 && v <= 1, k);
    assert.equal(r.peer!.metrics.root_agreement, 1);
    assert.equal(r.peer!.metrics.source_agreement, 1);
    assert.equal(r.peer!.metrics.target_agreement, 1);
    assert.equal(r.peer!.metrics.noevent_accuracy, 1);
  });
});
