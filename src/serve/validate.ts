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

/**
 * The query string as an object: the first value of a repeated parameter; an empty value counts as
 * absent (forms and clients send `?q=&limit=` for "no filter").
 */
export function queryObject(url: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of new URL(url).searchParams) if (!(k in out) && v !== '') out[k] = v;
  return out;
}
