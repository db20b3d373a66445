/**
 * Ingest into the embedded store, end to end below the CLI: folders, JSONL with bad lines, binary
 * files, idempotent re-runs, re-extraction by a newer version, and a run killed with SIGKILL
 * mid-way then run again (every article stored exactly once). Extraction is a fake executor so the
 * tests do not depend on the stages' progress; the store and the ingest loop are real.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { DEFAULT_KEYS, parseFieldOptions } from '../src/ingest/fields.js';
import { ingest } from '../src/ingest/ingest.js';
import { readSources, type SourceItem } from '../src/ingest/sources.js';
import { openStore } from '../src/store/open-store.js';
import { repoRoot } from './shared-path.js';
import { fakeExecutor } from './store-fixtures.js';

const NOW = () => new Date('2024-10-29T12:00:00Z');

function corpus(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sitrep-ingest-'));
  mkdirSync(path.join(dir, 'nested'));
  writeFileSync(path.join(dir, 'a.txt'), 'Russia and Ukraine held talks in Istanbul.\n\nMore text.');
  writeFileSync(path.join(dir, 'nested', 'b.txt'), 'United States officials met North Korea envoys.');
  writeFileSync(path.join(dir, 'nested', 'bad.txt'), Buffer.from([0, 1, 2, 3, 0, 0]));
  writeFileSync(path.join(dir, 'ignored.png'), 'not an article');
  const lines = [
    JSON.stringify({
      id: 1,
      content_original: 'Russia and Ukraine held talks again.',
      date: '2024-10-27',
      source: 'Beta',
    }),
    '{not json',
    JSON.stringify({ id: 3, title: 'no body here' }),
    '',
    JSON.stringify({ id: 4, content_original: 'CRASH the extractor, Russia.', date: '2024-10-27' }),
    JSON.stringify({ id: 5, content_original: 'Russia and Ukraine held talks in Istanbul.\n\nMore text.' }),
  ];
  writeFileSync(path.join(dir, 'feed.jsonl'), `${lines.join('\n')}\n`);
  return dir;
}

describe('ingest (embedded store, fake extractor)', () => {
  const dir = corpus();
  const db = mkdtempSync(path.join(tmpdir(), 'sitrep-db-'));
  const fields = parseFieldOptions(['body=content_original', 'published=date', 'outlet=source']);
  assert.ok(typeof fields !== 'string');

  it('stores good articles, records bad ones with reasons, and never stops', async () => {
    const store = await openStore(db);
    const run = await ingest(store, readSources([dir], { format: 'auto', fields }), fakeExecutor(), {
      now: NOW,
      batch: 2,
    });
    // a.txt, b.txt, bad.txt, 5 JSONL records (the blank line is not one).
    assert.equal(run.counts.read, 8);
    assert.equal(run.counts.errors, 4);
    // JSONL line 6 repeats a.txt's text: the same article, stored once.
    const c = await store.counts();
    assert.equal(c.documents, 3);
    const errors = await store.listErrors();
    assert.deepEqual(errors.map((e) => [path.basename(e.input), e.code]).sort(), [
      ['bad.txt', 'INPUT_BINARY'],
      ['feed.jsonl:2', 'INPUT_MALFORMED'],
      ['feed.jsonl:3', 'INPUT_NO_ARTICLE'],
      ['feed.jsonl:5', 'INTERNAL'],
    ]);
    assert.match(errors.find((e) => e.input.endsWith(':3'))!.message, /--field body=KEY/);
    assert.ok(run.merge, 'the merge pass ran');
    await store.close();
  });

  it('counts an article that comes twice in one batch (or before its first copy is written) once', async () => {
    const store = await openStore(mkdtempSync(path.join(tmpdir(), 'sitrep-db-dup-')));
    const text = 'Russia and Ukraine exchanged prisoners on Monday, officials said.';
    async function* twice(): AsyncGenerator<SourceItem> {
      for (const key of ['a.txt', 'copy-of-a.txt', 'other.txt', 'again-a.txt']) {
        const t = key === 'other.txt' ? 'France and Germany signed a treaty.' : text;
        yield { ok: true, article: { key, text: t, meta: {} } };
      }
    }
    const run = await ingest(store, twice(), fakeExecutor(), { now: NOW, batch: 64 });
    assert.deepEqual(
      { stored: run.counts.stored, skipped: run.counts.skipped, read: run.counts.read },
      { stored: 2, skipped: 2, read: 4 },
    );
    assert.equal((await store.counts()).documents, 2);
    // Small batches: the copy arrives while the first is extracted but not yet written.
    const slow = await openStore(mkdtempSync(path.join(tmpdir(), 'sitrep-db-dup-')));
    const run2 = await ingest(slow, twice(), fakeExecutor(30), { now: NOW, batch: 1, flushMs: 60_000 });
    assert.deepEqual({ stored: run2.counts.stored, skipped: run2.counts.skipped }, { stored: 2, skipped: 2 });
    await store.close();
    await slow.close();
  });

  it('is idempotent: a second run stores nothing new', async () => {
    const store = await openStore(db);
    const run = await ingest(store, readSources([dir], { format: 'auto', fields }), fakeExecutor(), {
      now: NOW,
    });
    assert.equal(run.counts.stored, 0);
    assert.equal(run.counts.skipped, 4);
    assert.equal(run.merge, null, 'nothing new, no merge');
    assert.equal((await store.counts()).documents, 3);
    await store.close();
  });

  it('re-extracts and replaces when the extraction version is newer', async () => {
    const store = await openStore(db);
    const run = await ingest(
      store,
      readSources([dir], { format: 'auto', fields }),
      fakeExecutor(0, 'fake@2'),
      {
        now: NOW,
      },
    );
    // Four articles read, three distinct (JSONL line 6 repeats a.txt): stored counts documents.
    assert.equal(run.counts.stored, 3);
    assert.equal(run.counts.skipped, 1);
    const c = await store.counts();
    assert.equal(c.documents, 3);
    const [event] = await store.events({ actor: 'RUS' });
    assert.equal(event?.mentions[0]?.event.rule, 'fixture');
    assert.deepEqual(
      [...new Set((await store.storedVersions([event!.mentions[0]!.event.doc_id])).values())],
      ['fake@2'],
    );
    await store.close();
  });

  it('survives kill -9 mid-run: the second run completes with every article stored exactly once', async () => {
    const n = 120;
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'sitrep-kill-')), 'many.jsonl');
    const lines = Array.from({ length: n }, (_, i) =>
      JSON.stringify({
        text: `Article ${i}: Russia and Ukraine held talks, round ${i}.`,
        date: '2024-10-28',
      }),
    );
    writeFileSync(file, `${lines.join('\n')}\n`);
    const killDb = mkdtempSync(path.join(tmpdir(), 'sitrep-kill-db-'));
    const child = (kill: boolean) =>
      new Promise<string>((resolve, reject) => {
        const p = spawn(
          process.execPath,
          ['--import', 'tsx', path.join('test', 'store-ingest-child.ts'), killDb, file],
          {
            cwd: repoRoot,
            stdio: ['ignore', 'pipe', 'inherit'],
          },
        );
        let out = '';
        p.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          // Kill once a few batches are in, well before the end.
          const stored = [...out.matchAll(/stored (\d+)/g)].map((m) => Number(m[1]));
          if (kill && (stored.at(-1) ?? 0) >= 20) p.kill('SIGKILL');
        });
        p.on('error', reject);
        p.on('close', (code, signal) => resolve(`${out}\nexit ${code ?? signal}`));
      });
    const first = await child(true);
    assert.match(first, /exit SIGKILL/);
    assert.doesNotMatch(first, /^done/m);
    const raw = new Database(path.join(killDb, 'sitrep.db'), { readonly: true });
    const partial = (raw.prepare('SELECT COUNT(*) AS n FROM documents').get() as { n: number }).n;
    raw.close();
    assert.ok(partial >= 20 && partial < n, `partial ${partial}`);
    const second = await child(false);
    assert.match(second, /^done /m);
    const counts = JSON.parse(/^done (.*)$/m.exec(second)![1]!);
    assert.equal(counts.skipped, partial, 'the second run skips what the first stored');
    assert.equal(counts.stored, n - partial);
    const check = new Database(path.join(killDb, 'sitrep.db'), { readonly: true });
    const docs = check.prepare('SELECT COUNT(*) AS n, COUNT(DISTINCT id) AS d FROM documents').get() as {
      n: number;
      d: number;
    };
    assert.equal(docs.n, n);
    assert.equal(docs.d, n);
    // Every document has its event and no event lacks its document (no half-written article).
    const orphans = check
      .prepare(
        'SELECT COUNT(*) AS n FROM events e LEFT JOIN documents d ON d.id = e.doc_id WHERE d.id IS NULL',
      )
      .get() as { n: number };
    assert.equal(orphans.n, 0);
    assert.equal((check.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n, n);
    const stale = check.prepare("SELECT value FROM store_state WHERE key = 'stories_stale'").get() as {
      value: string;
    };
    assert.equal(stale.value, '0', 'the second run merged');
    check.close();
  });

  it('default field keys find text/title/date/url/source', () => {
    assert.deepEqual(DEFAULT_KEYS.body.slice(0, 3), ['text', 'body', 'content']);
  });
});
