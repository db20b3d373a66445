import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { main } from '../main.js';

/** Runs the CLI in-process and captures what it prints. */
async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const write = { out: process.stdout.write, err: process.stderr.write };
  // The test runner reports to its parent through this process's stdout in binary frames, possibly
  // while a test awaits: those pass through; the CLI's own output is text.
  process.stdout.write = ((s: string | Uint8Array, ...rest: unknown[]) => {
    if (typeof s !== 'string')
      return (write.out as (...a: unknown[]) => boolean).call(process.stdout, s, ...rest);
    out += s;
    return true;
  }) as typeof process.stdout.write;
  process.stderr.write = ((s: string) => {
    err += s;
    return true;
  }) as typeof process.stderr.write;
  try {
    const code = await main(['node', 'sitrep', ...args]);
    return { code, out, err };
  } finally {
    process.stdout.write = write.out;
    process.stderr.write = write.err;
  }
}

describe('sitrep eval (CLI)', () => {
  it('names a missing data folder and the way out, exit 1', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'sitrep-eval-cli-'));
    const r = await run('eval', 'entities', '--data', empty);
    assert.equal(r.code, 1);
    assert.match(r.err, /^sitrep eval: .*conll2003 not found \(use --data DIR\)\n$/);
    assert.equal(r.out, '');
  });

  it('refuses a bad split, a bad number and an unknown suite as usage errors (exit 2)', async () => {
    assert.equal((await run('eval', 'times', '--split', 'final')).code, 2);
    assert.equal((await run('eval', 'times', '--limit', 'ten')).code, 2);
    const r = await run('eval', 'weather');
    assert.equal(r.code, 2);
    assert.match(r.err, /unknown suite 'weather'/);
  });

  it('prints the issue JSON shape with --json and writes a QUALITY page with --markdown', async () => {
    const md = path.join(mkdtempSync(path.join(tmpdir(), 'sitrep-eval-md-')), 'QUALITY.md');
    const r = await run('eval', 'seed', '--json', '--markdown', md);
    assert.equal(r.code, 0, r.err);
    const json = JSON.parse(r.out);
    assert.equal(json.suite, 'seed');
    assert.equal(json.split, 'dev');
    assert.equal(json.n, 1);
    assert.equal(json.peer, null);
    assert.ok(json.metrics.items >= 0 && json.metrics.items <= 1);
    assert.equal(typeof json.seconds, 'number');
    assert.match(readFileSync(md, 'utf8'), /^# Sitrep quality\n[\s\S]*## `seed`/);
  });

  it('prints an aligned table and the misses asked for', async () => {
    const r = await run('eval', 'times', '--limit', '2', '--errors', '3');
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^times \(dev, n=2, [\d.]+ s\)\nmetric +sitrep +chrono-node/);
    assert.match(r.out, /value_f1 \* +\d\.\d{3} +\d\.\d{3}/);
    assert.match(r.out, /times: (\d+ misses|no misses collected)/);
  });
});
