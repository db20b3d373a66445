/**
 * Bytes → text, the one decoder every reader uses (files, standard input, JSONL streams, feeds and
 * pages). UTF-8 by default, a UTF-8 byte-order mark stripped; UTF-16 (LE or BE) when a byte-order
 * mark says so; other character sets only when a caller names one (the feed fetcher's declared
 * charset). Refuses empty input, binary data and invalid UTF-8 with a SitrepError naming the input.
 * Imports core only.
 */
import { TextDecoder } from 'node:util';
import { SitrepError } from '../core/errors.js';

/** The UTF-16 flavour a byte-order mark announces, or null when the bytes start with none. */
export function utf16Bom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length < 2) return null;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** More than this share of control characters in the opening text is binary data, not an article. */
const MAX_CONTROL_SHARE = 0.05;

function isControl(code: number): boolean {
  return code < 9 || (code > 13 && code < 32);
}

/**
 * Decodes bytes as UTF-8 text (or UTF-16 with a byte-order mark), refusing binary data and invalid
 * UTF-8. Strips a byte-order mark and turns CRLF/CR line ends into LF (before the document exists,
 * so offsets refer to the result).
 */
export function decodeText(input: string, bytes: Buffer): string {
  if (bytes.length === 0)
    throw new SitrepError('INPUT_EMPTY', `${input}: empty input, no article to read`, { input });
  const utf16 = utf16Bom(bytes);
  if (utf16) return decodeWith(input, bytes, utf16);
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of sample) {
    if (b === 0)
      throw new SitrepError('INPUT_BINARY', `${input}: binary data (NUL bytes), not text or HTML`, { input });
    if (isControl(b)) control++;
  }
  if (control > sample.length * MAX_CONTROL_SHARE) throw binary(input, 'control bytes');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (err) {
    throw new SitrepError('INPUT_BAD_ENCODING', `${input}: not valid UTF-8 text`, { input, cause: err });
  }
  return finish(input, text);
}

/**
 * Decodes bytes in a named character set (a UTF-16 byte-order mark wins over the name). The decoded
 * text passes the same refusals as UTF-8: a binary file that happens to start with FF FE decodes to
 * NULs and control characters and is refused as binary.
 */
export function decodeWith(input: string, bytes: Buffer, charset: string): string {
  const label = utf16Bom(bytes) ?? charset;
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label);
  } catch (err) {
    throw new SitrepError('INPUT_BAD_ENCODING', `${input}: unsupported character set '${charset}'`, {
      input,
      cause: err,
    });
  }
  const text = decoder.decode(bytes);
  if (text.includes('\u0000')) throw binary(input, 'NUL characters');
  const sampleEnd = Math.min(text.length, 8192);
  let control = 0;
  for (let i = 0; i < sampleEnd; i++) if (isControl(text.charCodeAt(i))) control++;
  if (control > sampleEnd * MAX_CONTROL_SHARE) throw binary(input, 'control characters');
  return finish(input, text);
}

function binary(input: string, what: string): SitrepError {
  return new SitrepError('INPUT_BINARY', `${input}: binary data (${what}), not text or HTML`, { input });
}

function finish(input: string, decoded: string): string {
  const text = decoded.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (text.trim() === '')
    throw new SitrepError('INPUT_EMPTY', `${input}: only whitespace, no article to read`, { input });
  return text;
}

/**
 * Decodes a byte stream chunk by chunk (a JSONL corpus far larger than one article): UTF-16 when the
 * first bytes are its byte-order mark, else UTF-8; a UTF-8 byte-order mark is dropped. Invalid bytes
 * become U+FFFD, as a UTF-8 read stream does, so one bad line cannot end the corpus.
 */
export async function* decodeStream(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  let decoder: TextDecoder | null = null;
  let head = Buffer.alloc(0);
  for await (const chunk of chunks) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    if (!decoder) {
      head = Buffer.concat([head, bytes]);
      if (head.length < 2) continue;
      decoder = new TextDecoder(utf16Bom(head) ?? 'utf-8');
      const text = decoder.decode(head, { stream: true });
      if (text) yield text;
      continue;
    }
    const text = decoder.decode(bytes, { stream: true });
    if (text) yield text;
  }
  if (!decoder) {
    if (head.length > 0) yield new TextDecoder('utf-8').decode(head);
    return;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}
