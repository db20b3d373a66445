/**
 * Input readers of `sitrep ingest`: globs, format detection, JSONL field mapping (values and the
 * keys named in errors), RSS and Atom items, folder walking and article counting.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { isSitrepError } from '../core/errors.js';
import { DEFAULT_KEYS, mapRecord, parseFieldOptions } from './fields.js';
import { globToRegExp } from './glob.js';
import { countArticles, readSources, type SourceItem, sniffFormat } from './sources.js';

async function all(it: AsyncIterable<SourceItem>): Promise<SourceItem[]> {
  const out: SourceItem[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe('globs', () => {
  const table: [string, string, boolean][] = [
    ['*.txt', 'a.txt', true],
    ['*.txt', 'dir/a.txt', false],
    ['**/*.txt', 'a.txt', true],
    ['**/*.txt', 'x/y/a.txt', true],
    ['news/**', 'news/a/b.html', true],
    ['a?.md', 'ab.md', true],
    ['a?.md', 'abc.md', false],
    ['[ab].txt', 'b.txt', true],
    ['[!ab].txt', 'b.txt', false],
    ['file.txt', 'fileXtxt', false],
  ];
  for (const [glob, p, expected] of table) {
    it(`${glob} ${expected ? 'matches' : 'does not match'} ${p}`, () => {
      assert.equal(globToRegExp(glob).test(p), expected);
    });
  }
});

describe('format sniffing', () => {
  const table: [string, string][] = [
    ['{"text": "x"}\n', 'jsonl'],
    ['<?xml version="1.0"?>\n<rss version="2.0">', 'rss'],
    ['<feed xmlns="http://www.w3.org/2005/Atom">', 'rss'],
    ['<!doctype html><html>', 'auto'],
    ['North Korea has sent troops.', 'auto'],
  ];
  for (const [content, f] of table)
    it(`${content.slice(0, 20)} → ${f}`, () => assert.equal(sniffFormat(content), f));
});

describe('JSONL fields', () => {
  it('maps the default keys, normalising the date', () => {
    const m = mapRecord(
      'x',
      {
        content: 'Body.',
        headline: 'H',
        pubDate: 'Mon, 28 Oct 2024 10:00:00 GMT',
        link: 'https://x/a',
        source: { name: 'Wire' },
      },
      DEFAULT_KEYS,
    );
    assert.deepEqual(m, {
      text: 'Body.',
      meta: {
        title: 'H',
        url: 'https://x/a',
        source: 'Wire',
        published: '2024-10-28',
        publishedFrom: 'metadata',
      },
    });
  });
  it('--field names one key for a field, synonyms accepted', () => {
    const f = parseFieldOptions(['body=content_original', 'date=day', 'outlet=paper']);
    assert.ok(typeof f !== 'string');
    const m = mapRecord('x', { content_original: 'Body.', text: 'other', day: '2012-05-31', paper: 'P' }, f);
    assert.equal(m.text, 'Body.');
    assert.equal(m.meta.published, '2012-05-31');
    assert.equal(m.meta.source, 'P');
  });
  it('refuses an unknown field', () => {
    assert.match(String(parseFieldOptions(['colour=red'])), /--field colour=red/);
    assert.match(String(parseFieldOptions(['body'])), /expected FIELD=KEY/);
  });
  it('reads a JSONL file line by line, naming bad lines by number', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sitrep-src-'));
    const file = path.join(dir, 'c.jsonl');
    writeFileSync(file, '{"text":"One article."}\r\n[1,2]\n\n{"title":"no text"}\n{"body":"Two."}');
    const items = await all(readSources([file], { format: 'auto', fields: DEFAULT_KEYS }));
    assert.deepEqual(
      items.map((i) => (i.ok ? `ok ${i.article.key} ${i.article.text}` : `error ${i.key}`)),
      [`ok ${file}:1 One article.`, `error ${file}:2`, `error ${file}:4`, `ok ${file}:5 Two.`],
    );
    const bad = items[2]!;
    assert.ok(!bad.ok && isSitrepError(bad.error) && bad.error.code === 'INPUT_NO_ARTICLE');
    assert.equal(await countArticles([file], 'auto'), 4);
  });

  it('reads a UTF-16 JSONL corpus and a UTF-8 one with a byte-order mark', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sitrep-src-'));
    const lines = '{"text":"Première dépêche."}\r\n{"text":"Second."}\n';
    const le = path.join(dir, 'le.jsonl');
    const be = path.join(dir, 'be.jsonl');
    const u8 = path.join(dir, 'bom8.jsonl');
    writeFileSync(le, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(lines, 'utf16le')]));
    writeFileSync(be, Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(lines, 'utf16le').swap16()]));
    writeFileSync(u8, `\uFEFF${lines}`);
    for (const f of [le, be, u8]) {
      const items = await all(readSources([f], { format: 'auto', fields: DEFAULT_KEYS }));
      assert.deepEqual(
        items.map((i) => (i.ok ? i.article.text : `error ${String(i.error)}`)),
        ['Première dépêche.', 'Second.'],
        f,
      );
    }
  });
  it('refuses a record whose text or a field is not a string, naming the line and key', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sitrep-src-'));
    const file = path.join(dir, 'types.jsonl');
    writeFileSync(
      file,
      '{"text":12345}\n{"text":"Fine.","title":["a"]}\n{"text":true}\n{"text":"Fine too.","title":null,"source":{"name":"Wire"}}\n',
    );
    const items = await all(readSources([file], { format: 'auto', fields: DEFAULT_KEYS }));
    assert.equal(items.length, 4);
    const messages = items.map((i) => (i.ok ? `ok ${i.article.text}` : (i.error as Error).message));
    assert.match(messages[0]!, /types\.jsonl:1: "text" is a number \(12345\), not text/);
    assert.match(messages[1]!, /types\.jsonl:2: "title" is an array, not text/);
    assert.match(messages[2]!, /types\.jsonl:3: "text" is a boolean \(true\), not text/);
    assert.equal(messages[3], 'ok Fine too.');
    assert.ok(!items[0]!.ok && isSitrepError(items[0]!.error) && items[0]!.error.code === 'INPUT_MALFORMED');
  });

  it('refuses a record whose text or metadata holds a NUL character (PostgreSQL cannot store it)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sitrep-src-'));
    const file = path.join(dir, 'nul.jsonl');
    writeFileSync(
      file,
      '{"body":"Russia and Ukraine.\\u0000 More."}\n{"body":"Two.","title":"A\\u0000B"}\n{"body":"Three."}\n',
    );
    const items = await all(readSources([file], { format: 'auto', fields: DEFAULT_KEYS }));
    for (const bad of items.slice(0, 2)) {
      assert.ok(!bad.ok && isSitrepError(bad.error) && bad.error.code === 'INPUT_BINARY');
      assert.match((bad.error as Error).message, /nul\.jsonl:\d: binary data \(NUL characters\)/);
    }
    assert.ok(items[2]!.ok);
  });
});

describe('feeds', () => {
  it('reads RSS items: text from the HTML description, date and link from the item', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sitrep-rss-'));
    const file = path.join(dir, 'f.xml');
    writeFileSync(
      file,
      `<?xml version="1.0"?><rss version="2.0"><channel><title>News & more</title>
<item><title>A</title><link>https://x/a</link><pubDate>Mon, 28 Oct 2024 10:00:00 GMT</pubDate>
<description>&lt;p&gt;North Korea sent troops.&lt;/p&gt;&lt;p&gt;Russia &amp;amp; Ukraine.&lt;/p&gt;</description></item>
<item><title>Empty</title><link>https://x/b</link></item></channel></rss>`,
    );
    const items = await all(readSources([file], { format: 'auto', fields: DEFAULT_KEYS }));
    assert.equal(items.length, 2);
    const [a, b] = items;
    assert.ok(a?.ok);
    assert.equal(a.article.text, 'North Korea sent troops.\n\nRussia & Ukraine.');
    assert.deepEqual(a.article.meta, {
      title: 'A',
      url: 'https://x/a',
      published: '2024-10-28',
      publishedFrom: 'metadata',
    });
    assert.ok(b && !b.ok && b.key === 'https://x/b');
  });
  it('reads Atom entries', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sitrep-atom-'));
    const file = path.join(dir, 'f.atom');
    writeFileSync(
      file,
      '<feed xmlns="http://www.w3.org/2005/Atom"><title>X</title><entry><title>B</title><link href="https://x/b"/><published>2024-10-28T23:00:00-05:00</published><content type="html">Iran supplied drones.</content></entry></feed>',
    );
    const [item] = await all(readSources([file], { format: 'auto', fields: DEFAULT_KEYS }));
    assert.ok(item?.ok);
    assert.equal(item.article.text, 'Iran supplied drones.');
    assert.equal(item.article.meta.published, '2024-10-28');
  });
  it('a file that is not a feed is one error', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sitrep-bad-'));
    const file = path.join(dir, 'f.rss');
    writeFileSync(file, 'plain text, not XML');
    const items = await all(readSources([file], { format: 'auto', fields: DEFAULT_KEYS }));
    assert.equal(items.length, 1);
    assert.ok(!items[0]!.ok);
  });
});

describe('folders', () => {
  it('walks recursively in sorted order, article-like files only; a missing path is an error item', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sitrep-dir-'));
    mkdirSync(path.join(dir, 'b'));
    writeFileSync(path.join(dir, 'b', 'z.txt'), 'Z article.');
    writeFileSync(path.join(dir, 'a.md'), 'A article.');
    writeFileSync(path.join(dir, 'c.png'), 'no');
    writeFileSync(path.join(dir, '.hidden.txt'), 'no');
    const missing = path.join(dir, 'missing.txt');
    const items = await all(readSources([dir, missing], { format: 'auto', fields: DEFAULT_KEYS }));
    assert.deepEqual(
      items.map((i) => (i.ok ? path.relative(dir, i.article.key) : `error ${path.relative(dir, i.key)}`)),
      ['a.md', path.join('b', 'z.txt'), 'error missing.txt'],
    );
    assert.equal(await countArticles([dir], 'auto'), 2);
    assert.equal(await countArticles(['-'], 'auto'), undefined);
  });
});
