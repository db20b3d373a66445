/**
 * One poll of one feed: a conditional GET of the feed, its entries parsed, the entries not seen
 * before (by normalised URL, claimed in the store so two feeds or two schedulers never take the
 * same one) fetched and reduced to article text with the input readers. Returns the articles to
 * hand on and the feed's new state; decides nothing about queues or extraction. A refusal of the
 * feed itself becomes an 'error' outcome that changes only the poll fields (the ETag, counters and
 * items stay as they were). Imports core, src/input, src/pipeline's document id, the store
 * interface and the feed parts.
 */
import { isSitrepError } from '../core/errors.js';
import type { DocumentMeta } from '../core/types.js';
import type { RawArticle } from '../ingest/sources.js';
import { articleFromText } from '../input/read-article.js';
import { documentId } from '../pipeline/pipeline.js';
import type { FeedRow, IngestErrorRow } from '../store/schema.js';
import type { FeedItemOutcome, FeedPollUpdate, Store } from '../store/store.js';
import { decodeBody } from './decode-body.js';
import { normaliseItemUrl } from './feed-url.js';
import type { SafeFetcher } from './fetch.js';
import { type FeedEntry, parseFeedDocument } from './parse-feed.js';
import { printable } from './printable.js';

const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5';
const PAGE_ACCEPT = 'text/html, application/xhtml+xml;q=0.9, text/plain;q=0.5, */*;q=0.3';

/** New items fetched per poll at most: a feed listing 100,000 links cannot make us fetch them all. */
export const MAX_NEW_ITEMS_PER_POLL = 100;
/** An item's own content is used instead of its page (when that fails) only when this long. */
export const MIN_FALLBACK_CHARS = 400;
/** After repeated failures the interval doubles, up to this (or the feed's own interval if longer). */
const MAX_BACKOFF_SECONDS = 6 * 3600;

export interface FeedArticle {
  readonly feed: FeedRow;
  /** The normalised item URL (the claimed key). */
  readonly itemUrl: string;
  readonly contentHash: string;
  readonly article: RawArticle;
}

export interface PollResult {
  readonly feed: FeedRow;
  readonly status: 'ok' | 'not-modified' | 'error';
  readonly error: string | null;
  /** New articles, not yet checked against each other (the scheduler does, over all feeds). */
  readonly articles: FeedArticle[];
  /** Claimed items already settled here (page failures). */
  readonly settled: FeedItemOutcome[];
  /** Item failures for `sitrep errors`. */
  readonly itemErrors: IngestErrorRow[];
  /** The feed's new state, but for `items_new` (known once the articles are handed on). */
  readonly update: FeedPollUpdate;
}

export interface PollContext {
  readonly store: Store;
  readonly fetcher: SafeFetcher;
  readonly now: () => Date;
  /** Stop fetching further pages (SIGINT); what is claimed and unfetched is reclaimed later. */
  readonly signal?: AbortSignal;
}

/** Seconds until the next poll: the interval, doubled per consecutive failure up to a cap. */
export function nextDelaySeconds(every: number, failures: number): number {
  if (failures <= 0) return every;
  return Math.min(every * 2 ** Math.min(failures, 20), Math.max(every, MAX_BACKOFF_SECONDS));
}

/** A refused link is kept (as its item key and in `sitrep errors`) up to this many characters. */
const MAX_LINK_CHARS = 2000;

function refusedLinkReason(feedUrl: string, link: string, err: unknown): string {
  const why = isSitrepError(err) ? err.message : `${printable(link)}: not a valid item URL`;
  return `${feedUrl}: item link refused: ${why}`;
}

const after = (now: Date, seconds: number) => new Date(now.getTime() + seconds * 1000).toISOString();

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export async function pollFeed(feed: FeedRow, ctx: PollContext): Promise<PollResult> {
  const started = ctx.now();
  const failed = (err: unknown): PollResult => {
    const failures = feed.consecutive_failures + 1;
    return {
      feed,
      status: 'error',
      error: isSitrepError(err) ? err.message : `${feed.url}: internal error: ${message(err)}`,
      articles: [],
      settled: [],
      itemErrors: [],
      update: {
        last_poll_at: started.toISOString(),
        last_status: 'error',
        last_error: isSitrepError(err) ? err.message : `${feed.url}: internal error: ${message(err)}`,
        consecutive_failures: failures,
        next_poll_at: after(started, nextDelaySeconds(feed.every_seconds, failures)),
      },
    };
  };

  // A feed on a private or loopback host (an intranet feed) may link to such hosts; a feed on the
  // internet may not: its item links could otherwise reach the machine's own services.
  const allowPrivate = await ctx.fetcher.isPrivateHost(feed.url).catch(() => false);
  let entries: readonly FeedEntry[];
  let feedTitle: string | null;
  let base: string;
  let validators: { etag: string | null; last_modified: string | null };
  try {
    const res = await ctx.fetcher.get({
      url: feed.url,
      etag: feed.etag,
      lastModified: feed.last_modified,
      accept: FEED_ACCEPT,
      allowPrivate,
    });
    if (res.status === 'not-modified') {
      return {
        feed,
        status: 'not-modified',
        error: null,
        articles: [],
        settled: [],
        itemErrors: [],
        update: {
          last_poll_at: started.toISOString(),
          last_status: 'not-modified',
          last_error: null,
          consecutive_failures: 0,
          items_new: 0,
          next_poll_at: after(started, feed.every_seconds),
        },
      };
    }
    const parsed = parseFeedDocument(feed.url, decodeBody(feed.url, res.body, res.contentType));
    entries = parsed.entries;
    feedTitle = parsed.title;
    base = res.url;
    validators = { etag: res.etag, last_modified: res.lastModified };
  } catch (err) {
    return failed(err);
  }

  // Entry URLs, normalised and resolved against the feed's own URL; entries without one are skipped.
  // A link that names no page to fetch (javascript:, file:, mailto:, unparsable) is refused with its
  // reason, once: claimed under the link itself and settled as refused, never claimed again.
  const byUrl = new Map<string, FeedEntry>();
  const badLinks = new Map<string, string>();
  for (const e of entries) {
    if (!e.link) continue;
    try {
      const url = normaliseItemUrl(new URL(e.link, base).href);
      if (!byUrl.has(url)) byUrl.set(url, e);
    } catch (err) {
      const link = e.link.trim().slice(0, MAX_LINK_CHARS);
      if (!badLinks.has(link)) badLinks.set(link, refusedLinkReason(feed.url, link, err));
    }
  }
  const candidates = [...byUrl.keys()].slice(0, MAX_NEW_ITEMS_PER_POLL);
  const claimed = await ctx.store.claimFeedItems(feed.id, candidates, started.toISOString());

  const articles: FeedArticle[] = [];
  const settled: FeedItemOutcome[] = [];
  const itemErrors: IngestErrorRow[] = [];
  const bad = [...badLinks.keys()].slice(0, MAX_NEW_ITEMS_PER_POLL);
  for (const link of await ctx.store.claimFeedItems(feed.id, bad, started.toISOString())) {
    const reason = badLinks.get(link)!;
    settled.push({ url: link, status: 'refused', contentHash: null, error: reason });
    itemErrors.push({ input: link, code: 'FEED_BAD_URL', message: reason, at: ctx.now().toISOString() });
  }
  for (const itemUrl of candidates) {
    if (!claimed.has(itemUrl)) continue;
    if (ctx.signal?.aborted) break;
    const entry = byUrl.get(itemUrl)!;
    try {
      const article = await readItem(itemUrl, entry, feed, feedTitle, ctx, allowPrivate);
      articles.push({ feed, itemUrl, contentHash: documentId(article.text), article });
    } catch (err) {
      const reason = isSitrepError(err) ? err.message : `${itemUrl}: internal error: ${message(err)}`;
      settled.push({ url: itemUrl, status: 'failed', contentHash: null, error: reason });
      itemErrors.push({
        input: itemUrl,
        code: isSitrepError(err) ? err.code : 'INTERNAL',
        message: reason,
        at: ctx.now().toISOString(),
      });
    }
  }
  const itemNote =
    itemErrors.length > 0
      ? `${itemErrors.length} of ${itemErrors.length + articles.length} new item(s) failed; first: ${itemErrors[0]!.message}`
      : null;
  return {
    feed,
    status: 'ok',
    error: itemNote,
    articles,
    settled,
    itemErrors,
    update: {
      last_poll_at: started.toISOString(),
      last_status: 'ok',
      last_error: itemNote,
      consecutive_failures: 0,
      etag: validators.etag,
      last_modified: validators.last_modified,
      items_seen: entries.length,
      next_poll_at: after(started, feed.every_seconds),
    },
  };
}

/**
 * The item's page reduced to article text; the item's own content when the page cannot be read and
 * that content is long enough to stand as the article. Item metadata fills what the page lacks.
 */
async function readItem(
  itemUrl: string,
  entry: FeedEntry,
  feed: FeedRow,
  feedTitle: string | null,
  ctx: PollContext,
  allowPrivate: boolean,
): Promise<RawArticle> {
  let text: string;
  let meta: Partial<DocumentMeta>;
  try {
    const res = await ctx.fetcher.get({ url: itemUrl, accept: PAGE_ACCEPT, allowPrivate });
    if (res.status !== 'ok') throw new Error('unexpected 304 without a conditional request');
    const page = articleFromText(itemUrl, decodeBody(itemUrl, res.body, res.contentType), 'auto');
    text = page.text;
    meta = page.meta;
  } catch (pageError) {
    const body = entry.body;
    if (!body) throw pageError;
    let fallback: { text: string; meta: Partial<DocumentMeta> };
    try {
      // Item content is an HTML fragment or plain text; the same reducer reads it as a page would.
      fallback = articleFromText(
        itemUrl,
        /<[a-z][\s\S]*>/i.test(body) ? `<html><body><article>${body}</article></body></html>` : body,
        'auto',
      );
    } catch {
      throw pageError;
    }
    if (fallback.text.trim().length < MIN_FALLBACK_CHARS) throw pageError;
    text = fallback.text;
    meta = fallback.meta;
  }
  return {
    key: itemUrl,
    text,
    meta: {
      ...meta,
      title: meta.title || entry.title,
      // The item's date is what the feed vouches for; a date read from the text is a guess.
      ...(entry.published && meta.publishedFrom !== 'metadata'
        ? { published: entry.published, publishedFrom: 'metadata' as const }
        : {}),
      source: feed.outlet ?? meta.source ?? feedTitle,
      url: itemUrl,
    },
  };
}
