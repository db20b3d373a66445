import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  interleaveCategories,
  normaliseCountryCode,
  normalisePlover,
  parseCameoToPlover,
  parsePloverRecords,
  ploverOfCameo,
  ploverSplit,
} from './plover.js';

describe('PLOVER reader', () => {
  it('reads records, skips documentation records, maps 0.5b1 names and non-ISO codes', () => {
    const jsonl = [
      '{"id": "PLOVER-GSR01-DOCUMENT-0001", "event": "DOCUMENT", "eventText": "docs"}',
      '{"id": "PLOVER-GSR01-DEMAND-0007", "date": "2000-01-01", "source": [{"actorText": "Japan", "code": "JAP"}], "target": "", "event": "DEMAND", "text": "Japan demanded talks."}',
      '{"id": "PLOVER-GSR01-AGREE-0002", "date": "2000-01-01", "source": [{"actorText": "A", "code": "HUN"}, {"actorText": "B", "code": "ROU"}, {"actorText": "C", "code": "HUN"}], "event": "AGREE", "text": "They agreed."}',
    ].join('\n');
    const [a, b, ...rest] = parsePloverRecords(jsonl);
    assert.equal(rest.length, 0);
    assert.deepEqual(
      [a!.id, a!.event, a!.eventAsGiven, a!.source, a!.target],
      ['PLOVER-GSR01-DEMAND-0007', 'REQUEST', 'DEMAND', ['JPN'], []],
    );
    assert.deepEqual(b!.source, ['HUN', 'ROU']);
  });

  it('splits by record number: odd numbers are dev, even ones test', () => {
    assert.equal(ploverSplit('PLOVER-GSR01-AGREE-0001'), 'dev');
    assert.equal(ploverSplit('PLOVER-GSR01-AGREE-0010'), 'test');
  });

  it('normalises type names and codes', () => {
    assert.equal(normalisePlover(' fight '), 'ASSAULT');
    assert.equal(normalisePlover('DISAPPROVE'), 'ACCUSE');
    assert.equal(normalisePlover('INVESTIGATE'), 'ACCUSE');
    assert.equal(normalisePlover('AID'), 'AID');
    assert.equal(normalisePlover(null), '');
    assert.equal(normaliseCountryCode('itl'), 'ITA');
    assert.equal(normaliseCountryCode('USA'), 'USA');
  });

  it('maps CAMEO codes to PLOVER by the longest listed prefix, first listing winning', () => {
    const table = parseCameoToPlover(
      [
        '# comment',
        '08: CONCEDE',
        '080: CONCEDE,   ,  # Yield',
        '08: RETREAT',
        '084: RETREAT,   ,  # Return, release',
        '16: SANCTION',
        '163: COERCE, restrict,   diplomatic # Impose embargo',
      ].join('\n'),
    );
    assert.equal(ploverOfCameo(table, '0841'), 'RETREAT');
    assert.equal(ploverOfCameo(table, '081'), 'CONCEDE');
    assert.equal(ploverOfCameo(table, '1631'), 'COERCE');
    assert.equal(ploverOfCameo(table, '161'), 'SANCTION');
    assert.equal(ploverOfCameo(table, '010'), '');
  });
});

describe('PLOVER record order', () => {
  it('interleaves categories so a small limit sees them all', () => {
    const jsonl = ['AGREE-0001', 'AGREE-0003', 'AGREE-0005', 'AID-0001', 'AID-0003', 'FIGHT-0001']
      .map((id) => JSON.stringify({ id: `PLOVER-GSR01-${id}`, event: id.split('-')[0], text: 'x' }))
      .join('\n');
    assert.deepEqual(
      interleaveCategories(parsePloverRecords(jsonl)).map((r) => r.id.slice(13)),
      ['AGREE-0001', 'AID-0001', 'FIGHT-0001', 'AGREE-0003', 'AID-0003', 'AGREE-0005'],
    );
  });
});
