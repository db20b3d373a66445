/**
 * The `Host` allow-list (DNS rebinding defence): a web page on attacker.example can re-point its own
 * name at 127.0.0.1 and then read the loopback API as "same origin"; the request still names
 * attacker.example in its Host header, so only names the server was told about are answered.
 * Loopback names by default, any IP literal (a page cannot make a browser send another origin's IP
 * as Host), more with `sitrep serve --allowed-host NAME`. Imports Hono types and node:net only.
 */
import { isIP } from 'node:net';
import type { MiddlewareHandler } from 'hono';
import { HttpError } from './http-error.js';

export const DEFAULT_ALLOWED_HOSTS: readonly string[] = ['localhost', '127.0.0.1', '[::1]'];

/** The host name of a Host header value, lower-cased, port dropped, IPv6 kept in brackets. */
export function hostName(header: string): string {
  const h = header.trim().toLowerCase();
  if (h.startsWith('[')) {
    const end = h.indexOf(']');
    return end < 0 ? h : h.slice(0, end + 1);
  }
  const colon = h.lastIndexOf(':');
  return (colon < 0 ? h : h.slice(0, colon)).replace(/\.$/, '');
}

/** An `--allowed-host` value as the allow-list holds it (a bare IPv6 gets its brackets). */
export function normaliseAllowedHost(name: string): string {
  const n = name.trim().toLowerCase().replace(/\.$/, '');
  return isIP(n) === 6 ? `[${n}]` : hostName(n);
}

export function allowedHostGuard(extra: readonly string[] = []): MiddlewareHandler {
  const allowed = new Set([...DEFAULT_ALLOWED_HOSTS, ...extra].map(normaliseAllowedHost));
  return async (c, next) => {
    const header = c.req.header('host') ?? new URL(c.req.url).host;
    const name = hostName(header);
    const literal = name.replace(/^\[|\]$/g, '');
    if (!allowed.has(name) && isIP(literal) === 0) {
      throw new HttpError(
        421,
        `Host '${header.slice(0, 200)}' is not served here (DNS rebinding defence): this server answers ${[...allowed].join(', ')} and IP addresses; start sitrep serve with --allowed-host ${name.slice(0, 200) || 'NAME'} to serve that name`,
      );
    }
    await next();
  };
}
