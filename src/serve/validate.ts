/**
 * Parses a request's query, path parameters and body with the route's zod schemas; the first
 * problem becomes a 400 naming the field. Imports zod and ./http-error only.
 */
import type { z } from 'zod';
import { HttpError } from './http-error.js';

export function parseWith<S extends z.ZodType>(schema: S, value: unknown, where: string): z.output<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const field = issue.path.map(String).join('.') || null;
  const what = field ? `${where} ${field}` : where;
  throw new HttpError(400, `${what}: ${issue.message}`, field);
}

/** Parameters that take several values: repeated (`?actor=RUS&actor=UKR`) they join as a comma list. */
export const LIST_PARAMS: ReadonlySet<string> = new Set([
  'actor',
  'source',
  'target',
  'cameo',
  'plover',
  'place',
  'certainty',
  'polarity',
]);

/**
 * The query string as an object: the first value of a repeated parameter (all of them, comma-joined,
 * for LIST_PARAMS); an empty value counts as absent (forms and clients send `?q=&limit=` for "no
 * filter").
 */
export function queryObject(url: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of new URL(url).searchParams) {
    if (v === '') continue;
    if (!(k in out)) out[k] = v;
    else if (LIST_PARAMS.has(k)) out[k] = `${out[k]},${v}`;
  }
  return out;
}
