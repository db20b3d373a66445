/**
 * Checks a fetched job's data before the worker extracts it. Any process with access to the
 * database can write to the queue, so the data is untrusted: its shape is validated (zod) and its
 * text passes the same refusals as `sitrep ingest` input (empty, binary, too large). A refusal is a
 * SitrepError naming the job's input. Imports core, the input checks and ./jobs; never the store.
 */
import { z } from 'zod';
import { SitrepError } from '../core/errors.js';
import { decodeText, MAX_INPUT_BYTES } from '../input/read-article.js';
import type { ArticleJob } from './jobs.js';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const nullableText = z.string().max(10_000).nullable().optional();

const articleJobSchema = z.object({
  article: z.object({
    key: z.string().min(1).max(4096),
    text: z.string(),
    meta: z
      .object({
        title: nullableText,
        published: z
          .string()
          .regex(/^\d{4}-\d{2}-\d{2}$/)
          .nullable()
          .optional(),
        publishedFrom: z.enum(['cli', 'metadata', 'filename', 'text']).nullable().optional(),
        source: nullableText,
        url: nullableText,
        language: z.string().max(32).optional(),
      })
      .strip(),
  }),
  feed: z.string().max(4096).optional(),
});

/** The input name to record for a job whose data has no usable key. */
export function jobInput(jobId: string, data: unknown): string {
  const key = (data as { article?: { key?: unknown } } | null)?.article?.key;
  return typeof key === 'string' && key.length > 0 && key.length <= 4096 ? key : `job:${jobId}`;
}

export function parseArticleJob(jobId: string, data: unknown): ArticleJob {
  const parsed = articleJobSchema.safeParse(data);
  const input = jobInput(jobId, data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || 'data';
    throw new SitrepError(
      'INPUT_MALFORMED',
      `${input}: malformed queue job ${jobId} (${where}: ${issue?.message ?? 'invalid'})`,
      { input },
    );
  }
  const { article, feed } = parsed.data;
  // PostgreSQL's jsonb (the queue's job data) holds neither NUL nor unpaired surrogates: refuse them
  // here, by name, instead of failing the whole enqueue statement.
  for (const value of [article.key, article.text, feed, ...Object.values(article.meta)]) {
    if (typeof value !== 'string') continue;
    if (value.includes('\u0000')) {
      throw new SitrepError('INPUT_BINARY', `${input}: binary data (NUL characters), not text`, { input });
    }
    if (LONE_SURROGATE.test(value)) {
      throw new SitrepError('INPUT_BAD_ENCODING', `${input}: not valid Unicode text (unpaired surrogates)`, {
        input,
      });
    }
  }
  if (Buffer.byteLength(article.text, 'utf8') > MAX_INPUT_BYTES) {
    throw new SitrepError('INPUT_TOO_LARGE', `${input}: the article text is over the size limit`, { input });
  }
  // The same refusals as a file given to `sitrep ingest` (throws INPUT_EMPTY / INPUT_BINARY).
  decodeText(input, Buffer.from(article.text, 'utf8'));
  return { article: { key: article.key, text: article.text, meta: article.meta }, ...(feed ? { feed } : {}) };
}
