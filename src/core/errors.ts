/**
 * One error type for everything Sitrep refuses: a code, a message naming the offending input and the
 * way out, and the cause. The CLI and the HTTP layer map codes to exit and status codes in one place
 * each. Imports nothing.
 */

export type ErrorCode =
  | 'INPUT_NOT_FOUND'
  | 'INPUT_UNREADABLE'
  | 'INPUT_EMPTY'
  | 'INPUT_BINARY'
  | 'INPUT_BAD_ENCODING'
  | 'INPUT_TOO_LARGE'
  | 'INPUT_NO_ARTICLE'
  | 'INPUT_MALFORMED'
  | 'BAD_ARGUMENT'
  | 'DATA_MISSING'
  | 'DATA_INVALID'
  | 'PIPELINE_ORDER'
  // A document whose extraction ran past the per-document time budget (src/pipeline/pipeline.ts).
  | 'INPUT_TIME_BUDGET'
  | 'STORE'
  // Feeds and their pages (src/feeds): why a fetch or a feed document was refused.
  | 'FEED_BAD_URL'
  | 'FEED_NETWORK'
  | 'FEED_HTTP'
  | 'FEED_TIMEOUT'
  | 'FEED_TOO_LARGE'
  | 'FEED_TOO_MANY_REDIRECTS'
  | 'REDIRECT_LOOP'
  | 'FEED_MALFORMED'
  | 'FEED_XML_ENTITIES'
  | 'FEED_PRIVATE_ADDRESS'
  | 'INTERNAL';

export class SitrepError extends Error {
  readonly code: ErrorCode;
  /** The input (path, URL, field) the error is about, when there is one. */
  readonly input: string | null;

  constructor(code: ErrorCode, message: string, options: { input?: string | null; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'SitrepError';
    this.code = code;
    this.input = options.input ?? null;
  }
}

export function isSitrepError(err: unknown): err is SitrepError {
  return err instanceof SitrepError;
}
