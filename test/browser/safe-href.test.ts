/**
 * Links built from data (web/src/safe-href.ts): in-app hash links and http(s) URLs pass, every
 * other scheme (javascript:, data:, vbscript:, protocol-relative tricks) gives no link at all.
 * Pure, no browser.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { safeHref } from '../../web/src/safe-href.js';

describe('safeHref', () => {
  it('keeps hash links and http(s) URLs', () => {
    assert.equal(safeHref('#/events/ev1?actor=PRK'), '#/events/ev1?actor=PRK');
    assert.equal(safeHref('https://example.org/a?b=1'), 'https://example.org/a?b=1');
    assert.equal(safeHref('HTTP://Example.org/'), 'http://example.org/');
  });

  it('refuses every other scheme and relative tricks', () => {
    for (const bad of [
      'javascript:window.__xss=3',
      ' JavaScript:alert(1)',
      'java\nscript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      '//evil.example/x',
      '/local/path',
      'not a url',
      '',
    ]) {
      assert.equal(safeHref(bad), null, JSON.stringify(bad));
    }
  });
});
