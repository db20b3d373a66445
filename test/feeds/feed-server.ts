/**
 * A local HTTP server for the feed tests (127.0.0.1, port 0): routes are functions of the request,
 * every request is recorded with its headers, and the most requests ever in flight at once is
 * counted (one host: must stay 1). Test helper; imports node:http only.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Recorded {
  readonly path: string;
  readonly headers: http.IncomingHttpHeaders;
}

export type Route = (req: http.IncomingMessage, res: http.ServerResponse) => unknown;

export interface FeedServer {
  readonly base: string;
  readonly requests: Recorded[];
  /** The most requests in flight at the same moment since the last `reset()`. */
  maxInFlight: number;
  routes: Map<string, Route>;
  reset(): void;
  close(): Promise<void>;
}

export async function startFeedServer(routes: Record<string, Route> = {}): Promise<FeedServer> {
  let inFlight = 0;
  const state: FeedServer = {
    base: '',
    requests: [],
    maxInFlight: 0,
    routes: new Map(Object.entries(routes)),
    reset() {
      state.requests.length = 0;
      state.maxInFlight = 0;
    },
    close: async () => {},
  };
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    state.requests.push({ path: req.url ?? '/', headers: req.headers });
    inFlight++;
    state.maxInFlight = Math.max(state.maxInFlight, inFlight);
    let done = false;
    const finish = () => {
      if (!done) {
        done = true;
        inFlight--;
      }
    };
    res.on('finish', finish);
    res.on('close', finish);
    const route = state.routes.get(path);
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    Promise.resolve(route(req, res)).catch((err) => {
      if (!res.headersSent) res.writeHead(500).end(String(err));
      else res.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    base: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}

/** Sends `body` after `ms` milliseconds (so overlapping requests would be seen in flight together). */
export function slowly(body: string, type: string, ms = 30): Route {
  return (_req, res) =>
    new Promise<void>((resolve) => {
      setTimeout(() => {
        res.writeHead(200, { 'content-type': type }).end(body);
        resolve();
      }, ms);
    });
}

/** A page with enough article text for the HTML reducer. */
export function articlePage(title: string, paragraphs: readonly string[], published = '2024-10-28'): string {
  return `<!doctype html><html><head><title>${title}</title>
<meta property="article:published_time" content="${published}T09:00:00Z"></head>
<body><nav><a href="/">Home</a></nav><article><h1>${title}</h1>
${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}
</article><footer>Copyright</footer></body></html>`;
}

export function rss(
  title: string,
  items: readonly { link: string; title: string; description?: string }[],
): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>${title}</title><link>http://example.invalid/</link><description>test</description>
${items
  .map(
    (i) =>
      `<item><title>${i.title}</title><link>${i.link}</link><pubDate>Mon, 28 Oct 2024 09:00:00 GMT</pubDate><description>${i.description ?? 'summary'}</description></item>`,
  )
  .join('\n')}
</channel></rss>`;
}

export function atom(title: string, entries: readonly { link: string; title: string }[]): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>${title}</title><id>urn:test:${title}</id><updated>2024-10-28T09:00:00Z</updated>
${entries
  .map(
    (e, i) =>
      `<entry><title>${e.title}</title><id>urn:test:${title}:${i}</id><link rel="alternate" href="${e.link}"/><published>2024-10-28T09:00:00Z</published><updated>2024-10-28T09:00:00Z</updated><summary>short</summary></entry>`,
  )
  .join('\n')}
</feed>`;
}
