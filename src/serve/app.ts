/**
 * The HTTP API and dashboard server as a Hono app: security headers on every response, a `Host`
 * allow-list (./allowed-host.ts), the route
 * table (./routes.ts) validated with its zod schemas, bearer-token writes, a body size limit, the
 * OpenAPI document, and the built dashboard as static files. `createApp` opens no socket, so tests
 * call `app.request()`; `sitrep serve` hands the app to @hono/node-server. Imports Hono, the store
 * interface and the serve modules; never the CLI.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import type { Store } from '../store/store.js';
import { allowedHostGuard } from './allowed-host.js';
import { errorBody, HttpError } from './http-error.js';
import { MergeGate } from './merge-gate.js';
import { openApiDocument } from './openapi.js';
import { type Extract, extractOnThisThread } from './post-document.js';
import { ReadGate } from './read-gate.js';
import { type CachedAnswer, ResponseCache } from './response-cache.js';
import { honoPath, type RouteDeps } from './route.js';
import { routes } from './routes.js';
import { staticFiles } from './static-files.js';
import { parseWith, queryObject } from './validate.js';

export const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;
/** Reads waiting for a free connection before the server answers 503. */
export const DEFAULT_READ_QUEUE = 64;
export const DEFAULT_CACHE_BYTES = 64 * 1024 * 1024;

export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

export interface ServeOptions {
  readonly store: Store;
  /** The bearer token writes need; without one, writes are off (403). */
  readonly token?: string | null;
  readonly maxBodyBytes?: number;
  /** The built dashboard (dist/web); null or missing: `/` says how to build it. */
  readonly webRoot?: string | null;
  /** Where server-side problems are reported (default: stderr). */
  readonly log?: (line: string) => void;
  readonly version?: string;
  /** Where posted articles are extracted (default: this thread; `sitrep serve` passes a worker thread). */
  readonly extract?: Extract;
  /** Serve a store this process must not write (a read replica): no merges, writes answer 403. */
  readonly readOnly?: boolean;
  /** Host names answered besides loopback names and IP literals (`--allowed-host`); others get 421. */
  readonly allowedHosts?: readonly string[];
  /** Reads running at once: the store's read connections (default 2). */
  readonly readConcurrency?: number;
  /** Reads waiting beyond those before a 503 with `Retry-After` (default DEFAULT_READ_QUEUE). */
  readonly readQueue?: number;
  /** Memory for cached read answers, keyed by the store's read token (0: no cache). */
  readonly cacheBytes?: number;
}

export type ServeApp = Hono & {
  /** Resolves when no write or merge is queued (call before closing the store). */
  idle(): Promise<void>;
};

function digest(s: string): Buffer {
  return createHash('sha256').update(s, 'utf8').digest();
}

/** 403 when writes are off, 401 unless the bearer token matches (compared in constant time). */
function bearerAuth(token: string | null, readOnly: boolean): MiddlewareHandler {
  const expected = token ? digest(token) : null;
  return async (c, next) => {
    if (readOnly) throw new HttpError(403, 'this server is read-only (--read-only): write to the primary');
    if (!expected) {
      throw new HttpError(403, 'writes are off: start the server with SITREP_TOKEN set');
    }
    const m = /^Bearer +(\S+) *$/i.exec(c.req.header('Authorization') ?? '');
    // Hashing both sides gives equal lengths, so timingSafeEqual never leaks the token's length.
    if (!m || !timingSafeEqual(digest(m[1]!), expected)) {
      c.header('WWW-Authenticate', 'Bearer');
      throw new HttpError(401, m ? 'wrong bearer token' : 'writes need Authorization: Bearer <token>');
    }
    await next();
  };
}

export function createApp(opts: ServeOptions): ServeApp {
  const log = opts.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const maxBody = opts.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const gate = new MergeGate(
    opts.store,
    (m) => log(`merged ${m.events} event(s) into ${m.stories} story event(s) (${m.ms} ms)`),
    opts.readOnly ?? false,
  );
  const deps: RouteDeps = { store: opts.store, gate, log, extract: opts.extract ?? extractOnThisThread };
  const app = new Hono();

  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
      },
      referrerPolicy: 'no-referrer',
      xFrameOptions: 'DENY',
      // Served over plain HTTP on a local port: HSTS would pin the host name to HTTPS.
      strictTransportSecurity: false,
    }),
  );

  app.use(allowedHostGuard(opts.allowedHosts ?? []));

  app.onError((err, c) => {
    if (err instanceof HttpError) {
      for (const [k, v] of Object.entries(err.headers)) c.header(k, v);
      return c.json(errorBody(err.status, err.message, err.field), err.status);
    }
    log(`internal error on ${c.req.method} ${c.req.path}: ${err instanceof Error ? err.stack : String(err)}`);
    return c.json(errorBody(500, 'internal error (see the server log)'), 500);
  });

  const auth = bearerAuth(opts.token ?? null, opts.readOnly ?? false);
  const limit = bodyLimit({
    maxSize: maxBody,
    onError: (c) => c.json(errorBody(413, `the body is over the limit of ${maxBody} bytes`), 413),
  });

  const reads = new ReadGate({
    concurrency: opts.readConcurrency ?? 2,
    queue: opts.readQueue ?? DEFAULT_READ_QUEUE,
  });
  const cache = new ResponseCache(opts.cacheBytes ?? DEFAULT_CACHE_BYTES);
  /** A handler's output as the cacheable text of a response. */
  const answerOf = async (out: unknown): Promise<CachedAnswer> =>
    out instanceof Response
      ? {
          status: out.status,
          body: new Uint8Array(await out.arrayBuffer()),
          contentType: out.headers.get('Content-Type') ?? 'application/json',
        }
      : { status: 200, body: Buffer.from(JSON.stringify(out)), contentType: 'application/json' };
  /** The read token once the stories are current: one lookup when they are (the common case). */
  const currentToken = async (stories: boolean): Promise<string> => {
    const token = await opts.store.readToken();
    if (!stories || token.startsWith('0|') || token.startsWith('-|')) return token;
    await gate.fresh();
    return opts.store.readToken();
  };

  for (const r of routes) {
    const guards = r.write ? [auth, limit] : [];
    app.on([r.method.toUpperCase()], [honoPath(r.path)], ...guards, async (c) => {
      const query = r.query ? parseWith(r.query, queryObject(c.req.url), 'query parameter') : undefined;
      const params = r.params ? parseWith(r.params, c.req.param(), 'path parameter') : undefined;
      let body: unknown;
      if (r.body) {
        let raw: unknown;
        try {
          raw = await c.req.json();
        } catch {
          throw new HttpError(400, 'the body is not valid JSON', 'body');
        }
        body = parseWith(r.body, raw, 'body field');
      }
      const handle = () => r.handle({ query, params, body, c }, deps);
      if (r.write || r.cache === false) {
        if (r.stories) await gate.fresh();
        const out = r.write ? await handle() : await reads.run(handle);
        return out instanceof Response ? out : c.json(out as object);
      }
      // Reads: cached until the next write or merge, and bounded (503 past the bound) when computed.
      const token = await currentToken(r.stories ?? false);
      const url = new URL(c.req.url);
      const answer = await cache.get(token, url.pathname + url.search, () =>
        reads.run(async () => answerOf(await handle())),
      );
      return c.body(answer.body as Uint8Array<ArrayBuffer>, answer.status as 200, {
        'Content-Type': answer.contentType,
      });
    });
  }

  const doc = openApiDocument(routes, opts.version ?? '0.1.0');
  app.get('/openapi.json', (c) => c.json(doc));
  app.all('/api/*', (c) => c.json(errorBody(404, `no route ${c.req.method} ${c.req.path}`), 404));
  app.all('*', staticFiles(opts.webRoot ?? null));

  return Object.assign(app, { idle: () => gate.idle() });
}
