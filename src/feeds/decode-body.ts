/**
 * Fetched bytes → text, honouring the declared character set: the Content-Type charset, else the
 * XML declaration's encoding, else an HTML <meta charset>. UTF-8 goes through the input readers'
 * `decodeText` (the same refusals as a file: empty, binary, invalid UTF-8); other charsets through
 * TextDecoder. An undeclared body that is not valid UTF-8 is read as windows-1252, as browsers do.
 * Imports core errors and src/input only.
 */
import { TextDecoder } from 'node:util';
import { isSitrepError, SitrepError } from '../core/errors.js';
import { decodeText } from '../input/read-article.js';

const UTF8 = new Set(['utf-8', 'utf8', 'unicode-1-1-utf-8', 'us-ascii', 'ascii']);

/** The charset the headers or the document itself declare, lower-cased; null when none. */
export function declaredCharset(bytes: Buffer, contentType: string): string | null {
  const fromHeader = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType)?.[1];
  if (fromHeader) return fromHeader.toLowerCase();
  // Declarations are ASCII in every charset a feed or page uses (UTF-16 aside, which has a BOM).
  const head = bytes.subarray(0, 2048).toString('latin1');
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1];
  if (xml) return xml.toLowerCase();
  const meta =
    /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1] ??
    /<meta[^>]+content\s*=\s*["'][^"']*charset=([\w.:-]+)/i.exec(head)?.[1];
  return meta ? meta.toLowerCase() : null;
}

export function decodeBody(url: string, bytes: Buffer, contentType: string): string {
  const bom16 =
    bytes.length >= 2 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
  const charset = bom16 ? 'utf-16' : declaredCharset(bytes, contentType);
  if (!charset || UTF8.has(charset)) {
    try {
      return decodeText(url, bytes);
    } catch (err) {
      if (charset || !isSitrepError(err) || err.code !== 'INPUT_BAD_ENCODING') throw err;
      return decodeWith(url, bytes, 'windows-1252');
    }
  }
  return decodeWith(url, bytes, charset);
}

function decodeWith(url: string, bytes: Buffer, charset: string): string {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset);
  } catch (err) {
    throw new SitrepError('INPUT_BAD_ENCODING', `${url}: unsupported character set '${charset}'`, {
      input: url,
      cause: err,
    });
  }
  const text = decoder
    .decode(bytes)
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n');
  if (text.trim() === '') throw new SitrepError('INPUT_EMPTY', `${url}: empty response`, { input: url });
  if (text.includes('\u0000')) {
    throw new SitrepError('INPUT_BINARY', `${url}: binary data (NUL characters), not a feed or page`, {
      input: url,
    });
  }
  return text;
}
