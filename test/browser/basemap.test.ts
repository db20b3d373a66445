/**
 * The offline basemap (web/src/basemap): rings crossing the antimeridian are unwrapped so leaflet
 * draws no streak across the map, and every country but Antarctica is there. Pure, no browser.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { basemap, unwrapRing } from '../../web/src/basemap.js';

describe('basemap', () => {
  it('unwraps a ring that crosses the antimeridian', () => {
    assert.deepEqual(
      unwrapRing([
        [170, 60],
        [179, 61],
        [-179, 62],
        [-170, 63],
        [170, 60],
      ]),
      [
        [170, 60],
        [179, 61],
        [181, 62],
        [190, 63],
        [170, 60],
      ],
    );
  });

  it('has no step longer than 180 degrees in any ring, and no Antarctica', () => {
    const map = basemap();
    assert.ok(map.features.length > 150, `${map.features.length} countries`);
    assert.ok(!map.features.some((f) => String(f.id) === '010'));
    for (const f of map.features) {
      const g = f.geometry;
      const polygons =
        g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
      for (const ring of polygons.flat()) {
        for (let i = 1; i < ring.length; i++) {
          assert.ok(Math.abs(ring[i]![0]! - ring[i - 1]![0]!) <= 180, `${f.properties?.name} ring step`);
        }
      }
    }
  });
});
