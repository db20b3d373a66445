import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { SitrepError } from '../core/errors.js';
import { articleFromText, decodeText, readArticle } from './read-article.js';

const dir = mkdtempSync(path.join(tmpdir(), 'sitrep-input-'));
function file(name: string, content: string | Buffer): string {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
}

async function refusal(p: string, options = {}): Promise<SitrepError> {
  try {
    await readArticle(p, options);
  } catch (err) {
    assert.ok(err instanceof SitrepError, `expected a SitrepError, got ${err}`);
    assert.ok(err.message.includes(p), `message names the input: ${err.message}`);
    return err;
  }
  throw new Error(`${p} was not refused`);
}

describe('readArticle refuses bad input with a message naming it', () => {
  it('a missing file', async () => {
    assert.equal((await refusal(path.join(dir, 'nope.txt'))).code, 'INPUT_NOT_FOUND');
  });
  it('an empty file and a whitespace-only file', async () => {
    assert.equal((await refusal(file('empty.txt', ''))).code, 'INPUT_EMPTY');
    assert.equal((await refusal(file('blank.txt', '  \n\n \t'))).code, 'INPUT_EMPTY');
  });
  it('a binary file', async () => {
    const png = Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
    ]);
    assert.equal((await refusal(file('image.png', png))).code, 'INPUT_BINARY');
  });
  it('invalid UTF-8', async () => {
    const bad = Buffer.concat([
      Buffer.from('North Korea has sent troops '),
      Buffer.from([0xc3, 0x28, 0xff, 0xfe]),
    ]);
    assert.equal((await refusal(file('latin.txt', bad))).code, 'INPUT_BAD_ENCODING');
  });
  it('a file over the size limit', async () => {
    const big = file('big.txt', 'word '.repeat(3000));
    assert.equal((await refusal(big, { maxBytes: 10_000 })).code, 'INPUT_TOO_LARGE');
  });
  it('a directory', async () => {
    assert.equal((await refusal(dir)).code, 'INPUT_UNREADABLE');
  });
  it('HTML with no article', async () => {
    const html =
      '<!doctype html><html><head><title>Home</title></head><body><nav><a href="/">Home</a></nav></body></html>';
    assert.equal((await refusal(file('nav.html', html))).code, 'INPUT_NO_ARTICLE');
  });
});

describe('readArticle reads text', () => {
  const article = 'North Korea sent troops to Kursk, officials said.\r\nSecond paragraph: «quoted».';
  const utf16be = (t: string) => Buffer.from(t, 'utf16le').swap16();
  it('decodes UTF-16 LE and BE with a byte-order mark (the BOM dropped, CRLF made LF)', async () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(article, 'utf16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(article)]);
    const want = article.replace('\r\n', '\n');
    assert.equal((await readArticle(file('le.txt', le))).text, want);
    assert.equal((await readArticle(file('be.txt', be))).text, want);
  });
  it('decodes a UTF-16 HTML page', async () => {
    const html = `<html><head><title>T</title></head><body><article><p>${article}</p><p>${'More text here. '.repeat(20)}</p></article></body></html>`;
    const a = await readArticle(
      file('page.html', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(html, 'utf16le')])),
    );
    assert.equal(a.format, 'html');
    assert.match(a.text, /North Korea sent troops/);
  });
  it('still refuses binary data that starts like a UTF-16 byte-order mark', async () => {
    const bin = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.alloc(64, 0), Buffer.from([1, 2, 3, 4])]);
    const err = await refusal(file('fake16.bin', bin));
    assert.equal(err.code, 'INPUT_BINARY');
    // Big-endian code units 0x0001, 0x0003, ...: control characters, no NUL.
    const ctl = Buffer.concat([
      Buffer.from([0xfe, 0xff]),
      Buffer.from(Array.from({ length: 200 }, (_, i) => (i % 2 ? 1 + (i % 4) : 0))),
    ]);
    assert.equal((await refusal(file('ctl16.bin', ctl))).code, 'INPUT_BINARY');
  });
  it('keeps the text verbatim but for a BOM and CRLF line ends', async () => {
    const a = await readArticle(file('crlf.txt', '\uFEFFFirst line.\r\n\r\nSecond line.'));
    assert.equal(a.text, 'First line.\n\nSecond line.');
    assert.equal(a.format, 'text');
  });
  it('takes the publication date from a full date in the opening text', () => {
    const a = articleFromText('x', 'Officials said Monday (October 28, 2024) that talks had begun.');
    assert.equal(a.meta.published, '2024-10-28');
    assert.equal(a.meta.publishedFrom, 'text');
  });
  it('does not date an article by a bare weekday', () => {
    assert.equal(
      articleFromText('x', 'Officials said Monday that talks had begun.').meta.published,
      undefined,
    );
  });
  it('refuses a decoded text that is only whitespace', () => {
    assert.throws(() => decodeText('y', Buffer.from('\n\n')), /only whitespace/);
  });
});

const PAGE = `<!doctype html><html><head>
<title>Site | Troops head north</title>
<meta property="og:title" content="Troops head north">
<meta property="article:published_time" content="2024-10-28T09:30:00-04:00">
<meta property="og:site_name" content="Example News">
<script>window.evil = true; document.write('<p>injected</p>')</script>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article>
<h1>Troops head north</h1>
<p>North Korea has sent about 10,000 troops to Russia, the Pentagon said on Monday, in a move that officials say will intensify the war.</p>
<p>Some of the soldiers have already moved closer to Ukraine, a spokeswoman said, and were believed to be heading for the Kursk border region.</p>
<p>NATO Secretary-General Mark Rutte confirmed intelligence reports that some units were already in the Kursk region, adding that the deployment was a significant escalation.</p>
</article>
<footer>Copyright Example News. All rights reserved. <a href="/privacy">Privacy</a></footer>
</body></html>`;

describe('HTML pages', () => {
  it('reduces a page to its article paragraphs with metadata', () => {
    const a = articleFromText('page.html', PAGE);
    assert.equal(a.format, 'html');
    assert.equal(a.meta.title, 'Troops head north');
    assert.equal(a.meta.published, '2024-10-28');
    assert.equal(a.meta.publishedFrom, 'metadata');
    assert.equal(a.meta.source, 'Example News');
    assert.match(a.text, /^(Troops head north\n\n)?North Korea has sent about 10,000 troops/);
    assert.match(a.text, /Ukraine, a spokeswoman said/);
    assert.ok(!a.text.includes('window.evil'), 'scripts are gone');
    assert.ok(!a.text.includes('Privacy'), 'footer is gone');
    assert.ok(!a.text.includes('Sport'), 'navigation is gone');
    assert.equal(a.text.split('\n\n').length >= 3, true, 'paragraphs stay apart');
  });
  it('reads datePublished from JSON-LD when there is no meta tag', () => {
    const page = PAGE.replace(/<meta property="article:published_time"[^>]*>/, '').replace(
      '<title>',
      '<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","datePublished":"2023-06-19T10:00:00Z"}]}</script><title>',
    );
    assert.equal(articleFromText('p.html', page).meta.published, '2023-06-19');
  });
  it('survives malformed HTML', () => {
    const broken = `<html><body><p>${'The minister said the talks would resume next week in Geneva. '.repeat(5)}<div><p>unclosed <b>tags<i> everywhere`;
    const a = articleFromText('broken.html', broken);
    assert.match(a.text, /talks would resume/);
  });
});
