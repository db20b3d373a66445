/**
 * The dashboard never builds markup from strings: no innerHTML/outerHTML/insertAdjacentHTML,
 * document.write, DOMParser, srcdoc or `style=` attributes anywhere in web/ sources (the article
 * text is hostile input and the server's CSP forbids inline styles). A grep, so it fails the moment
 * someone adds one.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { repoRoot } from '../shared-path.js';

const FORBIDDEN = [
  /\binnerHTML\b/,
  /\bouterHTML\b/,
  /\binsertAdjacentHTML\b/,
  /\bdocument\.write/,
  /\bDOMParser\b/,
  /\bcreateContextualFragment\b/,
  /\bsrcdoc\b/,
  /\bsetAttribute\(\s*['"]style['"]/,
  /\bstyle\s*=\s*["']/,
  /<script(?![^>]*\bsrc=)[^>]*>/i,
];

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return files(p);
    return /\.(ts|html|css)$/.test(e.name) ? [p] : [];
  });
}

describe('web sources', () => {
  it('contain no HTML-from-string APIs, inline scripts or inline styles', () => {
    const web = path.join(repoRoot, 'web');
    const all = files(web);
    assert.ok(all.length > 5, `expected the dashboard sources under ${web}`);
    const hits: string[] = [];
    for (const f of all) {
      const lines = readFileSync(f, 'utf8').split('\n');
      lines.forEach((line, i) => {
        // Comments may name the APIs they avoid.
        if (/^\s*(\*|\/\/|\/\*)/.test(line)) return;
        for (const re of FORBIDDEN)
          if (re.test(line)) hits.push(`${path.relative(web, f)}:${i + 1}: ${line.trim()}`);
      });
    }
    assert.deepEqual(hits, []);
  });
});
