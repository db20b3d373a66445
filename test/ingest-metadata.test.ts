/**
 * Ingest metadata that cannot be lost (issue 15): the field names of GDELT, ACLED and news-API
 * exports, dates in file names, `--published` / `--outlet`, a warning with a count for undated
 * articles, an unknown `--field` refused, and `--update` re-reading metadata without duplicating.
 * The CLI cases run the built CLI (`npm run build` first) with the real extraction.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { DEFAULT_KEYS, mapRecord, parseFieldOptions } from '../src/ingest/fields.js';
import { readSources, type SourceItem } from '../src/ingest/sources.js';
import { dateFromFileName, isoDateFromMetadata } from '../src/input/published-date.js';
import { repoRoot } from './shared-path.js';

const bin = path.join(repoRoot, 'bin', 'sitrep.js');
const gdeltFixture = path.join(repoRoot, 'test', 'fixtures', 'gdelt-doc-artlist.jsonl');

function run(args: string[]) {
  return spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
}

async function all(items: AsyncIterable<SourceItem>): Promise<SourceItem[]> {
  const out: SourceItem[] = [];
  for await (const i of items) out.push(i);
  return out;
}

function documents(db: string): { input: string; published: string | null; outlet: string | null }[] {
  const d = new Database(path.join(db, 'sitrep.db'), { readonly: true });
  try {
    return d
      .prepare('SELECT input, published, published_from, outlet FROM documents ORDER BY input')
      .all() as {
      input: string;
      published: string | null;
      outlet: string | null;
    }[];
  } finally {
    d.close();
  }
}

describe('record field names of common exports', () => {
  it('GDELT DOC 2.0: seendate (20220301T120000Z), domain and url', () => {
    const { meta } = mapRecord(
      'test.jsonl:1',
      {
        url: 'https://news.example/a',
        seendate: '20220301T120000Z',
        domain: 'news.example',
        text: 'Body.',
      },
      DEFAULT_KEYS,
    );
    assert.equal(meta.published, '2022-03-01');
    assert.equal(meta.source, 'news.example');
    assert.equal(meta.url, 'https://news.example/a');
  });

  it('GDELT 2.0 events: SOURCEURL and DATEADDED (YYYYMMDDHHMMSS, also as a number)', () => {
    const { meta } = mapRecord(
      'test.jsonl:1',
      { SOURCEURL: 'https://news.example/b', DATEADDED: 20220302081500, text: 'Body.' },
      DEFAULT_KEYS,
    );
    assert.equal(meta.published, '2022-03-02');
    assert.equal(meta.url, 'https://news.example/b');
  });

  it('newsapi.org: publishedAt and source.name; newspaper3k: publish_date', () => {
    const a = mapRecord(
      'test.jsonl:1',
      {
        source: { id: null, name: 'Daily Example' },
        publishedAt: '2022-03-03T10:00:00Z',
        content: 'Body.',
      },
      DEFAULT_KEYS,
    );
    assert.equal(a.meta.published, '2022-03-03');
    assert.equal(a.meta.source, 'Daily Example');
    const b = mapRecord('test.jsonl:1', { publish_date: '2022-03-04 09:00:00', text: 'Body.' }, DEFAULT_KEYS);
    assert.equal(b.meta.published, '2022-03-04');
  });

  it('ACLED: event_date, source and notes', () => {
    const r = mapRecord(
      'test.jsonl:1',
      { event_date: '2022-03-05', source: 'Example Wire', notes: 'Shelling was reported in the town.' },
      DEFAULT_KEYS,
    );
    assert.equal(r.meta.published, '2022-03-05');
    assert.equal(r.meta.source, 'Example Wire');
    assert.equal(r.text, 'Shelling was reported in the town.');
  });

  it('a key that holds no date does not hide a later key that does', () => {
    const r = mapRecord(
      'test.jsonl:1',
      { published: 'unknown', seendate: '20220306T000000Z', text: 'x' },
      DEFAULT_KEYS,
    );
    assert.equal(r.meta.published, '2022-03-06');
  });

  it('an unknown --field target is an error naming the valid ones', () => {
    const r = parseFieldOptions(['pubished=seendate']);
    assert.equal(typeof r, 'string');
    assert.match(r as string, /pubished=seendate.*published/);
  });
});

describe('dates from file names', () => {
  it('reads 2024-10-28-foo, 20241028_foo and GDELT-style 20241028T100000Z_GB_...', () => {
    assert.equal(dateFromFileName('2024-10-28-foo.txt'), '2024-10-28');
    assert.equal(dateFromFileName('20241028_foo.txt'), '2024-10-28');
    assert.equal(dateFromFileName('20241028T100000Z_GB_en_abc.txt'), '2024-10-28');
    assert.equal(dateFromFileName('20241028.html'), '2024-10-28');
  });

  it('reads no date from a name that merely holds digits', () => {
    assert.equal(dateFromFileName('report-2024-10-28.txt'), null);
    assert.equal(dateFromFileName('202410281234567.txt'), null);
    assert.equal(dateFromFileName('2024-13-40-x.txt'), null);
    assert.equal(isoDateFromMetadata('2022030'), null);
  });

  it('a folder of .txt files: the file name dates each article; --published and --outlet win', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sitrep-names-'));
    writeFileSync(path.join(dir, '2024-10-28-talks.txt'), 'Officials met in Geneva.');
    writeFileSync(path.join(dir, '20241029_strike.txt'), 'A strike was reported.');
    writeFileSync(path.join(dir, 'undated.txt'), 'Nothing dates this.');
    const items = await all(readSources([dir], { format: 'auto', fields: DEFAULT_KEYS }));
    const byName = new Map(
      items.map((i) => {
        assert.ok(i.ok);
        return [path.basename(i.article.key), i.article.meta];
      }),
    );
    assert.equal(byName.get('2024-10-28-talks.txt')?.published, '2024-10-28');
    assert.equal(byName.get('2024-10-28-talks.txt')?.publishedFrom, 'filename');
    assert.equal(byName.get('20241029_strike.txt')?.published, '2024-10-29');
    assert.equal(byName.get('undated.txt')?.published ?? null, null);
    const given = await all(
      readSources([dir], { format: 'auto', fields: DEFAULT_KEYS, published: '2024-11-01', outlet: 'Wire' }),
    );
    for (const i of given) {
      assert.ok(i.ok);
      assert.equal(i.article.meta.published, '2024-11-01');
      assert.equal(i.article.meta.publishedFrom, 'cli');
      assert.equal(i.article.meta.source, 'Wire');
    }
  });
});

describe('sitrep ingest: metadata end to end (built CLI, real extraction)', () => {
  it('GDELT-style JSONL without options: every article dated and its outlet kept', () => {
    const db = mkdtempSync(path.join(tmpdir(), 'sitrep-gdelt-'));
    const r = run(['ingest', gdeltFixture, '--db', db, '--no-progress', '--jobs', '1']);
    assert.equal(r.status, 0, r.stderr);
    assert.doesNotMatch(r.stderr, /no publication date/);
    const docs = documents(db);
    assert.equal(docs.length, 5);
    assert.deepEqual(
      docs.map((d) => d.published),
      ['2022-02-24', '2022-03-02', '2022-04-02', '2022-09-06', '2023-06-23'],
    );
    assert.deepEqual(
      docs.map((d) => d.outlet),
      ['theguardian.com', 'cnn.com', 'ukrinform.net', 'tvn24.pl', 'bbc.co.uk'],
    );
  });

  it('warns with a count when articles end up undated; --update then re-reads metadata without duplicating', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sitrep-undated-'));
    mkdirSync(path.join(dir, 'in'));
    writeFileSync(path.join(dir, 'in', 'a.txt'), 'Officials met in Geneva to discuss a ceasefire.');
    writeFileSync(path.join(dir, 'in', 'b.txt'), 'Troops were sent to the border, the ministry said.');
    writeFileSync(path.join(dir, 'in', '2024-10-28-c.txt'), 'The president visited the capital.');
    const db = path.join(dir, 'db');
    const first = run(['ingest', path.join(dir, 'in'), '--db', db, '--no-progress', '--jobs', '1']);
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stderr, /warning: 2 of 3 stored article\(s\) have no publication date/);
    const again = run([
      'ingest',
      path.join(dir, 'in'),
      '--db',
      db,
      '--no-progress',
      '--jobs',
      '1',
      '--published',
      '2024-11-01',
    ]);
    assert.equal(again.status, 0, again.stderr);
    assert.match(again.stdout, /3 already stored/);
    assert.match(again.stdout, /--update reads it again/);
    assert.equal(documents(db).filter((d) => d.published === '2024-11-01').length, 0);
    const updated = run([
      'ingest',
      path.join(dir, 'in'),
      '--db',
      db,
      '--no-progress',
      '--jobs',
      '1',
      '--published',
      '2024-11-01',
      '--outlet',
      'Wire',
      '--update',
    ]);
    assert.equal(updated.status, 0, updated.stderr);
    assert.match(updated.stdout, /3 stored \(3 updated\)/);
    assert.doesNotMatch(updated.stderr, /no publication date/);
    const docs = documents(db);
    assert.equal(docs.length, 3);
    assert.ok(docs.every((d) => d.published === '2024-11-01' && d.outlet === 'Wire'));
  });

  it('a bad --published or --field is refused before anything is read', () => {
    const db = mkdtempSync(path.join(tmpdir(), 'sitrep-bad-'));
    const a = run(['ingest', gdeltFixture, '--db', db, '--published', '28/10/2024']);
    assert.equal(a.status, 2, a.stderr);
    assert.match(a.stderr, /--published 28\/10\/2024/);
    const b = run(['ingest', gdeltFixture, '--db', db, '--field', 'dat=seendate']);
    assert.equal(b.status, 2, b.stderr);
    assert.match(b.stderr, /--field dat=seendate/);
  });
});
