import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LayerName, SitrepDocument } from '../core/types.js';
import { MissLog } from './misses.js';
import { SafeExtractor } from './safe-extract.js';

describe('SafeExtractor', () => {
  it('returns the document when the pipeline succeeds, and adds no n_failed', () => {
    const doc = { text: 'ok' } as unknown as SitrepDocument<LayerName>;
    const x = new SafeExtractor(undefined, () => doc);
    assert.equal(x.run('ok', {}), doc);
    assert.deepEqual(x.withFailures({ f1: 0.5 }), { f1: 0.5 });
  });

  it('turns a crash into an empty prediction that is counted and shown among the misses', () => {
    const log = new MissLog(5);
    const x = new SafeExtractor(log, () => {
      throw new RangeError('Invalid time value');
    });
    assert.equal(x.run('He died a few days ago.', {}), null);
    assert.deepEqual(x.withFailures({ f1: 0.5 }), { f1: 0.5, n_failed: 1 });
    assert.equal(log.misses[0]!.kind, 'pipeline error');
    assert.equal(log.misses[0]!.got, 'Invalid time value');
  });
});
