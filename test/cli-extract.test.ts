/**
 * `sitrep extract` through the built CLI: bad inputs give one clear line naming the input and a
 * non-zero exit, never a stack trace, and the other files still go through.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { repoRoot } from './shared-path.js';

const bin = path.join(repoRoot, 'bin', 'sitrep.js');
const dir = mkdtempSync(path.join(tmpdir(), 'sitrep-cli-'));
const good = path.join(dir, 'good.txt');
writeFileSync(
  good,
  'NATO Secretary-General Mark Rutte told reporters in Brussels on Monday that about 3,000 troops had left.',
);
const empty = path.join(dir, 'empty.txt');
writeFileSync(empty, '');
const binary = path.join(dir, 'blob.bin');
writeFileSync(binary, Buffer.from([0, 1, 2, 3, 0, 255, 254, 0]));

function run(args: string[], input?: string) {
  return spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', input });
}

describe('sitrep extract (CLI)', () => {
  it('prints one sitrep.extract/1 JSON document per line for several files', () => {
    const r = run(['extract', good, good, '--json', '--published', '2024-10-28']);
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stdout.trim().split('\n');
    assert.equal(lines.length, 2);
    const doc = JSON.parse(lines[0]!);
    assert.equal(doc.schema, 'sitrep.extract/1');
    assert.equal(doc.document.published, '2024-10-28');
    assert.match(doc.document.id, /^sha256:[0-9a-f]{64}$/);
    for (const key of ['actors', 'times', 'places', 'quantities', 'quotes', 'events']) {
      assert.ok(Array.isArray(doc[key]), key);
    }
  });

  it('reads standard input with -', () => {
    const r = run(
      ['extract', '-', '--json'],
      'The minister said on Monday (March 4, 2024) that talks would resume.',
    );
    assert.equal(r.status, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).document.published, '2024-03-04');
  });

  it('a date given on the command line wins over the text', () => {
    const r = run(['extract', '-', '--json', '--published', '2024-03-05'], 'Said on Monday (March 4, 2024).');
    assert.equal(JSON.parse(r.stdout).document.published, '2024-03-05');
  });

  it('goes on past bad files, names each in one line, and exits non-zero', () => {
    const missing = path.join(dir, 'missing.txt');
    const r = run(['extract', empty, good, binary, missing, '--json']);
    assert.equal(r.status, 1);
    assert.equal(r.stdout.trim().split('\n').length, 1, 'the good file went through');
    const errors = r.stderr.trim().split('\n');
    assert.equal(errors.length, 3, r.stderr);
    assert.ok(errors[0]!.includes(empty));
    assert.ok(errors[1]!.includes(binary));
    assert.ok(errors[2]!.includes(missing));
    assert.ok(!/\n\s+at /.test(r.stderr), 'no stack trace');
  });

  it('rejects a malformed --published with a usage error', () => {
    const r = run(['extract', good, '--published', '28/10/2024']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--published 28\/10\/2024/);
  });

  it('prints a readable summary by default', () => {
    const r = run(['extract', good, '--published', '2024-10-28']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /published 2024-10-28/);
    assert.match(r.stdout, /Actors \(/);
  });
});
