import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import type { PloverRecord } from '../readers/plover.js';
import { type PloverGuess, PloverScorer, ploverSuite } from './events-plover.js';

const record = (id: string, event: string, source: string[], target: string[]): PloverRecord => ({
  id,
  text: `${id} text`,
  event,
  eventAsGiven: event,
  source,
  target,
  date: '2000-01-01',
});
const RECORDS = [record('A-0001', 'ACCUSE', ['IRN'], ['ISR']), record('A-0003', 'AID', ['USA'], [])];
const guess = (
  type: string,
  source: string[],
  target: string[],
  allTypes = type ? [type] : [],
): PloverGuess => ({
  type,
  allTypes,
  sourceCodes: new Set(source),
  targetCodes: new Set(target),
});

describe('PLOVER scorer', () => {
  it('scores a perfect guess 1.0', () => {
    const s = new PloverScorer();
    s.add(RECORDS[0]!, guess('ACCUSE', ['IRN'], ['ISR']));
    s.add(RECORDS[1]!, guess('AID', ['USA', 'USAGOV'], []));
    const m = s.metrics();
    assert.deepEqual([m.type_accuracy, m.source_accuracy, m.target_accuracy, m.coverage], [1, 1, 1, 1]);
    assert.deepEqual([m.n_source_gold, m.n_target_gold], [2, 1]);
  });

  it('scores no events 0, with a miss per wrong field', () => {
    const s = new PloverScorer();
    const misses = [...s.add(RECORDS[0]!, guess('', [], [])), ...s.add(RECORDS[1]!, guess('', [], []))];
    const m = s.metrics();
    assert.deepEqual([m.type_accuracy, m.source_accuracy, m.target_accuracy, m.coverage], [0, 0, 0, 0]);
    assert.deepEqual(
      misses.map((x) => [x.kind, x.expected, x.got]),
      [
        ['type', 'ACCUSE', '(no event)'],
        ['source', 'IRN', '(none)'],
        ['target', 'ISR', '(none)'],
        ['type', 'AID', '(no event)'],
        ['source', 'USA', '(none)'],
      ],
    );
  });

  it('scores a half-right guess in between; a type found only later counts for type_any_accuracy only', () => {
    const s = new PloverScorer();
    s.add(RECORDS[0]!, guess('ACCUSE', ['ISR'], ['IRN']));
    s.add(RECORDS[1]!, guess('CONSULT', ['USA'], [], ['CONSULT', 'AID']));
    const m = s.metrics();
    assert.equal(m.type_accuracy, 0.5);
    assert.equal(m.type_any_accuracy, 1);
    assert.equal(m.source_accuracy, 0.5);
    assert.equal(m.target_accuracy, 0);
  });
});

describe('events-plover suite', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sitrep-plover-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('runs on a plover-gsr-shaped folder, the dev half only, with the first-verb peer', async () => {
    mkdirSync(path.join(dir, 'plover-gsr'), { recursive: true });
    mkdirSync(path.join(dir, 'petrarch2', 'dictionaries'), { recursive: true });
    const lines = [
      {
        id: 'PLOVER-GSR01-DISAPPROVE-0001',
        event: 'DISAPPROVE',
        text: 'Iran accused Israel of the attack.',
        s: 'IRN',
        t: 'ISR',
      },
      {
        id: 'PLOVER-GSR01-DISAPPROVE-0002',
        event: 'DISAPPROVE',
        text: 'Iran accused Israel again.',
        s: 'IRN',
        t: 'ISR',
      },
      { id: 'PLOVER-GSR01-AID-0003', event: 'AID', text: 'Japan sent food to Haiti.', s: 'JAP', t: 'HTI' },
    ].map((r) =>
      JSON.stringify({
        id: r.id,
        date: '2000-01-01',
        source: [{ actorText: 'x', code: r.s }],
        target: [{ actorText: 'y', code: r.t }],
        event: r.event,
        text: r.text,
      }),
    );
    writeFileSync(path.join(dir, 'plover-gsr', 'PLOVER_GSR_CAMEO.jsonl'), `${lines.join('\n')}\n`);
    writeFileSync(
      path.join(dir, 'plover-gsr', 'CAMEO2PLOVER-2021.txt'),
      '07: AID\n11: ACCUSE\n112: ACCUSE, disapprove, # Accuse\n',
    );
    writeFileSync(
      path.join(dir, 'petrarch2', 'dictionaries', 'CAMEO.2.0.txt'),
      '---  ACCUSE   [112]  ---\nACCUSE\n---  SEND   [070]  ---\nSEND {SENDS SENT SENDING}\n',
    );
    const r = await ploverSuite.run({ dataDir: dir, split: 'dev', limit: null, errors: 2 });
    assert.equal(r.n, 2);
    assert.equal(r.headline, 'type_accuracy');
    for (const [k, v] of Object.entries(r.metrics)) if (!k.startsWith('n_')) assert.ok(v >= 0 && v <= 1, k);
    assert.ok(r.misses.length <= 2);
    assert.deepEqual(r.peer!.metrics, {
      type_accuracy: 1,
      source_accuracy: 1,
      target_accuracy: 1,
      type_any_accuracy: 1,
      coverage: 1,
      n_source_gold: 2,
      n_target_gold: 2,
    });
  });
});
