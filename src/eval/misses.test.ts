import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { contextAround, MissLog } from './misses.js';

describe('miss log', () => {
  it('shows ±60 characters around the span, on one line, the span marked', () => {
    const text = `${'a'.repeat(70)} Kursk\nregion ${'b'.repeat(70)}`;
    const c = contextAround(text, 71, 76);
    assert.equal(c, `…${'a'.repeat(59)} ⟦Kursk⟧ region ${'b'.repeat(52)}…`);
    assert.equal(contextAround('in Kyiv.', 3, 7), 'in ⟦Kyiv⟧.');
  });

  it('spreads the misses over documents, round-robin, up to the limit', () => {
    const log = new MissLog(3);
    log.startDocument();
    for (let i = 0; i < 5; i++) log.add('missed', `a${i}`, '—', 'text', 0, 4);
    log.startDocument();
    log.add('missed', 'b0', '—', 'text', 0, 4);
    assert.deepEqual(
      log.misses.map((m) => m.expected),
      ['a0', 'b0', 'a1'],
    );
  });

  it('collects nothing with a limit of 0', () => {
    const log = new MissLog(0);
    log.add('missed', 'x', '—', 'text', 0, 4);
    assert.deepEqual(log.misses, []);
  });
});
