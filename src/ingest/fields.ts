/**
 * Maps a JSON record (one line of a JSONL corpus) to article text and metadata. `--field
 * body=content_original` names the record key for one of our fields; without it, the usual keys are
 * tried in order (data/ingest/field-aliases.tsv). Imports core, the data reader and the input helpers.
 */
import { SitrepError } from '../core/errors.js';
import type { DocumentMeta } from '../core/types.js';
import { parseTsv, readDataFile } from '../data/paths.js';
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

const ARTICLE_FIELDS: readonly ArticleField[] = ['body', 'title', 'published', 'url', 'outlet'];

/**
 * Record keys tried, in order, when no `--field` names one: data/ingest/field-aliases.tsv (the key
 * names of GDELT, ACLED and news-API exports), read once on first use.
 */
let defaultKeys: FieldMap | null = null;
export function defaultFieldKeys(): FieldMap {
  if (defaultKeys) return defaultKeys;
  const map: Record<ArticleField, string[]> = { body: [], title: [], published: [], url: [], outlet: [] };
  for (const { line, row } of parseTsv(readDataFile('ingest', 'field-aliases.tsv'))) {
    const field = row.field as ArticleField;
    if (!ARTICLE_FIELDS.includes(field) || !row.key) {
      throw new SitrepError(
        'DATA_MISSING',
        `data/ingest/field-aliases.tsv:${line}: unknown field ${row.field}`,
      );
    }
    map[field].push(row.key);
  }
  defaultKeys = Object.freeze(map);
  return defaultKeys;
}

export type FieldMap = Readonly<Record<ArticleField, readonly string[]>>;

/** The keys of data/ingest/field-aliases.tsv (a small file: read when this module loads). */
export const DEFAULT_KEYS: FieldMap = defaultFieldKeys();

/** Parses `--field ours=theirs` options into the keys to try; returns an error message for a bad one. */
export function parseFieldOptions(options: readonly string[]): FieldMap | string {
  const map: Record<ArticleField, readonly string[]> = { ...defaultFieldKeys() };
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

/** The value at `key`; a dotted key (`source.name`) reads nested objects when no flat key has the dots. */
function valueAt(record: Record<string, unknown>, key: string): unknown {
  if (key in record || !key.includes('.')) return record[key];
  let v: unknown = record;
  for (const part of key.split('.')) {
    if (!v || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[part];
  }
  return v;
}

function kindOf(v: unknown): string {
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  return `a ${typeof v} (${JSON.stringify(v)})`;
}

/**
 * The first usable value among the keys: a string, or an object's string `name` (feeds exported as
 * JSON nest: {"source": {"name": "..."}}). A value of another type is refused by key, not turned
 * into text: `{"text": 12345}` is a broken export, not the article "12345". Only a date may be a
 * number (GDELT's `20220301120000`).
 */
function pick(
  input: string,
  record: Record<string, unknown>,
  keys: readonly string[],
  numbers = false,
): string | null {
  for (const k of keys) {
    const v = valueAt(record, k);
    if (v === null || v === undefined) continue;
    if (typeof v === 'string') {
      if (v.trim() !== '') return v;
      continue;
    }
    if (numbers && typeof v === 'number') return String(v);
    if (v && typeof v === 'object' && typeof (v as { name?: unknown }).name === 'string') {
      return (v as { name: string }).name;
    }
    throw new SitrepError('INPUT_MALFORMED', `${input}: "${k}" is ${kindOf(v)}, not text`, { input });
  }
  return null;
}

/** The first of `keys` whose value reads as a date (a key holding "unknown" does not hide a later one). */
function pickDate(input: string, record: Record<string, unknown>, keys: readonly string[]): string | null {
  for (const k of keys) {
    const raw = pick(input, record, [k], true);
    const date = raw ? isoDateFromMetadata(raw) : null;
    if (date) return date;
  }
  return null;
}

export interface MappedRecord {
  readonly text: string | null;
  readonly meta: Partial<DocumentMeta>;
}

/** Maps one record; `input` names it (`file:LINE`) in the refusal of a value that is not text. */
export function mapRecord(input: string, record: Record<string, unknown>, fields: FieldMap): MappedRecord {
  const published = pickDate(input, record, fields.published);
  const meta: Partial<DocumentMeta> = {
    title: pick(input, record, fields.title)?.trim() ?? null,
    url: pick(input, record, fields.url)?.trim() ?? null,
    source: pick(input, record, fields.outlet)?.trim() ?? null,
    ...(published ? { published, publishedFrom: 'metadata' as const } : {}),
  };
  return { text: pick(input, record, fields.body), meta };
}
