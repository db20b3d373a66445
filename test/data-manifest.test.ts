/** Every data file is listed in its folder's manifest with a version, a source and a licence. */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { repoRoot } from './shared-path.js';

const dataRoot = path.join(repoRoot, 'data');
const folders = readdirSync(dataRoot).filter((f) => statSync(path.join(dataRoot, f)).isDirectory());

function filesUnder(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...filesUnder(path.join(dir, e.name), rel));
    else out.push(rel);
  }
  return out;
}

describe('data manifests', () => {
  it('there are data folders', () => {
    assert.ok(folders.length > 0);
  });
  for (const folder of folders) {
    it(`data/${folder}: every file listed with version, source and licence; every listed file exists`, () => {
      const manifestPath = path.join(dataRoot, folder, 'manifest.json');
      assert.ok(existsSync(manifestPath), `data/${folder}/manifest.json is missing`);
      const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
        files: { file: string; version: unknown; source: unknown; licence: unknown }[];
      };
      const listed = new Set<string>();
      for (const entry of manifest.files) {
        assert.ok(
          existsSync(path.join(dataRoot, folder, entry.file)),
          `${folder}/${entry.file} listed but missing`,
        );
        for (const key of ['version', 'source', 'licence'] as const) {
          assert.ok(String(entry[key] ?? '').trim(), `${folder}/${entry.file}: no ${key}`);
        }
        listed.add(entry.file);
      }
      for (const f of filesUnder(path.join(dataRoot, folder))) {
        if (f === 'manifest.json' || f.endsWith('.md')) continue;
        assert.ok(listed.has(f), `data/${folder}/${f} is not in the manifest`);
      }
    });
  }
});
