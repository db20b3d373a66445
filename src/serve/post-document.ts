/**
 * Turns a posted article (text or HTML plus metadata) into store rows with the default pipeline,
 * the same path `sitrep ingest` takes: HTML is reduced to its article (src/input), metadata given
 * in the request wins over what the page says. Extraction runs where the caller says (a worker
 * thread in `sitrep serve`). Imports input and
 * ingest helpers; never the store or the server.
 */
import { isSitrepError } from '../core/errors.js';
import type { DocumentMeta } from '../core/types.js';
import { type ExtractTask, runExtractTask } from '../ingest/extract-task.js';
import { articleFromText } from '../input/read-article.js';
import type { DocumentRows } from '../store/schema.js';
import { HttpError } from './http-error.js';
import type { PostDocumentBody } from './schemas.js';

/** The input name stored with a posted article (and named in its errors). */
export const POSTED_INPUT = 'POST /api/documents';

/** Runs one extraction: on a worker thread in `sitrep serve`, on the calling thread by default. */
export type Extract = (task: ExtractTask) => Promise<DocumentRows>;

export const extractOnThisThread: Extract = async (task) => runExtractTask(task);

export async function extractPosted(
  body: PostDocumentBody,
  ingestedAt: string,
  extract: Extract = extractOnThisThread,
): Promise<DocumentRows> {
  const field = body.html !== undefined ? 'html' : 'text';
  const raw = body.html ?? body.text ?? '';
  const input = body.url ?? POSTED_INPUT;
  if (raw.trim() === '') throw new HttpError(422, `${field}: only whitespace, no article to read`, field);
  // NUL is binary data, not text (and PostgreSQL cannot store it in a text column).
  if (raw.includes('\u0000')) throw new HttpError(422, `${field}: contains NUL characters: not text`, field);
  let article: ReturnType<typeof articleFromText>;
  try {
    article = articleFromText(input, raw, field);
  } catch (err) {
    if (isSitrepError(err)) throw new HttpError(422, err.message, field);
    throw err;
  }
  const meta: Partial<DocumentMeta> = {
    ...article.meta,
    title: body.title ?? article.meta.title ?? null,
    published: body.published ?? article.meta.published ?? null,
    publishedFrom: body.published ? 'cli' : (article.meta.publishedFrom ?? null),
    source: body.outlet ?? article.meta.source ?? null,
    url: body.url ?? article.meta.url ?? null,
  };
  try {
    return await extract({ article: { key: input, text: article.text, meta }, ingestedAt });
  } catch (err) {
    // An error from a worker thread arrives as a plain Error (its code is lost in the transfer).
    if (isSitrepError(err)) throw new HttpError(422, err.message, field);
    throw err;
  }
}
