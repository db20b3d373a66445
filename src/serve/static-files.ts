/**
 * Serves the built dashboard (dist/web) with @hono/node-server's static middleware, which refuses
 * `..`, doubled and back slashes in paths, so nothing outside the root is ever read. When the
 * dashboard is not built, `/` says how to build it instead of failing. Imports Hono only.
 */
import { existsSync } from 'node:fs';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Context, MiddlewareHandler } from 'hono';

export const NOT_BUILT =
  'Sitrep API is running (see /openapi.json and /healthz).\n' +
  'The dashboard is not built: run `npm run build` in the Sitrep checkout, then reload.\n';

function notFound(c: Context) {
  return c.text('not found\n', 404);
}

export function staticFiles(webRoot: string | null): MiddlewareHandler {
  let serve: MiddlewareHandler | null = null;
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return notFound(c);
    // Checked per request: the dashboard may be built after the server started.
    if (!webRoot || !existsSync(webRoot)) {
      return c.req.path === '/' ? c.text(NOT_BUILT, 200) : notFound(c);
    }
    serve ??= serveStatic({ root: webRoot });
    const res = await serve(c, next);
    return res ?? notFound(c);
  };
}
