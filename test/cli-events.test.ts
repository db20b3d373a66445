/**
 * `sitrep events` through the built CLI (issue 15): a cut list says so on standard error, `--all`
 * streams everything, `--limit 0` is refused, repeated and comma-listed filters are alternatives,
 * and a `--db` that does not exist is an error for the read commands (no empty store is created).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { runMerge } from '../src/merge/run-merge.js';
import { openStore } from '../src/store/open-store.js';
import { toDocumentRows } from '../src/store/rows.js';
import { repoRoot } from './shared-path.js';
import { fixtureDoc, PRK, RUS, UKR, USA } from './store-fixtures.js';

const bin = path.join(repoRoot, 'bin', 'sitrep.js');
const db = mkdtempSync(path.join(tmpdir(), 'sitrep-cli-events-'));

function run(args: string[]) {
  return spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
}

describe('sitrep events (CLI)', () => {
  before(async () => {
    const store = await openStore(db);
    const pairs = [
      [RUS, UKR, '190', 'ASSAULT'],
      [UKR, RUS, '190', 'ASSAULT'],
      [USA, UKR, '070', 'AID'],
      [PRK, RUS, '072', 'AID'],
      [RUS, USA, '111', 'ACCUSE'],
    ] as const;
    await store.putDocuments(
      pairs.map(([s, t, cameo, plover], i) => {
        const text = `${s.name} and ${t.name}: report ${i}.`;
        const doc = fixtureDoc({
          text,
          published: `2024-10-0${i + 1}`,
          outlet: 'Alpha',
          events: [{ cameo, plover, source: s, target: t, evidence: text }],
        });
        return toDocumentRows(doc, {
          input: `${i}.txt`,
          pipeline: 'p@1',
          ingestedAt: '2024-10-29T00:00:00Z',
        });
      }),
    );
    await runMerge(store);
    await store.close();
  });

  it('a cut list says "N of M shown" on standard error; --all gives every event', () => {
    const cut = run(['events', '--db', db, '--csv', '--limit', '2']);
    assert.equal(cut.status, 0, cut.stderr);
    assert.equal(cut.stdout.trim().split('\n').length, 3, 'header and two rows');
    assert.match(cut.stderr, /2 of 5 event\(s\) shown — use --limit N or --all/);
    const all = run(['events', '--db', db, '--json', '--all']);
    assert.equal(all.status, 0, all.stderr);
    assert.equal(all.stdout.trim().split('\n').length, 5);
    assert.equal(all.stderr, '');
  });

  it('--limit 0 is refused (it would mean neither "none" nor "all" to everyone)', () => {
    const r = run(['events', '--db', db, '--limit', '0']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--limit 0: expected 1 or more \(--all for every event\)/);
  });

  it('repeated --actor and comma lists are alternatives; a bad --cameo names itself', () => {
    const r = run(['events', '--db', db, '--json', '--actor', 'PRK', '--actor', 'United States']);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout.trim().split('\n').length, 3);
    const roots = run(['events', '--db', db, '--json', '--cameo', '19,11']);
    assert.equal(roots.stdout.trim().split('\n').length, 3);
    const bad = run(['events', '--db', db, '--cameo', '1x']);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--cameo 1x/);
  });

  it('a --db that does not exist is an error for read commands, and nothing is created', () => {
    const missing = path.join(tmpdir(), `sitrep-missing-${process.pid}`);
    for (const args of [['events'], ['show', 'abc'], ['actors'], ['export']]) {
      const r = run([...args, '--db', missing]);
      assert.equal(r.status, 1, `${args[0]}: ${r.stderr}`);
      assert.match(r.stderr, new RegExp(`no store at ${missing}; run \`sitrep ingest`));
    }
    assert.equal(existsSync(missing), false);
  });
});
