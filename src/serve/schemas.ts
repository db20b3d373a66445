/**
 * The zod schemas of every request the API accepts: query strings, path parameters and the posted
 * document. They validate requests (./validate.ts) and are the only source of the OpenAPI document
 * (./openapi.ts), so the two cannot disagree. Imports zod and ./cursor only.
 */
import { z } from 'zod';
import { decodeCursor } from './cursor.js';

export const MAX_LIMIT = 500;

const limit = z.coerce
  .number()
  .int()
  .min(1)
  .max(MAX_LIMIT)
  .default(50)
  .describe(`page size (1–${MAX_LIMIT})`);

const cursor = z
  .string()
  .max(64)
  .transform((s, ctx) => {
    const offset = decodeCursor(s);
    if (offset === null) {
      ctx.addIssue({ code: 'custom', message: 'not a cursor this server gave out (use `next` of a page)' });
      return z.NEVER;
    }
    return offset;
  })
  .optional()
  .describe('`next` of the previous page');

const text = (max: number, what: string) => z.string().trim().min(1).max(max).optional().describe(what);
const bool = (what: string) => z.enum(['true', 'false']).optional().describe(what);

/** The filters of `sitrep events`, shared by events, network, timeline and places. */
export const storyFilterQuery = z.object({
  actor: text(
    1000,
    'either side: names, states, codes or code prefixes (Putin, Russia, RUS matches RUSGOV); comma-separated or repeated: any of them',
  ),
  source: text(1000, 'as actor, the source (who acts) only'),
  target: text(1000, 'as actor, the target only'),
  cameo: z
    .string()
    .regex(/^\d{2,4}(,\d{2,4})*$/, 'CAMEO codes or roots of 2 to 4 digits, comma-separated (18,19)')
    .optional()
    .describe('CAMEO codes or roots, comma-separated: 18,19 matches 18x and 19x'),
  plover: z
    .string()
    .regex(/^[A-Za-z_]{2,40}(,[A-Za-z_]{2,40})*$/, 'PLOVER event types such as AID, comma-separated')
    .optional()
    .describe('PLOVER event types, comma-separated'),
  certainty: text(
    200,
    'with a mention of this certainty (asserted, likely, believed, possible, planned, conditional); comma-separated',
  ),
  polarity: text(200, 'with a mention of this polarity (positive, negative, unconfirmed); comma-separated'),
  from: z.iso.date().optional().describe('events on or after this date (YYYY-MM-DD)'),
  to: z.iso.date().optional().describe('events on or before this date (YYYY-MM-DD)'),
  place: text(
    1000,
    'place names (prefix) incl. alternate names (Kiev = Kyiv) or country codes; comma-separated',
  ),
  outlet: text(200, 'reported by this outlet'),
  min_sources: z.coerce
    .number()
    .int()
    .min(1)
    .max(10000)
    .optional()
    .describe('at least this many distinct sources'),
  contradicted: bool('only events with (true) or without (false) contradictions'),
});

export const eventsQuery = storyFilterQuery.extend({
  sort: z.enum(['date', 'sources']).default('date'),
  order: z.enum(['desc', 'asc']).default('desc'),
  limit,
  cursor,
});

export const networkQuery = storyFilterQuery.extend({
  min_events: z.coerce
    .number()
    .int()
    .min(1)
    .max(100000)
    .default(1)
    .describe('edges with at least this many events'),
  limit_nodes: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_LIMIT)
    .default(80)
    .describe('the most active actors kept'),
});

export const timelineQuery = storyFilterQuery.extend({
  bucket: z.enum(['day', 'week']).default('day').describe('weeks start on Monday'),
  by: z.enum(['root', 'plover', 'actor']).default('root'),
  series: z.coerce
    .number()
    .int()
    .min(1)
    .max(50)
    .default(10)
    .describe('with by=actor: the most active actors kept'),
});

export const placesQuery = storyFilterQuery;

export const actorsQuery = z.object({ q: text(200, 'words in the name, or a code'), limit, cursor });

export const quotesQuery = z.object({
  speaker: text(200, 'speaker name, code or country'),
  q: text(500, 'words in the quote'),
  limit,
  cursor,
});

export const contradictionsQuery = z.object({ limit, cursor });

export const searchQuery = z.object({
  q: z.string().trim().min(1).max(500).describe('words, all of which must occur (stemmed)'),
  limit,
  cursor,
});

/** Story and document ids: letters, digits and `:_.-` (ids are hashes). */
const id = z
  .string()
  .regex(/^[A-Za-z0-9:_.-]{1,200}$/, 'an id: letters, digits and : _ . - only')
  .describe('id (an unambiguous prefix is enough for events)');

export const idParams = z.object({ id });

export const actorParams = z.object({
  id: z.string().min(1).max(200).describe('actor id: code, or lower-cased name'),
});

export const postDocumentBody = z
  .object({
    text: z.string().optional().describe('the article as plain text'),
    html: z.string().optional().describe('the article as an HTML page (reduced to its text)'),
    title: z.string().max(1000).nullish(),
    published: z.iso.date().nullish().describe('publication date (YYYY-MM-DD)'),
    outlet: z.string().max(200).nullish(),
    url: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .nullish(),
  })
  .superRefine((b, ctx) => {
    if (b.text === undefined && b.html === undefined) {
      ctx.addIssue({ code: 'custom', path: ['text'], message: 'give the article as text or html' });
    } else if (b.text !== undefined && b.html !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['html'], message: 'give text or html, not both' });
    }
  });

export type PostDocumentBody = z.output<typeof postDocumentBody>;

export const errorResponse = z.object({
  error: z.object({
    status: z.number().int(),
    message: z.string(),
    field: z.string().optional().describe('the parameter or body field at fault'),
  }),
});
