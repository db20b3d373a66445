/** Item URL identity (fragments and tracking parameters dropped) and polling intervals. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatDuration, parseDuration } from '../../src/feeds/duration.js';
import { feedIdOf, httpUrl, normaliseItemUrl } from '../../src/feeds/feed-url.js';

describe('normaliseItemUrl', () => {
  it('drops fragments and tracking parameters, keeps the rest in order', () => {
    assert.equal(
      normaliseItemUrl(
        'HTTPS://News.Example:443/a/b?id=7&utm_source=rss&utm_medium=feed&fbclid=x&page=2#comments',
      ),
      'https://news.example/a/b?id=7&page=2',
    );
    assert.equal(normaliseItemUrl('http://x.example/a?utm_campaign=z'), 'http://x.example/a');
    assert.equal(normaliseItemUrl('http://x.example/a?gclid=1&q=a+b'), 'http://x.example/a?q=a+b');
  });

  it('refuses what is not http(s) or carries credentials', () => {
    assert.throws(() => normaliseItemUrl('javascript:alert(1)'), /only http and https/);
    assert.throws(() => httpUrl('ftp://x.example/feed'), /only http and https/);
    assert.throws(() => httpUrl('not a url'), /not a valid URL/);
    assert.throws(() => httpUrl('http://user:pw@x.example/feed'), /user name or password/);
  });

  it('gives a feed a stable 12-digit id', () => {
    assert.match(feedIdOf('http://x.example/feed'), /^[0-9a-f]{12}$/);
    assert.equal(feedIdOf('http://x.example/feed'), feedIdOf('http://x.example/feed'));
    assert.notEqual(feedIdOf('http://x.example/feed'), feedIdOf('http://x.example/feed2'));
  });
});

describe('parseDuration', () => {
  it('reads 30s, 15m, 1h, 1d and combinations', () => {
    assert.equal(parseDuration('30s'), 30);
    assert.equal(parseDuration('15m'), 900);
    assert.equal(parseDuration('1h'), 3600);
    assert.equal(parseDuration('1d'), 86400);
    assert.equal(parseDuration('1h30m'), 5400);
    assert.equal(formatDuration(5400), '1h30m');
    assert.equal(formatDuration(900), '15m');
  });

  it('refuses nonsense and intervals under the minimum or over a week', () => {
    for (const bad of ['', '15', 'm', '-5m', '1.5h', '10s', '0m', '8d', '15 minutes']) {
      assert.throws(() => parseDuration(bad), /--every/, bad);
    }
  });
});
