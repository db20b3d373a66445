import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MissLog } from '../misses.js';
import { NerTally } from './ner.js';
import { TimexTally } from './timex.js';
import { MAX_ERROR_KM, ToponymTally } from './toponyms.js';

describe('TimexTally (TempEval-3)', () => {
  const text = 'He left on Friday for three weeks, back in June.';
  const gold = [
    { start: 11, end: 17, type: 'DATE', value: '2013-03-22' },
    { start: 22, end: 33, type: 'DURATION', value: 'P3W' },
  ];

  it('scores a perfect prediction 1.0 on every metric', () => {
    const t = new TimexTally();
    t.add(gold, gold);
    for (const [k, v] of Object.entries(t.metrics())) assert.equal(v, 1, k);
  });

  it('scores an empty prediction 0 on every metric', () => {
    const t = new TimexTally();
    t.add(gold, []);
    for (const [k, v] of Object.entries(t.metrics())) assert.equal(v, 0, k);
  });

  it('scores a half-right prediction in between, relaxed above strict', () => {
    const t = new TimexTally();
    const log = new MissLog(10);
    t.add(
      gold,
      [
        { start: 8, end: 17, type: 'DATE', value: '2013-03-22' }, // "on Friday": relaxed match, right value
        { start: 43, end: 47, type: 'DATE', value: '2013-06' }, // spurious
      ],
      text,
      log,
    );
    const m = t.metrics();
    assert.equal(m.strict_f1, 0);
    assert.equal(m.relaxed_f1, 0.5);
    assert.equal(m.value_f1, 0.5);
    assert.equal(m.value_accuracy, 1);
    assert.equal(m.type_accuracy, 1);
    assert.deepEqual(
      log.misses.map((x) => x.kind),
      ['missed', 'spurious'],
    );
    assert.equal(log.misses[0]!.context, 'He left on Friday for ⟦three weeks⟧, back in June.');
  });

  it('counts a wrong value against value F1 but not against extent F1', () => {
    const t = new TimexTally();
    t.add([gold[0]!], [{ ...gold[0]!, value: '2013-03-29' }]);
    const m = t.metrics();
    assert.equal(m.strict_f1, 1);
    assert.equal(m.value_f1, 0);
    assert.equal(m.value_accuracy, 0);
  });
});

describe('NerTally (CoNLL exact span)', () => {
  const gold = [
    { start: 0, end: 5, label: 'PER' as const },
    { start: 10, end: 15, label: 'ORG' as const },
    { start: 20, end: 25, label: 'LOC' as const },
    { start: 30, end: 35, label: 'MISC' as const },
  ];

  it('scores a perfect prediction 1.0 and an empty one 0', () => {
    const perfect = new NerTally();
    perfect.add(gold, gold);
    for (const [k, v] of Object.entries(perfect.metrics())) assert.equal(v, 1, k);
    const empty = new NerTally();
    empty.add(gold, []);
    for (const [k, v] of Object.entries(empty.metrics())) assert.equal(v, 0, k);
  });

  it('scores a half-right prediction in between; a wrong type is a miss and a false positive', () => {
    const t = new NerTally();
    t.add(gold, [
      { start: 0, end: 5, label: 'PER' },
      { start: 10, end: 15, label: 'LOC' },
      { start: 21, end: 25, label: 'LOC' },
    ]);
    const m = t.metrics();
    assert.equal(m.per_f1, 1);
    assert.equal(m.org_f1, 0);
    assert.equal(m.loc_f1, 0);
    assert.equal(m.precision, 1 / 3);
    assert.equal(m.recall, 1 / 3);
    assert.ok(m.f1! > 0 && m.f1! < 1);
  });

  it('leaves MISC out of the headline F1', () => {
    const t = new NerTally();
    t.add(gold.slice(0, 3), gold.slice(0, 3));
    t.add(gold.slice(3), []);
    const m = t.metrics();
    assert.equal(m.f1, 1);
    assert.equal(m.misc_f1, 0);
    assert.ok(m.f1_with_misc! < 1);
  });
});

describe('ToponymTally (recognition F1, accuracy@161km)', () => {
  const brussels = { start: 0, end: 8, lat: 50.85, lon: 4.35 };
  const kursk = { start: 20, end: 25, lat: 51.73, lon: 36.19 };

  it('scores a perfect prediction 1.0 with no error', () => {
    const t = new ToponymTally();
    t.add([brussels, kursk], [brussels, kursk]);
    const m = t.metrics();
    assert.equal(m.recognition_f1, 1);
    assert.equal(m.accuracy_161km, 1);
    assert.equal(m.accuracy_161km_all, 1);
    assert.equal(m.mean_error_km, 0);
  });

  it('scores an empty prediction 0', () => {
    const t = new ToponymTally();
    t.add([brussels, kursk], []);
    const m = t.metrics();
    assert.equal(m.recognition_f1, 0);
    assert.equal(m.accuracy_161km, 0);
    assert.equal(m.accuracy_161km_all, 0);
  });

  it('scores a half-right prediction in between', () => {
    const t = new ToponymTally();
    // Brussels found (overlapping span) but placed in Paris, 264 km off; Kursk found and right.
    t.add(
      [brussels, kursk],
      [
        { start: 0, end: 10, lat: 48.86, lon: 2.35 },
        { ...kursk, lat: 51.5, lon: 36.0 },
      ],
    );
    const m = t.metrics();
    assert.equal(m.recognition_f1, 1);
    assert.equal(m.recognition_f1_exact, 0.5);
    assert.equal(m.accuracy_161km, 0.5);
    assert.ok(m.mean_error_km! > 130 && m.mean_error_km! < 150, String(m.mean_error_km));
  });

  it('charges the largest error for a found but unresolved toponym, and ignores gold without coordinates', () => {
    const t = new ToponymTally();
    t.add(
      [brussels, { start: 40, end: 45, lat: null, lon: null }],
      [
        { ...brussels, lat: null, lon: null },
        { start: 40, end: 45, lat: 1, lon: 1 },
      ],
    );
    const m = t.metrics();
    assert.equal(m.recognition_f1, 1);
    assert.equal(m.accuracy_161km, 0);
    assert.equal(m.mean_error_km, MAX_ERROR_KM);
    assert.equal(m.unresolved_share, 1);
  });

  it('reports the share of recognised toponyms left unresolved', () => {
    const t = new ToponymTally();
    const other = { start: 40, end: 45, lat: 10, lon: 10 };
    t.add([brussels, other], [{ ...brussels, lat: null, lon: null }, other]);
    assert.equal(t.metrics().unresolved_share, 0.5);
    assert.equal(t.metrics().accuracy_161km, 0.5);
  });
});
