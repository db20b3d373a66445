/**
 * Smoke test of `sitrep eval all` through the function API on a tiny limit: every suite runs on the
 * real gold data beside the project and returns the documented shape with metrics in range. Values
 * are not asserted (they move as the stages improve); shapes and ranges are.
 */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { isSitrepError } from '../core/errors.js';
import { formatResult, formatSummary } from './format.js';
import { renderQualityMarkdown } from './quality-markdown.js';
import { resultJson, runEval, suiteNames } from './run-eval.js';
import type { EvalResult } from './suite.js';

/** Keys that are not fractions: `_km`, `_s` (contract), and `n_` counts. */
const unbounded = (k: string) => k.endsWith('_km') || k.endsWith('_s') || k.startsWith('n_');

function assertMetrics(suite: string, metrics: Record<string, number>): void {
  assert.ok(Object.keys(metrics).length > 0, `${suite}: no metrics`);
  for (const [k, v] of Object.entries(metrics)) {
    assert.equal(typeof v, 'number', `${suite}.${k}`);
    assert.ok(Number.isFinite(v), `${suite}.${k} = ${v}`);
    if (unbounded(k)) assert.ok(v >= 0, `${suite}.${k} = ${v}`);
    else assert.ok(v >= 0 && v <= 1, `${suite}.${k} = ${v} is not a fraction`);
  }
}

describe('sitrep eval all (smoke, --limit 2)', () => {
  let results: EvalResult[] = [];

  it('runs every suite and returns the documented JSON shape with metrics in 0..1', async () => {
    results = await runEval('all', { split: 'dev', limit: 2, errors: 3 });
    assert.deepEqual(
      results.map((r) => r.suite),
      suiteNames().filter((n) => n !== 'all'),
    );
    for (const r of results) {
      const json = resultJson(r, false);
      assert.deepEqual(Object.keys(json).sort(), [
        'headline',
        'metrics',
        'n',
        'peer',
        'seconds',
        'split',
        'suite',
      ]);
      assert.equal(r.split, 'dev');
      assert.ok(Number.isInteger(r.n) && r.n >= 0 && r.n <= 2, `${r.suite}: n = ${r.n}`);
      assert.ok(r.seconds >= 0);
      assert.ok(r.headline in r.metrics, `${r.suite}: headline ${r.headline} missing`);
      assertMetrics(r.suite, r.metrics);
      if (r.peer !== null) {
        assert.equal(typeof r.peer.name, 'string');
        assertMetrics(`${r.suite} peer`, r.peer.metrics);
      }
      assert.ok(r.misses.length <= 3);
      for (const m of r.misses)
        for (const f of ['kind', 'expected', 'got', 'context'] as const) assert.equal(typeof m[f], 'string');
    }
    // My suites name their headline keys as the issue does.
    const headline = Object.fromEntries(results.map((r) => [r.suite, r.headline]));
    assert.equal(headline.seed, 'items');
    assert.equal(headline.times, 'value_f1');
    assert.equal(headline.entities, 'f1');
    assert.equal(headline.places, 'accuracy_161km');
  });

  it('renders tables and a QUALITY page from the results', () => {
    for (const r of results) assert.match(formatResult(r), new RegExp(`^${r.suite} \\(dev, n=`));
    assert.equal(formatSummary(results).split('\n').length, results.length + 2);
    const md = renderQualityMarkdown(results, {
      command: 'sitrep eval all',
      date: '2024-10-28',
      pipeline: 'x@1',
    });
    assert.match(md, /^# Sitrep quality/);
    assert.match(md, /Date: 2024-10-28/);
    for (const r of results) assert.ok(md.includes(`## \`${r.suite}\``));
  });

  it('refuses a missing data folder with a clear error naming it', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'sitrep-eval-'));
    await assert.rejects(
      () => runEval('entities', { dataDir: empty }),
      (err: unknown) =>
        isSitrepError(err) &&
        err.code === 'INPUT_NOT_FOUND' &&
        err.message.endsWith(`${path.join('conll2003')} not found (use --data DIR)`) &&
        err.message.includes(path.basename(empty)),
    );
  });

  it('refuses an unknown suite', async () => {
    await assert.rejects(() => runEval('nope'), /unknown suite 'nope'/);
  });
});
