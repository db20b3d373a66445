import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { haversineKm } from './geo.js';
import { accuracy, mean } from './metrics.js';

describe('accuracy and mean', () => {
  it('is 1 when all are right, 0 when none or nothing, a fraction in between', () => {
    assert.equal(accuracy(4, 4), 1);
    assert.equal(accuracy(0, 4), 0);
    assert.equal(accuracy(0, 0), 0);
    assert.equal(accuracy(1, 2), 0.5);
    assert.equal(mean([]), 0);
    assert.equal(mean([1, 2, 3]), 2);
  });
});

describe('haversine km', () => {
  it('is 0 for the same point', () => {
    assert.equal(haversineKm(50.85, 4.35, 50.85, 4.35), 0);
  });

  it('measures known distances within 1%', () => {
    // Brussels – Paris is about 264 km; London – New York about 5,570 km.
    const bp = haversineKm(50.8503, 4.3517, 48.8566, 2.3522);
    assert.ok(Math.abs(bp - 264) < 3, `${bp}`);
    const ln = haversineKm(51.5074, -0.1278, 40.7128, -74.006);
    assert.ok(Math.abs(ln - 5570) < 56, `${ln}`);
  });

  it('is symmetric and handles the antimeridian', () => {
    assert.equal(haversineKm(10, 20, 30, 40), haversineKm(30, 40, 10, 20));
    const d = haversineKm(0, 179.5, 0, -179.5);
    assert.ok(d > 110 && d < 112, `${d}`);
  });
});
