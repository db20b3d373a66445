/**
 * The map's grid clustering (web/src/grid-cluster): points in one cell merge at their weighted
 * centre, points in different cells stay apart, the order is deterministic. Pure, no browser.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gridCluster } from '../../web/src/grid-cluster.js';

describe('gridCluster', () => {
  it('merges points of one cell at the weighted centre and keeps other cells apart', () => {
    const c = gridCluster(
      [
        { x: 10, y: 10, weight: 1, item: 'a' },
        { x: 40, y: 10, weight: 3, item: 'b' },
        { x: 200, y: 200, weight: 2, item: 'c' },
        { x: Number.NaN, y: 0, weight: 9, item: 'bad' },
      ],
      50,
    );
    assert.equal(c.length, 2);
    assert.deepEqual(c[0], { x: 32.5, y: 10, weight: 4, items: ['a', 'b'] });
    assert.deepEqual(c[1], { x: 200, y: 200, weight: 2, items: ['c'] });
  });

  it('gives the same clusters whatever the input order', () => {
    const pts = [
      { x: 1, y: 1, weight: 1, item: 1 },
      { x: 120, y: 5, weight: 1, item: 2 },
      { x: 300, y: 5, weight: 1, item: 3 },
    ];
    const a = gridCluster(pts, 100).map((c) => [c.x, c.y]);
    const b = gridCluster([...pts].reverse(), 100).map((c) => [c.x, c.y]);
    assert.deepEqual(a, b);
  });
});
