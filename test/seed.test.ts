/**
 * End-to-end golden test: the seed article through the built CLI, scored by the shared checker
 * (not string-compared): every non-event item must be found, and the checker must pass as a whole
 * (at least 90% of all items and every required event).
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { repoRoot, sharedPath } from './shared-path.js';

const article = sharedPath('seed', 'north-korea-troops-2024-10-28.txt');

function extractSeed(): { json: string; out: string } {
  const json = execFileSync(
    process.execPath,
    [path.join(repoRoot, 'bin', 'sitrep.js'), 'extract', article, '--json'],
    {
      encoding: 'utf8',
    },
  );
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'sitrep-seed-')), 'seed.json');
  writeFileSync(out, json);
  return { json, out };
}

describe('seed article (golden, scored by ../shared/tools/check_extract.py)', () => {
  const { json, out } = extractSeed();
  const doc = JSON.parse(json);
  const text = readFileSync(article, 'utf8');

  it('every span in the output is the text at its offsets', () => {
    const spans: { start: number; end: number; text: string }[] = [
      ...doc.times,
      ...doc.places,
      ...doc.quantities,
      ...doc.quotes,
      ...doc.actors.flatMap((a: { mentions: unknown[] }) => a.mentions),
      ...doc.events.map((e: { evidence: unknown }) => e.evidence),
    ];
    for (const s of spans) assert.equal(text.slice(s.start, s.end), s.text);
  });

  it('finds every actor, role, mention, time, place and quantity item', () => {
    const r = spawnSync(
      'python3',
      [sharedPath('tools', 'check_extract.py'), sharedPath('seed', 'expected.json'), out],
      {
        encoding: 'utf8',
      },
    );
    const misses = r.stdout
      .split('\n')
      .filter((l) => l.startsWith('MISS') && !l.startsWith('MISS event') && !l.startsWith('MISS quote'));
    assert.deepEqual(misses, [], r.stdout);
  });

  it('passes the checker: at least 90% of all items and every required event (exit 0)', () => {
    const r = spawnSync(
      'python3',
      [sharedPath('tools', 'check_extract.py'), sharedPath('seed', 'expected.json'), out],
      { encoding: 'utf8' },
    );
    assert.equal(r.status, 0, r.stdout + r.stderr);
  });
});
