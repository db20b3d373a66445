/**
 * The library API by the package's own name (issue 15): `import { extract, openStore } from
 * 'sitrep'` resolves through package.json `exports` to the built dist/ with its type declarations,
 * `extract` gives the sitrep.extract/1 document and `openStore` the store the CLI writes.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { EXTRACT_SCHEMA, type ExtractJson, extract, openStore, storyFilterFrom } from 'sitrep';
import { repoRoot } from './shared-path.js';

describe("library API: import { extract, openStore } from 'sitrep'", () => {
  it('resolves to the built package with type declarations', () => {
    assert.ok(existsSync(path.join(repoRoot, 'dist', 'index.js')));
    assert.ok(existsSync(path.join(repoRoot, 'dist', 'index.d.ts')));
  });

  it('extract gives a typed sitrep.extract/1 document with events and exact spans', async () => {
    const text = 'North Korea has sent about 10,000 troops to Russia, the Pentagon said on Monday.';
    const doc: ExtractJson = await extract(text, { published: '2024-10-28' });
    assert.equal(doc.schema, EXTRACT_SCHEMA);
    assert.equal(doc.document.published, '2024-10-28');
    assert.ok(doc.actors.length > 0);
    for (const a of doc.actors) for (const m of a.mentions) assert.equal(text.slice(m.start, m.end), m.text);
  });

  it('openStore opens a store and answers the same filters as the CLI', async () => {
    const store = await openStore(mkdtempSync(path.join(tmpdir(), 'sitrep-lib-')));
    try {
      assert.deepEqual(await store.events(storyFilterFrom({ actor: 'RUS', cameo: '18,19' })), []);
      assert.equal((await store.counts()).documents, 0);
    } finally {
      await store.close();
    }
  });
});
