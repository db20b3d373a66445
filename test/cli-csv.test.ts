/** CSV written by `sitrep export --format csv` and `sitrep events --csv` opens safely in a spreadsheet. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { repoRoot } from './shared-path.js';

const bin = path.join(repoRoot, 'bin', 'sitrep.js');
const run = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });

/** The cells of one CSV line (RFC 4180 quotes; no line breaks inside cells in these rows). */
function cells(line: string): string[] {
  const out: string[] = [];
  const re = /("(?:[^"]|"")*"|[^,]*)(,|$)/g;
  for (let m = re.exec(line); m && m[0] !== ''; m = re.exec(line)) {
    const raw = m[1]!;
    out.push(raw.startsWith('"') ? raw.slice(1, -1).replace(/""/g, '"') : raw);
    if (m[2] === '') break;
  }
  return out;
}

describe('CSV output neutralises formulas', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sitrep-csv-'));
  const db = path.join(dir, 'store.db');
  const corpus = path.join(dir, 'c.jsonl');
  writeFileSync(
    corpus,
    [
      {
        text: 'Russian forces attacked Kharkiv on Monday, October 28, 2024, killing three civilians, Ukrainian officials said.',
        source: "=cmd|' /C calc'!A0",
        published: '2024-10-28',
      },
      {
        text: 'Israel struck Gaza on Tuesday, October 29, 2024, the health ministry said.',
        source: '@SUM(1+1)',
        published: '2024-10-29',
      },
    ]
      .map((r) => JSON.stringify(r))
      .join('\n'),
  );

  it('export --format csv and events --csv: hostile outlets start with a quote, counts stay numbers', () => {
    const ingest = run(['ingest', corpus, '--db', db]);
    assert.equal(ingest.status, 0, ingest.stderr);
    for (const args of [
      ['export', '--format', 'csv', '--db', db],
      ['events', '--csv', '--db', db],
    ]) {
      const r = run(args);
      assert.equal(r.status, 0, r.stderr);
      const [header, ...rows] = r.stdout.trim().split('\n');
      const columns = cells(header!);
      assert.ok(rows.length >= 2, r.stdout);
      const outlets = rows.map((row) => cells(row)[columns.indexOf('outlets')]).sort();
      assert.deepEqual(outlets, ["'=cmd|' /C calc'!A0", "'@SUM(1+1)"], args.join(' '));
      for (const row of rows) {
        const c = cells(row);
        assert.equal(c.length, columns.length, row);
        for (const cell of c) {
          // A plain number (the Goldstein score -10) is read as a number, never as a formula.
          if (/^-?\d+(\.\d+)?$/.test(cell)) continue;
          assert.doesNotMatch(cell, /^[=+\-@\t\r]/, `${args.join(' ')}: ${row}`);
        }
        assert.match(c[columns.indexOf('n_mentions')]!, /^\d+$/);
      }
    }
  });
});
