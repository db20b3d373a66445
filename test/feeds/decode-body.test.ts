import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeBody } from '../../src/feeds/decode-body.js';

describe('decodeBody', () => {
  const xml = '<?xml version="1.0"?><rss><channel><title>Dépêches</title></channel></rss>';
  it('reads UTF-16 BE by its byte-order mark (not as little-endian garbage)', () => {
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(xml, 'utf16le').swap16()]);
    assert.equal(decodeBody('https://x/f', be, 'application/rss+xml'), xml);
  });
  it('reads UTF-16 LE by its byte-order mark, whatever the header says', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')]);
    assert.equal(decodeBody('https://x/f', le, 'text/xml; charset=utf-8'), xml);
  });
  it('reads a declared legacy charset and guesses windows-1252 for undeclared non-UTF-8', () => {
    assert.equal(decodeBody('u', Buffer.from([0x63, 0x61, 0x66, 0xe9]), 'text/plain'), 'café');
    assert.equal(decodeBody('u', Buffer.from([0x63, 0xe0]), 'text/plain; charset=iso-8859-1'), 'cà');
  });
});
