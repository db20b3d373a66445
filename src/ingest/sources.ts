/**
 * Turns `sitrep ingest` arguments (files, folders, globs, URLs, `-`) into a stream of articles,
 * each with a key naming where it came from (`path`, `path:LINE` for JSONL, the item link for
 * feeds). A bad input becomes an error item and the stream goes on. Streams JSONL line by line so
 * memory does not grow with the corpus. Imports core and input helpers; never the store.
 */
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { parseFeed } from 'feedsmith';
import { SitrepError } from '../core/errors.js';
import type { DocumentMeta } from '../core/types.js';
import { decodeStream } from '../input/decode.js';
import { dateFromFileName, isoDateFromMetadata } from '../input/published-date.js';
import {
  articleFromText,
  decodeText,
  MAX_INPUT_BYTES,
  readArticle,
  readInputBytes,
} from '../input/read-article.js';
import { type FieldMap, mapRecord } from './fields.js';
import { expandPath } from './glob.js';

export type InputFormat = 'auto' | 'text' | 'html' | 'jsonl' | 'rss';

export interface RawArticle {
  readonly key: string;
  readonly text: string;
  readonly meta: Partial<DocumentMeta>;
}

export type SourceItem = { ok: true; article: RawArticle } | { ok: false; key: string; error: unknown };

export interface SourceOptions {
  readonly format: InputFormat;
  readonly fields: FieldMap;
  /** `--published`: the publication date (YYYY-MM-DD) of every article read, over any other. */
  readonly published?: string;
  /** `--outlet`: the outlet of every article read, over any other. */
  readonly outlet?: string;
  /** Injected for tests; defaults to the global fetch. */
  readonly fetch?: typeof fetch;
}

export function isUrl(arg: string): boolean {
  return /^https?:\/\//i.test(arg);
}

/** The format of a file from its name (when `--format auto`). */
export function formatOfPath(file: string): InputFormat {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  if (ext === '.xml' || ext === '.rss' || ext === '.atom') return 'rss';
  return 'auto';
}

/** The format of content from its first characters (standard input, URLs). */
export function sniffFormat(content: string): InputFormat {
  const head = content.slice(0, 512).trimStart();
  if (head.startsWith('{')) return 'jsonl';
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(rss|feed|rdf:RDF)[\s>]/i.test(head)) return 'rss';
  return 'auto';
}

function normaliseNewlines(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

function recordArticle(key: string, line: string, fields: FieldMap): RawArticle {
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch (err) {
    throw new SitrepError('INPUT_MALFORMED', `${key}: not a JSON object (${(err as Error).message})`, {
      input: key,
      cause: err,
    });
  }
  if (!record || typeof record !== 'object' || Array.isArray(record)) {
    throw new SitrepError('INPUT_MALFORMED', `${key}: expected a JSON object per line`, { input: key });
  }
  const { text, meta } = mapRecord(key, record as Record<string, unknown>, fields);
  if (text === null || text.trim() === '') {
    throw new SitrepError(
      'INPUT_NO_ARTICLE',
      `${key}: no article text (tried keys ${fields.body.join(', ')}; name one with --field body=KEY)`,
      { input: key },
    );
  }
  // A JSON "\u0000" escape is valid JSON but no text: PostgreSQL stores no NUL in text, and one such
  // record would fail the whole batch it is written with.
  if ([text, ...Object.values(meta)].some((v) => typeof v === 'string' && v.includes('\u0000'))) {
    throw new SitrepError('INPUT_BINARY', `${key}: binary data (NUL characters), not text`, { input: key });
  }
  if (text.length > MAX_INPUT_BYTES) {
    throw new SitrepError('INPUT_TOO_LARGE', `${key}: the article text is over the size limit`, {
      input: key,
    });
  }
  const article = articleFromText(key, normaliseNewlines(text), 'auto');
  // Fields of the record win over what was read from the text.
  const merged: Partial<DocumentMeta> = { ...article.meta };
  for (const [k, v] of Object.entries(meta))
    if (v !== null && v !== undefined) Object.assign(merged, { [k]: v });
  return { key, text: article.text, meta: merged };
}

/** Lines of a byte stream decoded as UTF-8, or UTF-16 when it starts with that byte-order mark. */
function decodedLines(bytes: AsyncIterable<Buffer | string>): AsyncIterable<string> {
  return createInterface({
    input: Readable.from(decodeStream(bytes)),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
}

async function* jsonlLines(key: string, lines: AsyncIterable<string> | Iterable<string>, fields: FieldMap) {
  let n = 0;
  for await (const line of lines) {
    n++;
    if (line.trim() === '') continue;
    const k = `${key}:${n}`;
    try {
      yield { ok: true, article: recordArticle(k, line, fields) } as SourceItem;
    } catch (error) {
      yield { ok: false, key: k, error } as SourceItem;
    }
  }
}

function feedItems(key: string, xml: string): SourceItem[] {
  let parsed: ReturnType<typeof parseFeed>;
  try {
    parsed = parseFeed(xml);
  } catch (err) {
    return [
      {
        ok: false,
        key,
        error: new SitrepError(
          'INPUT_MALFORMED',
          `${key}: not an RSS or Atom feed (${(err as Error).message})`,
          {
            input: key,
            cause: err,
          },
        ),
      },
    ];
  }
  const out: SourceItem[] = [];
  const items: { title?: string; link?: string; date?: string; body?: string }[] = [];
  const feed = parsed.feed as Record<string, unknown>;
  if (parsed.format === 'atom') {
    for (const e of (feed.entries ?? []) as Record<string, never>[]) {
      const v = (x: unknown) =>
        x && typeof x === 'object' ? (x as { value?: string }).value : (x as string);
      items.push({
        title: v(e.title),
        link: ((e.links ?? []) as { href?: string }[])[0]?.href,
        date: (e.published ?? e.updated) as string | undefined,
        body: v(e.content) ?? v(e.summary),
      });
    }
  } else {
    const channel = feed as { items?: Record<string, unknown>[] };
    for (const it of channel.items ?? []) {
      const content = (it.content as { encoded?: string } | undefined)?.encoded;
      items.push({
        title: it.title as string | undefined,
        link: it.link as string | undefined,
        date: (it.pubDate ?? (it.dc as { date?: string } | undefined)?.date) as string | undefined,
        body: content ?? (it.description as string | undefined),
      });
    }
  }
  items.forEach((it, i) => {
    const k = it.link ?? `${key}#${i + 1}`;
    try {
      if (!it.body?.trim()) {
        throw new SitrepError('INPUT_NO_ARTICLE', `${k}: the feed item has no content or description`, {
          input: k,
        });
      }
      // Feed bodies are HTML fragments: keep the text between the tags, one block a paragraph.
      const raw = /<[a-z][\s\S]*>/i.test(it.body) ? htmlFragmentText(it.body) : it.body;
      const published = it.date ? isoDateFromMetadata(it.date) : null;
      out.push({
        ok: true,
        article: {
          key: k,
          text: normaliseNewlines(raw).trim(),
          meta: {
            title: it.title?.trim() ?? null,
            url: it.link ?? null,
            ...(published ? { published, publishedFrom: 'metadata' as const } : {}),
          },
        },
      });
    } catch (error) {
      out.push({ ok: false, key: k, error });
    }
  });
  return out;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Text of a short HTML fragment (a feed summary): block ends become blank lines, tags go. */
function htmlFragmentText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, '')
    .replace(/<\/(p|div|h[1-6]|li|blockquote)>|<br\s*\/?>/gi, '\n\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] === '#') {
        const code = e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1));
        return Number.isFinite(code) ? String.fromCodePoint(code) : m;
      }
      return ENTITIES[e.toLowerCase()] ?? m;
    })
    .replace(/[ \t]+/g, ' ')
    .replace(/\n[ \t]+/g, '\n')
    .replace(/\n{3,}/g, '\n\n');
}

async function* fromContent(key: string, content: string, format: InputFormat, opts: SourceOptions) {
  const f = format === 'auto' ? sniffFormat(content) : format;
  if (f === 'jsonl') yield* jsonlLines(key, content.split('\n'), opts.fields);
  else if (f === 'rss') yield* feedItems(key, content);
  else {
    try {
      const a = articleFromText(key, content, f);
      yield { ok: true, article: { key, text: a.text, meta: a.meta } } as SourceItem;
    } catch (error) {
      yield { ok: false, key, error } as SourceItem;
    }
  }
}

async function* fromUrl(url: string, opts: SourceOptions): AsyncGenerator<SourceItem> {
  const get = opts.fetch ?? fetch;
  let body: string;
  let type: string;
  try {
    const res = await get(url, { signal: AbortSignal.timeout(30_000), redirect: 'follow' });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    type = res.headers.get('content-type') ?? '';
    body = normaliseNewlines(await res.text());
  } catch (err) {
    yield {
      ok: false,
      key: url,
      error: new SitrepError('INPUT_UNREADABLE', `${url}: cannot fetch (${(err as Error).message})`, {
        input: url,
        cause: err,
      }),
    };
    return;
  }
  let format = opts.format;
  if (format === 'auto' && /(rss|atom)\+xml|\/xml/.test(type)) format = 'rss';
  for await (const item of fromContent(url, body, format, opts)) {
    if (item.ok && !item.article.meta.url && format !== 'rss') {
      yield { ok: true, article: { ...item.article, meta: { ...item.article.meta, url } } };
    } else yield item;
  }
}

async function* fromFile(file: string, opts: SourceOptions): AsyncGenerator<SourceItem> {
  const format = opts.format === 'auto' ? formatOfPath(file) : opts.format;
  if (format === 'jsonl') {
    const stream = createReadStream(file);
    const opened = await new Promise<Error | null>((resolve) => {
      stream.once('open', () => resolve(null));
      stream.once('error', (err) => resolve(err));
    });
    if (opened) {
      yield {
        ok: false,
        key: file,
        error: new SitrepError(
          'INPUT_NOT_FOUND',
          `${file}: cannot open (${(opened as NodeJS.ErrnoException).code})`,
          {
            input: file,
            cause: opened,
          },
        ),
      };
      return;
    }
    yield* jsonlLines(file, decodedLines(stream), opts.fields);
    return;
  }
  try {
    if (format === 'rss') {
      const text = decodeText(file, await readInputBytes(file));
      yield* feedItems(file, text);
      return;
    }
    const a = await readArticle(file, { format: format === 'auto' ? 'auto' : format });
    yield { ok: true, article: { key: file, text: a.text, meta: withFileNameDate(file, a.meta) } };
  } catch (error) {
    yield { ok: false, key: file, error };
  }
}

/**
 * A date at the start of the file name (`2024-10-28-foo.txt`) dates the article unless its own
 * metadata did: whoever named the file knew the day, while a date read from the text is a guess.
 */
function withFileNameDate(file: string, meta: Partial<DocumentMeta>): Partial<DocumentMeta> {
  if (meta.publishedFrom === 'metadata') return meta;
  const date = dateFromFileName(path.basename(file));
  return date ? { ...meta, published: date, publishedFrom: 'filename' } : meta;
}

/** `--published` and `--outlet` given on the command line win over what each article says. */
function withCommandLineMeta(item: SourceItem, opts: SourceOptions): SourceItem {
  if (!item.ok || (opts.published === undefined && opts.outlet === undefined)) return item;
  const meta: Partial<DocumentMeta> = {
    ...item.article.meta,
    ...(opts.published !== undefined ? { published: opts.published, publishedFrom: 'cli' as const } : {}),
    ...(opts.outlet !== undefined ? { source: opts.outlet } : {}),
  };
  return { ok: true, article: { ...item.article, meta } };
}

/** Every article of every argument, in argument order. */
export async function* readSources(args: readonly string[], opts: SourceOptions): AsyncGenerator<SourceItem> {
  for await (const item of readAll(args, opts)) yield withCommandLineMeta(item, opts);
}

async function* readAll(args: readonly string[], opts: SourceOptions): AsyncGenerator<SourceItem> {
  for (const arg of args) {
    if (arg === '-' && opts.format === 'jsonl') {
      // Stream a JSONL corpus piped in: it may be far larger than one article's size limit.
      yield* jsonlLines('-', decodedLines(process.stdin), opts.fields);
    } else if (arg === '-') {
      try {
        const content = decodeText('-', await readInputBytes('-'));
        yield* fromContent('-', content, opts.format, opts);
      } catch (error) {
        yield { ok: false, key: '-', error };
      }
    } else if (isUrl(arg)) {
      yield* fromUrl(arg, opts);
    } else {
      for (const file of expandPath(arg)) yield* fromFile(file, opts);
    }
  }
}

function hasText(buf: Buffer, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (buf[i]! > 32) return true;
  return false;
}

/**
 * How many articles the arguments hold, for the progress bar's ETA: one per text/HTML file, one per
 * non-empty line of a JSONL file; undefined when a feed, URL or standard input makes it unknowable.
 */
export async function countArticles(
  args: readonly string[],
  format: InputFormat,
): Promise<number | undefined> {
  let total = 0;
  for (const arg of args) {
    if (arg === '-' || isUrl(arg)) return undefined;
    for (const file of expandPath(arg)) {
      const f = format === 'auto' ? formatOfPath(file) : format;
      if (f === 'rss') return undefined;
      if (f !== 'jsonl') {
        total++;
        continue;
      }
      try {
        // Newlines found with indexOf (native), not byte by byte: a 20 MB corpus counts in milliseconds.
        let partial = false;
        for await (const chunk of createReadStream(file)) {
          const buf = chunk as Buffer;
          let start = 0;
          for (let nl = buf.indexOf(10, start); nl !== -1; nl = buf.indexOf(10, start)) {
            if (partial || hasText(buf, start, nl)) total++;
            partial = false;
            start = nl + 1;
          }
          partial ||= hasText(buf, start, buf.length);
        }
        if (partial) total++;
      } catch {
        total++;
      }
    }
  }
  return total;
}
