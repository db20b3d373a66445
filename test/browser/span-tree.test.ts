/**
 * The article view's span nesting (web/src/span-tree): nested spans nest, crossing spans are split
 * into fragments at the enclosing span's end, out-of-range and empty spans are dropped, and the
 * tree covers every character exactly once. Pure, no browser.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildSpanTree, type SpanNode } from '../../web/src/span-tree.js';

function flat(n: SpanNode<string>): string[] {
  return n.children.flatMap((c) => [
    `${c.data}[${c.start},${c.end})${c.fragment ? '*' : ''}`,
    ...flat(c).map((s) => `  ${s}`),
  ]);
}

describe('buildSpanTree', () => {
  it('nests contained spans under the longest one starting first', () => {
    const t = buildSpanTree(30, [
      { start: 4, end: 9, data: 'actor' },
      { start: 0, end: 20, data: 'evidence' },
      { start: 12, end: 14, data: 'qty' },
    ]);
    assert.deepEqual(flat(t), ['evidence[0,20)', '  actor[4,9)', '  qty[12,14)']);
  });

  it('splits a span crossing the end of its enclosing span into two fragments', () => {
    const t = buildSpanTree(30, [
      { start: 0, end: 10, data: 'sentence' },
      { start: 6, end: 15, data: 'quote' },
    ]);
    assert.deepEqual(flat(t), ['sentence[0,10)', '  quote[6,10)*', 'quote[10,15)*']);
  });

  it('keeps identical spans as parent and child, and drops empty or out-of-range parts', () => {
    const t = buildSpanTree(10, [
      { start: 2, end: 5, data: 'a' },
      { start: 2, end: 5, data: 'b' },
      { start: 7, end: 7, data: 'empty' },
      { start: 8, end: 50, data: 'tail' },
      { start: Number.NaN, end: 3, data: 'nan' },
    ]);
    assert.deepEqual(flat(t), ['a[2,5)', '  b[2,5)', 'tail[8,10)']);
  });

  it('handles a chain of crossings without losing characters', () => {
    const spans = [
      { start: 0, end: 6, data: 'x' },
      { start: 3, end: 9, data: 'y' },
      { start: 5, end: 12, data: 'z' },
    ];
    const t = buildSpanTree(12, spans);
    // Every fragment of a span together covers exactly its original range.
    for (const s of spans) {
      const covered = new Set<number>();
      const walk = (n: SpanNode<string>) => {
        if (n.data === s.data) for (let i = n.start; i < n.end; i++) covered.add(i);
        n.children.forEach(walk);
      };
      walk(t);
      assert.deepEqual(
        [...covered].sort((a, b) => a - b),
        Array.from({ length: s.end - s.start }, (_, i) => s.start + i),
        s.data,
      );
    }
    // Children never leave their parent.
    const inside = (n: SpanNode<string>): boolean =>
      n.children.every((c) => c.start >= n.start && c.end <= n.end && inside(c));
    assert.ok(inside(t));
  });
});
