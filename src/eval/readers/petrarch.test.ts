import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isCameoCode, parseCameoVerbs, parsePetrarchRecords, petrarchSplit } from './petrarch.js';

describe('PETRARCH reader', () => {
  it('keeps valid CAMEO codings, drops error records and test-only codes, keeps noevents sentences', () => {
    const jsonl = [
      '{"id": "AFP_1", "date": "20080806", "category": "AFP", "text": "Brazil and the United States are seeking a partnership.", "eventCodings": [{"eventcode": "031", "sourcecode": "BRA", "targetcode": "USA"}, {"eventcode": "031", "sourcecode": "USA", "targetcode": "---"}]}',
      '{"id": "ERR_1", "date": "20080806", "category": "ERROR", "text": "Broken.", "eventCodings": [{"error": "too long"}]}',
      '{"id": "X_1", "date": "20080806", "category": "VERB", "text": "Gondor delayed talks.", "eventCodings": [{"eventcode": "913", "sourcecode": "GON", "targetcode": "ARN"}]}',
      '{"id": "N_1", "date": "20080806", "category": "GOLD", "text": "Nothing happened.", "eventCodings": [{"noevents": "True"}]}',
      '{"id": "E_1", "date": "20080806", "category": "OTHER", "text": "", "eventCodings": [{"eventcode": "190"}]}',
    ].join('\n');
    const recs = parsePetrarchRecords(jsonl);
    assert.deepEqual(
      recs.map((r) => r.id),
      ['AFP_1', 'N_1'],
    );
    assert.equal(recs[0]!.date, '2008-08-06');
    assert.deepEqual(recs[0]!.codings, [
      { code: '031', source: 'BRA', target: 'USA' },
      { code: '031', source: 'USA', target: null },
    ]);
    assert.equal(recs[1]!.noEvents, true);
    assert.deepEqual(recs[1]!.codings, []);
  });

  it('knows CAMEO codes and the split of each category', () => {
    assert.ok(isCameoCode('01') && isCameoCode('0841') && isCameoCode('20'));
    assert.ok(!isCameoCode('21') && !isCameoCode('913') && !isCameoCode('00') && !isCameoCode('---'));
    assert.equal(petrarchSplit('AFP'), 'test');
    assert.equal(petrarchSplit('GOLD'), 'test');
    assert.equal(petrarchSplit('PASSIVE'), 'dev');
  });

  it('reads default verb codes: own code, else the block code; irregular forms; no patterns', () => {
    const dict = [
      '&CURRENCY',
      '+DOLLAR',
      '---  ASK   [---]  ---',
      '+ASK_FOR {+ASKED_FOR} [020]',
      'ASK     [020]',
      'WONDER ',
      '- * ARREST                                            [020]         # REQUEST',
      '---  EXPLAIN_VERBAL   [010]  ---',
      'SAY  {SAYS SAID SAYING}',
      'REPORT [---]',
      '---  ATTACK   [190]  ---',
      'STRIKE {STRIKES STRUCK} # a comment [999]',
      '~ a (a b ATTACK) SAY = a b 015',
    ].join('\n');
    const verbs = parseCameoVerbs(dict);
    assert.deepEqual(Object.fromEntries(verbs), {
      ask: '020',
      say: '010',
      says: '010',
      said: '010',
      saying: '010',
      strike: '190',
      strikes: '190',
      struck: '190',
      attack: '190',
    });
  });
});
