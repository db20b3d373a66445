/**
 * Maps a JSON record (one line of a JSONL corpus) to article text and metadata. `--field
 * body=content_original` names the record key for one of our fields; without it, the usual keys are
 * tried in order. Imports core and the input helpers only.
 */
import { SitrepError } from '../core/errors.js';
import type { DocumentMeta } from '../core/types.js';
import { isoDateFromMetadata } from '../input/published-date.js';

export type ArticleField = 'body' | 'title' | 'published' | 'url' | 'outlet';

/** Our field names and their synonyms on the command line (`--field text=...` = `--field body=...`). */
const SYNONYMS: Record<string, ArticleField> = {
  body: 'body',
  text: 'body',
  content: 'body',
  title: 'title',
  headline: 'title',
  published: 'published',
  date: 'published',
  url: 'url',
  link: 'url',
  outlet: 'outlet',
  source: 'outlet',
};

/** Record keys tried, in order, when no `--field` names one. */
export const DEFAULT_KEYS: Readonly<Record<ArticleField, readonly string[]>> = {
  body: ['text', 'body', 'content', 'article', 'content_original', 'story'],
  title: ['title', 'headline'],
  published: ['published', 'date', 'pubDate', 'published_at', 'publishedAt', 'datetime'],
  url: ['url', 'link', 'href'],
  outlet: ['source', 'outlet', 'publisher', 'site', 'source_name'],
};

export type FieldMap = Readonly<Record<ArticleField, readonly string[]>>;

/** Parses `--field ours=theirs` options into the keys to try; returns an error message for a bad one. */
export function parseFieldOptions(options: readonly string[]): FieldMap | string {
  const map: Record<ArticleField, readonly string[]> = { ...DEFAULT_KEYS };
  for (const opt of options) {
    const m = /^([A-Za-z_]+)=(.+)$/.exec(opt);
    const ours = m ? SYNONYMS[m[1]!.toLowerCase()] : undefined;
    if (!m || !ours) {
      return `--field ${opt}: expected FIELD=KEY with FIELD one of ${Object.keys(SYNONYMS).join(', ')}`;
    }
    map[ours] = [m[2]!];
  }
  return map;
}

function kindOf(v: unknown): string {
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  return `a ${typeof v} (${JSON.stringify(v)})`;
}

/**
 * The first usable value among the keys: a string, or an object's string `name` (feeds exported as
 * JSON nest: {"source": {"name": "..."}}). A value of another type is refused by key, not turned
 * into text: `{"text": 12345}` is a broken export, not the article "12345".
 */
function pick(input: string, record: Record<string, unknown>, keys: readonly string[]): string | null {
  for (const k of keys) {
    const v = record[k];
    if (v === null || v === undefined) continue;
    if (typeof v === 'string') {
      if (v.trim() !== '') return v;
      continue;
    }
    if (v && typeof v === 'object' && typeof (v as { name?: unknown }).name === 'string') {
      return (v as { name: string }).name;
    }
    throw new SitrepError('INPUT_MALFORMED', `${input}: "${k}" is ${kindOf(v)}, not text`, { input });
  }
  return null;
}

export interface MappedRecord {
  readonly text: string | null;
  readonly meta: Partial<DocumentMeta>;
}

/** Maps one record; `input` names it (`file:LINE`) in the refusal of a value that is not text. */
export function mapRecord(input: string, record: Record<string, unknown>, fields: FieldMap): MappedRecord {
  const rawDate = pick(input, record, fields.published);
  const published = rawDate ? isoDateFromMetadata(rawDate) : null;
  const meta: Partial<DocumentMeta> = {
    title: pick(input, record, fields.title)?.trim() ?? null,
    url: pick(input, record, fields.url)?.trim() ?? null,
    source: pick(input, record, fields.outlet)?.trim() ?? null,
    ...(published ? { published, publishedFrom: 'metadata' as const } : {}),
  };
  return { text: pick(input, record, fields.body), meta };
}
