/**
 * A fetcher for servers that may be hostile or broken: every request has a total deadline and an
 * idle (between-bytes) deadline, the body is counted while it streams and cut off at a size limit
 * (a declared Content-Length over it is refused before a byte is read), redirects are followed by
 * hand (at most a few, http(s) only, loops refused), conditional GET is sent when an ETag or
 * Last-Modified is known, and requests go through a per-host serial queue. Every refusal is a
 * SitrepError whose message names the URL and the reason. Imports core errors and ./host-queue and
 * ./feed-url only; never the store.
 */
import { SitrepError } from '../core/errors.js';
import { httpUrl } from './feed-url.js';
import { HostQueue } from './host-queue.js';
import { printable } from './printable.js';
import { privateAddressOf, type Resolver, systemResolver } from './private-address.js';

export const USER_AGENT = 'Sitrep/0.1 (news event extraction; feed scheduler)';

export interface FetchLimits {
  /** Largest body accepted, in bytes (after content decoding: a gzip bomb is cut off too). */
  readonly maxBytes: number;
  /** Whole request, redirects included, in milliseconds. */
  readonly totalMs: number;
  /** Longest silence from the server (before headers, between chunks), in milliseconds. */
  readonly idleMs: number;
  readonly maxRedirects: number;
}

export const DEFAULT_LIMITS: FetchLimits = {
  maxBytes: 8 * 1024 * 1024,
  totalMs: 30_000,
  idleMs: 10_000,
  maxRedirects: 5,
};

export interface FetchRequest {
  readonly url: string;
  readonly etag?: string | null;
  readonly lastModified?: string | null;
  readonly accept?: string;
  /** Overrides the fetcher's `allowPrivate` for this request (and its redirects). */
  readonly allowPrivate?: boolean;
}

export type FetchResult =
  | { readonly status: 'not-modified'; readonly url: string }
  | {
      readonly status: 'ok';
      /** The URL the body came from (after redirects). */
      readonly url: string;
      readonly body: Buffer;
      readonly contentType: string;
      readonly etag: string | null;
      readonly lastModified: string | null;
    };

export interface FetcherOptions {
  readonly limits?: Partial<FetchLimits>;
  /** Shared between fetchers so feeds and pages of one host take turns. */
  readonly queue?: HostQueue;
  /** Injected for tests; the global fetch otherwise. */
  readonly fetch?: typeof fetch;
  readonly userAgent?: string;
  /**
   * Fetch from loopback, private and link-local addresses (default false: refused). The scheduler
   * allows them only for a feed that is itself on such an address (an intranet feed, a test).
   */
  readonly allowPrivate?: boolean;
  /** Injected for tests; the system resolver otherwise. */
  readonly resolve?: Resolver;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

type Hop =
  | { kind: 'redirect'; to: string }
  | { kind: 'not-modified' }
  | {
      kind: 'body';
      body: Buffer;
      contentType: string;
      etag: string | null;
      lastModified: string | null;
    };

export class SafeFetcher {
  readonly limits: FetchLimits;
  readonly queue: HostQueue;
  private readonly fetchImpl: typeof fetch;
  private readonly userAgent: string;
  private readonly allowPrivate: boolean;
  private readonly resolve: Resolver;

  constructor(opts: FetcherOptions = {}) {
    this.limits = { ...DEFAULT_LIMITS, ...opts.limits };
    this.queue = opts.queue ?? new HostQueue();
    this.fetchImpl = opts.fetch ?? fetch;
    this.userAgent = opts.userAgent ?? USER_AGENT;
    this.allowPrivate = opts.allowPrivate ?? false;
    this.resolve = opts.resolve ?? systemResolver;
  }

  /** True when the URL's host is (or resolves to) a loopback, private or link-local address. */
  async isPrivateHost(url: string): Promise<boolean> {
    return (await privateAddressOf(httpUrl(url).hostname, this.resolve)) !== null;
  }

  async get(req: FetchRequest): Promise<FetchResult> {
    // The total deadline counts time spent in requests only, never waiting for a host's turn: a
    // busy host must not make the requests queued behind it (first hops and redirects alike) time
    // out unstarted.
    let spentMs = 0;
    let url = httpUrl(req.url);
    const visited = new Set<string>([url.href]);
    for (let redirects = 0; ; redirects++) {
      const current = url;
      if (!(req.allowPrivate ?? this.allowPrivate)) {
        // Checked before each hop, redirects included. (A host whose DNS answer changes between
        // this lookup and the connection could still slip through: this stops links, not rebinding.)
        const ip = await privateAddressOf(current.hostname, this.resolve);
        if (ip) {
          throw refusal(
            'FEED_PRIVATE_ADDRESS',
            req.url,
            `${current.host} is a loopback, private or link-local address (${ip}): refused for a feed on a public host`,
          );
        }
      }
      const hop = await this.queue.run(current.host, async () => {
        const started = Date.now();
        try {
          return await this.once(current, req, started + this.limits.totalMs - spentMs);
        } finally {
          spentMs += Date.now() - started;
        }
      });
      if (hop.kind === 'not-modified') return { status: 'not-modified', url: current.href };
      if (hop.kind === 'body') {
        const { kind: _, ...rest } = hop;
        return { status: 'ok', url: current.href, ...rest };
      }
      let next: URL;
      try {
        next = new URL(hop.to, current);
      } catch {
        throw refusal('FEED_BAD_URL', req.url, `redirect to an invalid location (${printable(hop.to)})`);
      }
      if (next.protocol !== 'http:' && next.protocol !== 'https:') {
        throw refusal(
          'FEED_BAD_URL',
          req.url,
          `redirect to a ${next.protocol} URL refused (http and https only)`,
        );
      }
      next.hash = '';
      if (visited.has(next.href)) {
        throw refusal('REDIRECT_LOOP', req.url, `redirect loop (back to ${next.href})`);
      }
      if (redirects + 1 > this.limits.maxRedirects) {
        throw refusal('FEED_TOO_MANY_REDIRECTS', req.url, `more than ${this.limits.maxRedirects} redirects`);
      }
      visited.add(next.href);
      url = httpUrl(next.href);
    }
  }

  /** One request, no redirect followed; the body read in full within the limits. */
  private async once(url: URL, req: FetchRequest, deadline: number): Promise<Hop> {
    const name = url.href;
    const remaining = deadline - Date.now();
    if (remaining <= 0)
      throw refusal('FEED_TIMEOUT', name, `no complete response within ${this.limits.totalMs} ms`);
    const controller = new AbortController();
    let why: string | null = null;
    const abort = (reason: string) => {
      why ??= reason;
      controller.abort();
    };
    const total = setTimeout(() => abort(`no complete response within ${this.limits.totalMs} ms`), remaining);
    let idle = setTimeout(
      () => abort(`the server sent nothing for ${this.limits.idleMs} ms`),
      this.limits.idleMs,
    );
    const touch = () => {
      clearTimeout(idle);
      idle = setTimeout(
        () => abort(`the server sent nothing for ${this.limits.idleMs} ms`),
        this.limits.idleMs,
      );
    };
    const headers: Record<string, string> = {
      'user-agent': this.userAgent,
      accept: req.accept ?? '*/*',
    };
    if (req.etag) headers['if-none-match'] = req.etag;
    if (req.lastModified) headers['if-modified-since'] = req.lastModified;
    let res: Response;
    try {
      try {
        res = await this.fetchImpl(url, { headers, redirect: 'manual', signal: controller.signal });
      } catch (err) {
        if (why) throw refusal('FEED_TIMEOUT', name, why, err);
        throw refusal('FEED_NETWORK', name, `cannot connect (${networkReason(err)})`, err);
      }
      touch();
      if (REDIRECTS.has(res.status)) {
        await res.body?.cancel().catch(() => {});
        const to = res.headers.get('location');
        if (!to) throw refusal('FEED_HTTP', name, `HTTP ${res.status} redirect without a Location`);
        return { kind: 'redirect', to };
      }
      if (res.status === 304) {
        await res.body?.cancel().catch(() => {});
        return { kind: 'not-modified' };
      }
      if (res.status < 200 || res.status > 299) {
        await res.body?.cancel().catch(() => {});
        throw refusal('FEED_HTTP', name, `HTTP ${res.status} ${printable(res.statusText, 80)}`.trim());
      }
      const declared = Number(res.headers.get('content-length') ?? Number.NaN);
      if (Number.isFinite(declared) && declared > this.limits.maxBytes) {
        // Refused from the header alone: not one byte of a 1 GB body is read.
        abort('too large');
        throw refusal(
          'FEED_TOO_LARGE',
          name,
          `declares ${declared} bytes, over the ${this.limits.maxBytes}-byte limit`,
        );
      }
      const body = await this.readBody(res, name, touch, () => why, abort);
      return {
        kind: 'body',
        body,
        contentType: res.headers.get('content-type') ?? '',
        etag: res.headers.get('etag'),
        lastModified: res.headers.get('last-modified'),
      };
    } finally {
      clearTimeout(total);
      clearTimeout(idle);
    }
  }

  private async readBody(
    res: Response,
    name: string,
    touch: () => void,
    why: () => string | null,
    abort: (reason: string) => void,
  ): Promise<Buffer> {
    if (!res.body) return Buffer.alloc(0);
    const reader = res.body.getReader();
    const chunks: Buffer[] = [];
    let size = 0;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        touch();
        size += value.byteLength;
        if (size > this.limits.maxBytes) {
          abort('too large');
          throw refusal(
            'FEED_TOO_LARGE',
            name,
            `the body went over the ${this.limits.maxBytes}-byte limit (cut off while streaming)`,
          );
        }
        chunks.push(Buffer.from(value.buffer, value.byteOffset, value.byteLength));
      }
    } catch (err) {
      if (err instanceof SitrepError) throw err;
      const reason = why();
      if (reason) throw refusal('FEED_TIMEOUT', name, `${reason} (cut off after ${size} bytes)`, err);
      throw refusal('FEED_NETWORK', name, `the connection failed mid-body (${networkReason(err)})`, err);
    } finally {
      reader.cancel().catch(() => {});
    }
    return Buffer.concat(chunks, size);
  }
}

function networkReason(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  return printable(cause?.code ?? cause?.message ?? (err as Error).message ?? String(err));
}

/** A refusal naming the URL (the `input`) and why. */
export function refusal(
  code: ConstructorParameters<typeof SitrepError>[0],
  url: string,
  reason: string,
  cause?: unknown,
): SitrepError {
  return new SitrepError(code, `${url}: ${reason}`, { input: url, cause });
}
