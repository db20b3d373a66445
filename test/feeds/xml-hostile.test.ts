/**
 * What feedsmith 3.0.1 does with entity declarations (measured here, so an upgrade that changes it
 * fails this file), and the pre-scan that refuses such documents whatever the parser does. Also the
 * four feed formats through parseFeedDocument.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parseFeed } from 'feedsmith';
import { isSitrepError } from '../../src/core/errors.js';
import { parseFeedDocument } from '../../src/feeds/parse-feed.js';
import { refuseXmlEntities } from '../../src/feeds/xml-guard.js';

const levels = Array.from({ length: 9 }, (_, i) => {
  const prev = i === 0 ? 'lol' : `lol${i}`;
  return ` <!ENTITY lol${i + 1} "${`&${prev};`.repeat(10)}">`;
}).join('\n');
const BOMB = `<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
${levels}
]>
<rss version="2.0"><channel><title>&lol9;</title><link>http://x/</link><description>d</description>
<item><title>&lol9;</title><link>http://x/a</link><description>&lol9;</description></item></channel></rss>`;

const dir = mkdtempSync(path.join(tmpdir(), 'sitrep-xxe-'));
const SECRET = 'SECRET-FROM-THE-FILE-SYSTEM';
writeFileSync(path.join(dir, 'secret.txt'), SECRET);
const external = (target: string) => `<?xml version="1.0"?>
<!DOCTYPE rss [ <!ENTITY xxe SYSTEM "${target}"> ]>
<rss version="2.0"><channel><title>t</title><link>http://x/</link><description>d</description>
<item><title>a &xxe;</title><link>http://x/a</link><description>body &xxe;</description></item></channel></rss>`;

describe('feedsmith 3.0.1 and entity declarations (measured)', () => {
  it('does not expand internal entities: a billion laughs stays a literal &lol9;', () => {
    const before = process.memoryUsage().heapUsed;
    const r = parseFeed(BOMB);
    const out = JSON.stringify(r.feed);
    assert.ok(out.includes('&lol9;'));
    assert.ok(out.length < 1000, `output ${out.length} chars`);
    assert.ok(process.memoryUsage().heapUsed - before < 50 * 1024 * 1024);
  });

  it('throws on external entities (file:// and http://) and reads nothing', () => {
    for (const target of [`file://${dir}/secret.txt`, 'http://127.0.0.1:9/dtd']) {
      assert.throws(
        () => parseFeed(external(target)),
        (err: Error & { cause?: Error }) =>
          /External entities are not supported/.test(err.cause?.message ?? ''),
      );
    }
  });
});

describe('refuseXmlEntities and parseFeedDocument', () => {
  it('refuses a billion laughs and external entities before parsing, naming the URL', () => {
    for (const xml of [BOMB, external(`file://${dir}/secret.txt`), external('http://127.0.0.1:9/dtd')]) {
      assert.throws(
        () => parseFeedDocument('http://feeds.example/bad.xml', xml),
        (err: unknown) =>
          isSitrepError(err) &&
          err.code === 'FEED_XML_ENTITIES' &&
          err.message.startsWith('http://feeds.example/bad.xml: ') &&
          !err.message.includes(SECRET),
      );
    }
  });

  it('finds a declaration hidden behind a padded prolog or a comment holding "]>"', () => {
    const padded = `<?xml version="1.0"?>${' '.repeat(10_000)}<!DOCTYPE rss [ <!-- ]> --> <!ENTITY a "b"> ]><rss/>`;
    assert.throws(() => refuseXmlEntities('u', padded), /entity declarations/);
  });

  it('lets a DOCTYPE without entities through (old RSS 0.91 feeds name a public DTD)', () => {
    const old = `<?xml version="1.0"?>
<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
<rss version="0.91"><channel><title>Old</title><link>http://x/</link><description>d</description>
<item><title>A</title><link>http://x/a</link><description>desc</description></item></channel></rss>`;
    const feed = parseFeedDocument('u', old);
    assert.equal(feed.entries[0]?.link, 'http://x/a');
  });

  it('reads RSS 2.0, RSS 1.0, Atom and JSON Feed entries', () => {
    const rss2 = parseFeedDocument(
      'u',
      `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>T</title><link>http://x/</link><description>d</description><item><title>A</title><guid isPermaLink="true">http://x/a</guid><pubDate>Tue, 02 Jan 2024 10:00:00 GMT</pubDate><description>desc</description><content:encoded><![CDATA[<p>full</p>]]></content:encoded></item></channel></rss>`,
    );
    assert.deepEqual(rss2, {
      format: 'rss',
      title: 'T',
      entries: [{ link: 'http://x/a', title: 'A', published: '2024-01-02', body: '<p>full</p>' }],
    });
    const rdf = parseFeedDocument(
      'u',
      `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel rdf:about="http://x/"><title>R</title><link>http://x/</link><description>d</description></channel><item rdf:about="http://x/r"><title>RA</title><link>http://x/r</link><description>desc</description><dc:date>2024-01-03</dc:date></item></rdf:RDF>`,
    );
    assert.equal(rdf.format, 'rdf');
    assert.deepEqual(rdf.entries[0], {
      link: 'http://x/r',
      title: 'RA',
      published: '2024-01-03',
      body: 'desc',
    });
    const atom = parseFeedDocument(
      'u',
      `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><id>x</id><updated>2024-01-01T00:00:00Z</updated><entry><title>E</title><id>e</id><link rel="self" href="http://x/self"/><link rel="alternate" href="http://x/e"/><updated>2024-01-04T00:00:00Z</updated><summary type="html">&lt;p&gt;s&lt;/p&gt;</summary></entry></feed>`,
    );
    assert.deepEqual(atom.entries[0], {
      link: 'http://x/e',
      title: 'E',
      published: '2024-01-04',
      body: '<p>s</p>',
    });
    const json = parseFeedDocument(
      'u',
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'J',
        items: [
          {
            id: '1',
            url: 'http://x/j',
            title: 'JA',
            content_html: '<p>hi</p>',
            date_published: '2024-01-05T00:00:00Z',
          },
        ],
      }),
    );
    assert.equal(json.format, 'json');
    assert.deepEqual(json.entries[0], {
      link: 'http://x/j',
      title: 'JA',
      published: '2024-01-05',
      body: '<p>hi</p>',
    });
  });

  it('never lets control characters from the document into the reason (terminal escapes)', () => {
    const xml =
      '<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>a</title><link>http://x/a</link></item></channel></rss><gar\u001b[2Jbage';
    assert.throws(
      () => parseFeedDocument('http://x/feed', xml),
      (err: unknown) =>
        isSitrepError(err) && err.message.includes('gar?[2Jbage') && !err.message.includes('\u001b'),
    );
  });

  it('refuses what is not a feed, naming the URL', () => {
    for (const text of [
      '<html><body>no</body></html>',
      '{"not": "a feed"',
      '<rss version="2.0"><channel><title>x<item></channel>',
    ]) {
      assert.throws(
        () => parseFeedDocument('http://x/feed', text),
        (err: unknown) =>
          isSitrepError(err) && err.code === 'FEED_MALFORMED' && err.message.startsWith('http://x/feed: '),
      );
    }
  });
});
