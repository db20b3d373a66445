/**
 * The API's error shape, `{ error: { status, message, field? } }`, and the exception handlers throw
 * to produce it. Imports nothing.
 */

export class HttpError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 413 | 421 | 422 | 500 | 503,
    message: string,
    /** The query parameter, path parameter or body field at fault, when one is. */
    readonly field: string | null = null,
    /** Headers the answer carries (`Retry-After` on a 503). */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export function errorBody(status: number, message: string, field: string | null = null) {
  return { error: { status, message, ...(field ? { field } : {}) } };
}
