/**
 * Two `sitrep ingest` processes on one store share the work: the second waits for the first and
 * skips what it stored, so every article is extracted once (embedded store and PostgreSQL).
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { runPg, schemaUrl } from './pg-test-db.js';
import { articles } from './queue/pg-schemas.js';
import { repoRoot } from './shared-path.js';

const bin = path.join(repoRoot, 'bin', 'sitrep.js');

function ingest(db: string, file: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, 'ingest', file, '--db', db, '--jobs', '1'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

const storedOf = (out: string) => Number(/(\d+) stored, (\d+) already stored/.exec(out)?.[1] ?? Number.NaN);

async function twoAtOnce(db: string) {
  const dir = mkdtempSync(path.join(tmpdir(), 'sitrep-lock-'));
  const file = path.join(dir, 'c.jsonl');
  const n = 40;
  writeFileSync(
    file,
    `${articles(n, 'lock')
      .map((a) => JSON.stringify(a))
      .join('\n')}\n`,
  );
  const [a, b] = await Promise.all([ingest(db, file), ingest(db, file)]);
  assert.equal(a.code, 0, a.stderr);
  assert.equal(b.code, 0, b.stderr);
  // Every article extracted and stored by exactly one of the two runs.
  assert.equal(storedOf(a.stdout) + storedOf(b.stdout), n, `${a.stdout}\n${b.stdout}`);
  assert.match(a.stderr + b.stderr, /waiting for another sitrep ingest/);
}

describe('concurrent sitrep ingest into one store', () => {
  it('embedded: the second run waits and skips what the first stored', async () => {
    await twoAtOnce(mkdtempSync(path.join(tmpdir(), 'sitrep-lock-db-')));
  });
  it('PostgreSQL: the same through an advisory lock per schema', async () => {
    const schema = `ingest_lock_${process.pid}_${Date.now()}`;
    await runPg(`CREATE SCHEMA ${schema}`);
    try {
      await twoAtOnce(schemaUrl(schema));
    } finally {
      await runPg(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    }
  });
});
