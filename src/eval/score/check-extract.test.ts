import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkExtract, norm } from './check-extract.js';

/** A tiny expected file in the seed's format, covering every item kind. */
const gold = {
  actors: [
    { id: 'RUS', any_code: ['RUS'], any_name: ['Russia'], mentions_at_least: ['Russia', 'Moscow'] },
    { id: 'LAVROV', person: 'Sergey Lavrov', country: 'RUS', role_words: ['Foreign Minister'] },
  ],
  times: [{ text: 'last June', start: 40, from: '2024-06-01', to: '2024-06-30' }],
  places: [{ name: 'Kursk', country: 'RUS', lat: 51.7, lon: 36.2, tolerance_deg: 1.5 }],
  quantities: [{ value: 10000, unit_words: ['troop'], approximate: true }],
  quotes: [{ speaker: 'LAVROV', contains: 'no comment' }],
  events: [
    { id: 'e', what: 'Russia rejects', source: ['RUS', 'LAVROV'], cameo_root: ['12'], required: true },
  ],
};

const perfect = {
  actors: [
    {
      id: 'a1',
      name: 'Russia',
      code: 'RUS',
      mentions: [{ text: 'Russia' }, { text: 'Moscow' }],
    },
    { id: 'a2', name: 'Sergey Lavrov', country: 'RUS', roles: ['Foreign Minister'], mentions: [] },
  ],
  times: [{ id: 't1', text: 'last June', start: 40, from: '2024-06-01', to: '2024-06-30' }],
  places: [{ id: 'p1', name: 'Kursk Oblast', text: 'Kursk', country: 'RUS', lat: 51.5, lon: 36.0 }],
  quantities: [{ id: 'q1', value: 10000, unit: 'troops', approximate: true }],
  quotes: [{ text: '"No comment," he said', speaker: 'a2' }],
  events: [{ id: 'e1', cameo: '120', source: 'a2' }],
};

describe('seed checker (port of check_extract.py)', () => {
  it('normalises like the Python norm()', () => {
    assert.equal(norm('Mr. Rutte’s  NATO-led'), 'mr rutte s nato led');
    assert.equal(norm(null), '');
  });

  it('scores a perfect output 1.0 with every required event', () => {
    const r = checkExtract(gold, perfect);
    assert.deepEqual(r.misses, []);
    assert.equal(r.hits.length, 17);
    assert.equal(r.requiredFound, 1);
    assert.equal(r.requiredTotal, 1);
  });

  it('scores an empty output 0', () => {
    const r = checkExtract(gold, {});
    assert.equal(r.hits.length, 0);
    assert.equal(r.misses.length, 7);
    assert.equal(r.requiredFound, 0);
  });

  it('scores a half-right output in between, naming each miss', () => {
    const half = {
      ...perfect,
      actors: [perfect.actors[0]],
      times: [{ id: 't1', text: 'June', start: 45, from: '2025-06-01', to: '2025-06-30' }],
      places: [{ id: 'p1', name: 'Kursk', country: 'USA', lat: 37.1, lon: -95.7 }],
    };
    const r = checkExtract(gold, half);
    assert.ok(r.hits.length > 0 && r.misses.length > 0);
    assert.ok(r.misses.includes('actor Sergey Lavrov'));
    assert.ok(r.misses.some((m) => m.startsWith("time 'last June': value")));
    assert.ok(r.misses.includes('place Kursk: country ["RUS"]'));
    assert.ok(r.misses.includes('place Kursk: coordinates near 51.7,36.2'));
    // The quote's speaker and the event's source were Lavrov, now missing.
    assert.ok(r.misses.includes("quote 'no comment': speaker LAVROV"));
    assert.equal(r.requiredFound, 0);
  });

  it('places times by start_text when the gold has no offset', () => {
    const g = { times: [{ text: 'Monday', start_text: 'on Monday', from: '2024-10-28', to: '2024-10-28' }] };
    const body = 'Officials said on Monday that';
    const out = { times: [{ id: 't1', text: 'Monday', start: 18, from: '2024-10-28', to: '2024-10-28' }] };
    assert.deepEqual(checkExtract(g, out, body).misses, []);
  });
});
