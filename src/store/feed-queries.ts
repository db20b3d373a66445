/**
 * The feed half of the store (tables of migration 4): feeds to poll, the outcome of each poll, and
 * the items already seen through any feed. Plain functions over a Kysely handle, called by
 * ./sql-store.ts; same statements for SQLite and PostgreSQL, parameters only. Imports core errors,
 * ./schema and ./store types; never src/feeds (which decides what a URL or a hash is).
 */
import type { Kysely } from 'kysely';
import { SitrepError } from '../core/errors.js';
import type { FeedRow, Tables } from './schema.js';
import type { FeedItemOutcome, FeedPollUpdate, NewFeed } from './store.js';

type Db = Kysely<Tables>;

/** Failed items are fetched again at most this many times in all (through later polls). */
const MAX_ITEM_ATTEMPTS = 3;
/** A claim older than this was left by a scheduler that died mid-poll: it may be claimed again. */
const STALE_CLAIM_MS = 60 * 60 * 1000;
/** Bound parameters per IN list: far under both drivers' limits. */
const CHUNK = 500;

function num(v: unknown): number {
  return typeof v === 'number' ? v : Number(v ?? 0);
}

/** pg returns INTEGER columns as numbers but keep counters safe against bigint-as-text anyway. */
function normaliseFeed(f: FeedRow): FeedRow {
  return {
    ...f,
    every_seconds: num(f.every_seconds),
    items_seen: num(f.items_seen),
    items_new: num(f.items_new),
    consecutive_failures: num(f.consecutive_failures),
  };
}

function chunks<T>(xs: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += CHUNK) out.push(xs.slice(i, i + CHUNK));
  return out;
}

export async function addFeed(db: Db, feed: NewFeed): Promise<FeedRow> {
  const existing = await db
    .selectFrom('feeds')
    .select('id')
    .where((eb) => eb.or([eb('url', '=', feed.url), eb('id', '=', feed.id)]))
    .executeTakeFirst();
  if (existing) {
    throw new SitrepError('BAD_ARGUMENT', `${feed.url}: this feed is already added (id ${existing.id})`, {
      input: feed.url,
    });
  }
  const row: FeedRow = {
    id: feed.id,
    url: feed.url,
    outlet: feed.outlet,
    every_seconds: feed.everySeconds,
    added_at: feed.now,
    // Due at once: the first poll happens at the scheduler's next pass.
    next_poll_at: feed.now,
    last_poll_at: null,
    last_status: null,
    last_error: null,
    etag: null,
    last_modified: null,
    items_seen: 0,
    items_new: 0,
    consecutive_failures: 0,
  };
  await db.insertInto('feeds').values(row).execute();
  return row;
}

export async function listFeeds(db: Db): Promise<FeedRow[]> {
  const rows = await db.selectFrom('feeds').selectAll().orderBy('added_at').orderBy('url').execute();
  return rows.map(normaliseFeed);
}

export async function findFeed(db: Db, idOrUrl: string): Promise<FeedRow | null> {
  const exact = await db
    .selectFrom('feeds')
    .selectAll()
    .where((eb) => eb.or([eb('url', '=', idOrUrl), eb('id', '=', idOrUrl)]))
    .executeTakeFirst();
  if (exact) return normaliseFeed(exact);
  const prefix = idOrUrl.replace(/[%_\\]/g, '');
  if (prefix.length < 4) return null;
  const rows = await db.selectFrom('feeds').selectAll().where('id', 'like', `${prefix}%`).limit(2).execute();
  if (rows.length > 1) {
    throw new SitrepError('BAD_ARGUMENT', `feed id '${idOrUrl}' is ambiguous: give more of it`, {
      input: idOrUrl,
    });
  }
  return rows[0] ? normaliseFeed(rows[0]) : null;
}

export async function removeFeed(db: Db, id: string): Promise<boolean> {
  const r = await db.deleteFrom('feeds').where('id', '=', id).executeTakeFirst();
  return num(r.numDeletedRows) > 0;
}

export async function dueFeeds(db: Db, now: string, limit = 100): Promise<FeedRow[]> {
  const rows = await db
    .selectFrom('feeds')
    .selectAll()
    .where('next_poll_at', '<=', now)
    .orderBy('next_poll_at')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map(normaliseFeed);
}

export async function leaseFeed(db: Db, id: string, dueAt: string, until: string): Promise<boolean> {
  const r = await db
    .updateTable('feeds')
    .set({ next_poll_at: until })
    .where('id', '=', id)
    .where('next_poll_at', '=', dueAt)
    .executeTakeFirst();
  return num(r.numUpdatedRows) > 0;
}

export async function recordFeedPoll(db: Db, id: string, update: FeedPollUpdate): Promise<void> {
  if (Object.keys(update).length === 0) return;
  await db.updateTable('feeds').set(update).where('id', '=', id).execute();
}

export async function claimFeedItems(
  db: Db,
  feedId: string,
  urls: readonly string[],
  now: string,
): Promise<Set<string>> {
  const claimed = new Set<string>();
  const unique = [...new Set(urls)];
  if (unique.length === 0) return claimed;
  const staleBefore = new Date(Date.parse(now) - STALE_CLAIM_MS).toISOString();
  // One query finds what is settled for good (the common case: most of a feed was seen before);
  // only the rest is claimed, one statement each so the claim is atomic per URL.
  const known = new Map<string, { status: string; attempts: number; updated_at: string }>();
  for (const part of chunks(unique)) {
    const rows = await db
      .selectFrom('feed_items')
      .select(['url', 'status', 'attempts', 'updated_at'])
      .where('url', 'in', part)
      .execute();
    for (const r of rows) known.set(r.url, { ...r, attempts: num(r.attempts) });
  }
  for (const url of unique) {
    const k = known.get(url);
    const reclaimable =
      !k ||
      (k.status === 'failed' && k.attempts < MAX_ITEM_ATTEMPTS) ||
      (k.status === 'pending' && k.updated_at < staleBefore);
    if (!reclaimable) continue;
    // Insert, or take over a failed/stale row; a row another scheduler claimed meanwhile is left
    // alone (the WHERE fails, nothing changes, the count is 0).
    const r = await db
      .insertInto('feed_items')
      .values({
        url,
        feed_id: feedId,
        first_seen: now,
        updated_at: now,
        content_hash: null,
        status: 'pending',
        attempts: 1,
        error: null,
      })
      .onConflict((oc) =>
        oc
          .column('url')
          .doUpdateSet((eb) => ({
            status: 'pending',
            updated_at: now,
            attempts: eb('feed_items.attempts', '+', 1),
          }))
          .where((eb) =>
            eb.or([
              eb.and([
                eb('feed_items.status', '=', 'failed'),
                eb('feed_items.attempts', '<', MAX_ITEM_ATTEMPTS),
              ]),
              eb.and([
                eb('feed_items.status', '=', 'pending'),
                eb('feed_items.updated_at', '<', staleBefore),
              ]),
            ]),
          ),
      )
      .executeTakeFirst();
    if (num(r.numInsertedOrUpdatedRows) > 0) claimed.add(url);
  }
  return claimed;
}

export async function knownContentHashes(db: Db, hashes: readonly string[]): Promise<Set<string>> {
  const out = new Set<string>();
  const unique = [...new Set(hashes)];
  for (const part of chunks(unique)) {
    const items = await db
      .selectFrom('feed_items')
      .select('content_hash')
      .where('content_hash', 'in', part)
      .where('status', 'in', ['queued', 'stored'])
      .execute();
    for (const r of items) if (r.content_hash) out.add(r.content_hash);
    // The document id is the same hash: an article ingested from a file is not fetched twice.
    const docs = await db.selectFrom('documents').select('id').where('id', 'in', part).execute();
    for (const r of docs) out.add(r.id);
  }
  return out;
}

export async function settleFeedItems(db: Db, items: readonly FeedItemOutcome[], now: string): Promise<void> {
  if (items.length === 0) return;
  await db.transaction().execute(async (tx) => {
    for (const it of items) {
      await tx
        .updateTable('feed_items')
        .set({ status: it.status, content_hash: it.contentHash, error: it.error, updated_at: now })
        .where('url', '=', it.url)
        .execute();
    }
  });
}
