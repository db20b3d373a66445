/**
 * The scheduler: passes over the feeds that are due (next_poll_at ≤ now), each feed polled once
 * (a few feeds at a time; one request at a time per host through the fetcher's queue), the new
 * articles of all of them checked against each other and the store by content hash, handed to the
 * sink (queue or in-process ingest) and every poll's outcome recorded on its feed. Loops until
 * stopped, or makes one pass (`once`). Imports the store interface and the feed parts; never the
 * CLI, pg-boss or a database client.
 */

import { sleep } from '../core/sleep.js';
import type { FeedRow } from '../store/schema.js';
import type { FeedItemOutcome, Store } from '../store/store.js';
import { SafeFetcher } from './fetch.js';
import { type FeedArticle, type PollResult, pollFeed } from './poll.js';
import type { ArticleSink } from './sink.js';

/**
 * How long a leased feed stays away from other schedulers; longer than any poll should take. A
 * scheduler killed mid-poll leaves its feeds due again after this.
 */
const LEASE_MS = 30 * 60 * 1000;
/** Feeds per pass for each feed polled at once. */
const FEEDS_PER_SLOT = 5;

export interface SchedulerOptions {
  readonly store: Store;
  readonly sink: ArticleSink;
  readonly fetcher?: SafeFetcher;
  readonly now?: () => Date;
  /** Stops the loop; the pass in flight finishes the pages it has (no new page is fetched). */
  readonly signal?: AbortSignal;
  /** Feeds polled at the same time (their hosts still take turns request by request). */
  readonly feedConcurrency?: number;
  /** Pause between passes when nothing was due, in milliseconds. */
  readonly idleMs?: number;
  /** One line per feed polled. */
  readonly log?: (line: string) => void;
  /** Poll feeds due at this time (default: now); a one-shot run fixes it at its start. */
  readonly dueAt?: Date;
}

export interface PassSummary {
  feeds: number;
  ok: number;
  notModified: number;
  errors: number;
  /** Articles handed on (queued or stored). */
  handedOn: number;
  /** Articles dropped because the same text came through another item or was stored already. */
  duplicates: number;
  itemErrors: number;
}

const emptySummary = (): PassSummary => ({
  feeds: 0,
  ok: 0,
  notModified: 0,
  errors: 0,
  handedOn: 0,
  duplicates: 0,
  itemErrors: 0,
});

async function pool<T, R>(items: readonly T[], limit: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** One pass over the due feeds. */
export async function runPass(opts: SchedulerOptions): Promise<PassSummary> {
  const { store, sink } = opts;
  const now = opts.now ?? (() => new Date());
  const fetcher = opts.fetcher ?? new SafeFetcher();
  const summary = emptySummary();
  const started = now();
  // Lease each due feed before polling it: with two schedulers on one store, one of them polls it.
  const until = new Date(started.getTime() + LEASE_MS).toISOString();
  const due: FeedRow[] = [];
  // A pass holds its new articles in memory until it hands them on: a few feeds per pass keep that
  // bounded (the loop starts the next pass at once while feeds are due).
  const concurrency = opts.feedConcurrency ?? 4;
  const dueAt = (opts.dueAt ?? started).toISOString();
  for (const feed of await store.dueFeeds(dueAt, concurrency * FEEDS_PER_SLOT)) {
    if (await store.leaseFeed(feed.id, feed.next_poll_at, until)) due.push(feed);
  }
  if (due.length === 0) return summary;
  const ctx = { store, fetcher, now, ...(opts.signal ? { signal: opts.signal } : {}) };
  const results: PollResult[] = await pool(due, concurrency, (feed) => pollFeed(feed, ctx));

  // The same text under two URLs (syndication, two feeds of one outlet): the first one wins.
  const all = results.flatMap((r) => r.articles);
  const known = await store.knownContentHashes(all.map((a) => a.contentHash));
  const outcomes: FeedItemOutcome[] = results.flatMap((r) => r.settled);
  const unique: FeedArticle[] = [];
  const duplicate = new Set<string>();
  const handed = new Set<string>();
  for (const a of all) {
    if (known.has(a.contentHash)) {
      duplicate.add(a.itemUrl);
      outcomes.push({ url: a.itemUrl, status: 'duplicate', contentHash: a.contentHash, error: null });
      summary.duplicates++;
    } else {
      known.add(a.contentHash);
      unique.push(a);
    }
  }
  let sinkError: string | null = null;
  try {
    const r = await sink.submit(unique);
    for (const a of unique) {
      if (r.handedOn.has(a.contentHash)) {
        outcomes.push({ url: a.itemUrl, status: sink.status, contentHash: a.contentHash, error: null });
        handed.add(a.itemUrl);
        summary.handedOn++;
      } else {
        // Extraction refused it; ingest recorded the reason under the item URL (`sitrep errors`).
        outcomes.push({
          url: a.itemUrl,
          status: 'failed',
          contentHash: null,
          error: 'not stored: see `sitrep errors`',
        });
        summary.itemErrors++;
      }
    }
  } catch (err) {
    // The queue or the store is down: the items stay retryable and the feeds say why.
    sinkError = `cannot hand articles on (${err instanceof Error ? err.message : String(err)})`;
    for (const a of unique)
      outcomes.push({ url: a.itemUrl, status: 'failed', contentHash: null, error: sinkError });
  }
  await store.settleFeedItems(outcomes, now().toISOString());
  const itemErrors = results.flatMap((r) => r.itemErrors);
  if (itemErrors.length) await store.recordErrors(itemErrors);
  summary.itemErrors += itemErrors.length;

  for (const r of results) {
    summary.feeds++;
    if (r.status === 'ok') summary.ok++;
    else if (r.status === 'not-modified') summary.notModified++;
    else summary.errors++;
    const mine = r.articles.filter((a) => handed.has(a.itemUrl)).length;
    const dupes = r.articles.filter((a) => duplicate.has(a.itemUrl)).length;
    const failed = r.articles.length - mine - dupes + r.itemErrors.length;
    const update =
      r.status === 'ok'
        ? {
            ...r.update,
            items_new: mine,
            ...(sinkError ? { last_error: sinkError } : {}),
          }
        : r.update;
    await store.recordFeedPoll(r.feed.id, update);
    opts.log?.(
      r.status === 'error'
        ? `feed ${r.feed.id} error: ${r.error}`
        : r.status === 'not-modified'
          ? `feed ${r.feed.id} ${r.feed.url}: not modified`
          : `feed ${r.feed.id} ${r.feed.url}: ${mine} new, ${dupes} duplicate(s), ${failed} item error(s)`,
    );
  }
  return summary;
}

/** Passes until the signal stops it (or one pass with `once`); returns the totals. */
export async function runScheduler(
  opts: SchedulerOptions & { readonly once?: boolean },
): Promise<PassSummary> {
  const totals = emptySummary();
  const fetcher = opts.fetcher ?? new SafeFetcher();
  // A one-shot run takes what is due at its start, in as many passes as that needs: a polled feed's
  // next poll is later than the start, so it is not taken twice however long the passes take.
  const dueAt = opts.once ? (opts.now ?? (() => new Date()))() : undefined;
  for (;;) {
    let s: PassSummary;
    try {
      s = await runPass({ ...opts, fetcher, ...(dueAt ? { dueAt } : {}) });
    } catch (err) {
      // The store went away mid-pass: say so and try again later; a one-shot run fails instead.
      if (opts.once) throw err;
      opts.log?.(`pass failed: ${err instanceof Error ? err.message : String(err)}; retrying`);
      await sleep(opts.idleMs ?? 5000, opts.signal);
      if (opts.signal?.aborted) return totals;
      continue;
    }
    for (const k of Object.keys(totals) as (keyof PassSummary)[]) totals[k] += s[k];
    if ((opts.once && s.feeds === 0) || opts.signal?.aborted) return totals;
    if (opts.once) continue;
    // Right away again when feeds were due (a pass may have taken long); else wait a little.
    if (s.feeds === 0) await sleep(opts.idleMs ?? 5000, opts.signal);
    if (opts.signal?.aborted) return totals;
  }
}
