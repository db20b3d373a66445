/**
 * A feed document → its entries (link, title, date, body), whatever the format: RSS 2.0, RSS 1.0
 * (RDF), Atom or JSON Feed, all parsed by feedsmith (the parser `sitrep ingest` uses for feed
 * files). XML declaring entities is refused before parsing (./xml-guard.ts). Imports core errors,
 * src/input's date reader and feedsmith; never the store or the network.
 */
import { parseFeed } from 'feedsmith';
import { SitrepError } from '../core/errors.js';
import { isoDateFromMetadata } from '../input/published-date.js';
import { printable } from './printable.js';
import { refuseXmlEntities } from './xml-guard.js';

export interface FeedEntry {
  /** The item's page as the feed gives it (absolute or relative); null when it has none. */
  readonly link: string | null;
  readonly title: string | null;
  /** YYYY-MM-DD, when the item carries a readable date. */
  readonly published: string | null;
  /** The item's own content or summary (HTML or plain text), the fallback when its page fails. */
  readonly body: string | null;
}

export interface ParsedFeed {
  readonly format: 'rss' | 'atom' | 'rdf' | 'json';
  readonly title: string | null;
  readonly entries: readonly FeedEntry[];
}

type Obj = Record<string, unknown>;

const str = (x: unknown): string | null => {
  if (typeof x === 'string') return x.trim() || null;
  if (x && typeof x === 'object' && typeof (x as Obj).value === 'string') return str((x as Obj).value);
  return null;
};
const obj = (x: unknown): Obj => (x && typeof x === 'object' ? (x as Obj) : {});
const list = (x: unknown): Obj[] => (Array.isArray(x) ? x.map(obj) : []);
const date = (...xs: unknown[]): string | null => {
  for (const x of xs) {
    const s = str(Array.isArray(x) ? x[0] : x);
    const d = s ? isoDateFromMetadata(s) : null;
    if (d) return d;
  }
  return null;
};

/** Parses a feed document; refuses (FEED_XML_ENTITIES, FEED_MALFORMED) with the URL named. */
export function parseFeedDocument(url: string, text: string): ParsedFeed {
  const trimmed = text.trimStart();
  if (!trimmed.startsWith('{')) refuseXmlEntities(url, text);
  let parsed: ReturnType<typeof parseFeed>;
  try {
    parsed = parseFeed(trimmed.startsWith('{') ? JSON.parse(trimmed) : text);
  } catch (err) {
    const cause = (err as { cause?: Error }).cause?.message;
    // The parser's message may quote the document: untrusted text, made printable and short.
    const detail = printable([(err as Error).message, cause].filter(Boolean).join(': '), 300);
    throw new SitrepError('FEED_MALFORMED', `${url}: not a readable RSS, Atom or JSON feed (${detail})`, {
      input: url,
      cause: err,
    });
  }
  const feed = obj(parsed.feed);
  const entries: FeedEntry[] = [];
  if (parsed.format === 'atom') {
    for (const e of list(feed.entries)) {
      const links = list(e.links);
      const alternate = links.find((l) => !l.rel || l.rel === 'alternate') ?? links[0];
      entries.push({
        link: str(alternate?.href),
        title: str(e.title),
        published: date(e.published, e.updated),
        body: str(e.content) ?? str(e.summary),
      });
    }
  } else if (parsed.format === 'json') {
    for (const it of list(feed.items)) {
      entries.push({
        link: str(it.url) ?? str(it.external_url),
        title: str(it.title),
        published: date(it.date_published, it.date_modified),
        body: str(it.content_html) ?? str(it.content_text) ?? str(it.summary),
      });
    }
  } else {
    // RSS 2.0 and RSS 1.0 share their item shape in feedsmith (rdf adds only its `about`).
    for (const it of list(feed.items)) {
      const guid = obj(it.guid);
      const permalink = guid.isPermaLink !== false ? str(it.guid) : null;
      const dc = obj(it.dc);
      entries.push({
        link:
          str(it.link) ??
          (permalink && /^https?:/i.test(permalink) ? permalink : null) ??
          str(obj(it.rdf).about),
        title: str(it.title),
        published: date(it.pubDate, dc.date, dc.dates),
        body: str(obj(it.content).encoded) ?? str(it.description),
      });
    }
  }
  return { format: parsed.format as ParsedFeed['format'], title: str(feed.title), entries };
}
