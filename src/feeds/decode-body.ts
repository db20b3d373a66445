/**
 * Fetched bytes → text, honouring the declared character set: the Content-Type charset, else the
 * XML declaration's encoding, else an HTML <meta charset>. UTF-8 goes through the input readers'
 * `decodeText` (the same refusals as a file: empty, binary, invalid UTF-8; UTF-16 with a byte-order
 * mark); other charsets through the same module's `decodeWith`. An undeclared body that is not valid UTF-8 is read as windows-1252, as browsers do.
 * Imports core errors and src/input only.
 */
import { isSitrepError } from '../core/errors.js';
import { decodeText, decodeWith, utf16Bom } from '../input/decode.js';

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
  // A byte-order mark wins over any declaration (and says which end comes first).
  const charset = utf16Bom(bytes) ?? declaredCharset(bytes, contentType);
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
