#!/usr/bin/env node
// Runs every *.test.ts under src/ and test/ with node's test runner. Node 20's runner does not expand
// globs or find .ts files by itself (a bare `node --test` runs nothing and exits 0), so we list them.
// Extra arguments are passed to the runner (e.g. --test-name-pattern).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

function find(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...find(p));
    else if (entry.name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const flags = process.argv.slice(2).filter((a) => a.startsWith('--'));
const files = only.length ? only : [...find('src'), ...find('test')].sort();
if (files.length === 0) {
  console.error('run-tests: no test files found');
  process.exit(1);
}
const r = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...flags, ...files],
  { stdio: 'inherit' },
);
process.exit(r.status ?? 1);
