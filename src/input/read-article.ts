/**
 * Reads one article from a file or standard input and turns it into verbatim text plus metadata.
 * Refuses bad input (missing, empty, binary, invalid UTF-8, too large) with a SitrepError naming it;
 * UTF-16 with a byte-order mark is read (./decode.ts). Imports core only (and the HTML reducer).
 */
import { readFile, stat } from 'node:fs/promises';
import { SitrepError } from '../core/errors.js';
import type { DocumentMeta } from '../core/types.js';
import { decodeText } from './decode.js';
import { htmlToArticle, looksLikeHtml } from './html.js';
import { dateInText } from './published-date.js';

export { decodeText };

/** Articles longer than this are refused: no news article is 10 MB of text. */
export const MAX_INPUT_BYTES = 10 * 1024 * 1024;

export interface ArticleInput {
  /** The path, URL or `-` the article came from (named in every error). */
  readonly input: string;
  readonly text: string;
  readonly meta: Partial<DocumentMeta>;
  readonly format: 'text' | 'html';
}

export interface ReadOptions {
  readonly maxBytes?: number;
  /** 'auto' (default) tells HTML from text by its first bytes. */
  readonly format?: 'auto' | 'text' | 'html';
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function readInputBytes(input: string, options: ReadOptions = {}): Promise<Buffer> {
  const max = options.maxBytes ?? MAX_INPUT_BYTES;
  if (input === '-') {
    const buf = await readStdin();
    if (buf.length > max) throw tooLarge(input, buf.length, max);
    return buf;
  }
  let size: number;
  try {
    const st = await stat(input);
    if (st.isDirectory())
      throw new SitrepError('INPUT_UNREADABLE', `${input}: is a directory, not an article file`, { input });
    size = st.size;
  } catch (err) {
    if (err instanceof SitrepError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      throw new SitrepError('INPUT_NOT_FOUND', `${input}: no such file`, { input, cause: err });
    throw new SitrepError('INPUT_UNREADABLE', `${input}: cannot read (${code ?? String(err)})`, {
      input,
      cause: err,
    });
  }
  if (size > max) throw tooLarge(input, size, max);
  try {
    return await readFile(input);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new SitrepError('INPUT_UNREADABLE', `${input}: cannot read (${code ?? String(err)})`, {
      input,
      cause: err,
    });
  }
}

function tooLarge(input: string, size: number, max: number): SitrepError {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  return new SitrepError(
    'INPUT_TOO_LARGE',
    `${input}: ${mb(size)} is over the ${mb(max)} limit for one article`,
    {
      input,
    },
  );
}

/**
 * Turns decoded input into article text and metadata: HTML is reduced to its article; the publication
 * date comes from the page's metadata, else from a full date near the start of the text.
 */
export function articleFromText(
  input: string,
  raw: string,
  format: ReadOptions['format'] = 'auto',
): ArticleInput {
  const isHtml = format === 'html' || (format !== 'text' && looksLikeHtml(raw));
  let text = raw;
  let meta: Partial<DocumentMeta> = {};
  if (isHtml) {
    const article = htmlToArticle(input, raw);
    text = article.text;
    meta = article.meta;
  }
  if (!meta.published) {
    const found = dateInText(text);
    if (found) meta = { ...meta, published: found.date, publishedFrom: 'text' };
  }
  return { input, text, meta, format: isHtml ? 'html' : 'text' };
}

export async function readArticle(input: string, options: ReadOptions = {}): Promise<ArticleInput> {
  const bytes = await readInputBytes(input, options);
  return articleFromText(input, decodeText(input, bytes), options.format);
}
