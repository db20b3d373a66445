/**
 * `sitrep ... | head`: when the reader closes the pipe early the CLI stops quietly with exit 0 (no
 * "Unhandled 'error' event" trace). Runs the built CLI (npm test builds first).
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { it } from 'node:test';

const root = path.resolve(import.meta.dirname, '..');

it('a closed stdout pipe ends the CLI quietly', async () => {
  const file = path.join(root, 'examples', 'north-korea-troops.txt');
  // Enough output (about a megabyte of JSON lines) that writes go on after the reader has gone.
  const child = spawn(
    process.execPath,
    [path.join(root, 'bin', 'sitrep.js'), 'extract', '--json', ...Array(40).fill(file)],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  child.stdout.once('data', () => child.stdout.destroy());
  const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
  assert.equal(stderr, '');
  assert.equal(code, 0);
});
