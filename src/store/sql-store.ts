/**
 * The one `Store` implementation, written once with Kysely's query builder and run unchanged over
 * SQLite (better-sqlite3) and PostgreSQL (pg). Where the dialects could differ it avoids the
 * difference instead of branching: 0/1 integers for booleans, JSON as text, ISO date strings,
 * `LOWER()` for case-insensitive matching, counts converted with `Number()` (pg returns bigint as
 * text). Imports ./schema, ./store and ./migrations; never the CLI, ingest or merge.
 */
import { randomUUID } from 'node:crypto';
import { type CompiledQuery, type Kysely, sql, type Transaction } from 'kysely';
import { SitrepError } from '../core/errors.js';
import type { BulkWriter } from './bulk-insert.js';
import * as feedQueries from './feed-queries.js';
import { migrations } from './migrations/index.js';
import type { FeedRow } from './schema.js';
import {
  type DocumentRows,
  type EventRow,
  type IngestErrorRow,
  MERGE_COLUMNS,
  type MergeEvent,
  type Tables,
} from './schema.js';
import { SqlServeQueries } from './serve-queries.js';
import type {
  ActorDetail,
  ActorListItem,
  ActorSummary,
  ContradictionView,
  DocumentView,
  DriverName,
  EventFilter,
  FeedItemOutcome,
  FeedPollUpdate,
  MentionView,
  MergeOutput,
  Network,
  NewFeed,
  Page,
  PageOptions,
  PlaceAggregate,
  QuoteView,
  SearchHit,
  Store,
  StoreCounts,
  StoryPageOptions,
  StoryView,
  TimelineCell,
} from './store.js';
import { containsText, likeText, whereStoryFilter } from './story-filter.js';

type Db = Kysely<Tables>;
type Tx = Transaction<Tables>;

/** Bound parameters per statement: under SQLite's 32,766 and PostgreSQL's 65,535. */
const MAX_PARAMS = 30000;

/** Inserts rows in multi-row statements, as many per statement as the parameter limit allows. */
async function insertMany<T extends keyof Tables>(
  tx: Tx,
  table: T,
  rows: readonly Tables[T][],
): Promise<void> {
  if (rows.length === 0) return;
  const cols = Object.keys(rows[0] as object).length;
  const per = Math.max(1, Math.floor(MAX_PARAMS / cols));
  for (let i = 0; i < rows.length; i += per) {
    // Kysely's insert types cannot follow a generic table name; the rows are typed by the caller.
    await tx
      .insertInto(table)
      .values(rows.slice(i, i + per) as never)
      .execute();
  }
}

function num(v: unknown): number {
  return typeof v === 'number' ? v : Number(v ?? 0);
}

const ANNOTATION_TABLES = [
  'actors',
  'actor_mentions',
  'times',
  'places',
  'quantities',
  'quotes',
  'attributions',
  'events',
] as const;

export class SqlStore implements Store {
  constructor(
    readonly db: Db,
    readonly driver: DriverName,
    readonly location: string,
    /** The driver's fast bulk insert; the generic multi-row INSERT when none is given. */
    private readonly bulk: BulkWriter = { insert: insertMany },
  ) {}

  /** Applies pending migrations, each in its own transaction; safe when two processes open at once. */
  async migrate(): Promise<number> {
    // A current store is opened without any DDL or write, so a read-only connection (a PostgreSQL
    // read replica behind `sitrep serve --read-only`) can open it.
    if (await this.isCurrent()) return 0;
    await sql`CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`.execute(
      this.db,
    );
    let applied = 0;
    for (const m of migrations) {
      const done = await this.db.transaction().execute(async (tx) => {
        // PostgreSQL: serialise concurrent migrators; SQLite's write lock does the same at first write.
        if (this.driver === 'postgres') await sql`SELECT pg_advisory_xact_lock(7252001)`.execute(tx);
        const row = await tx
          .selectFrom('schema_migrations')
          .select('version')
          .where('version', '=', m.version)
          .executeTakeFirst();
        if (row) return false;
        for (const statement of [...m.statements, ...(m[this.driver] ?? [])]) {
          await sql.raw(statement).execute(tx);
        }
        await tx
          .insertInto('schema_migrations')
          .values({ version: m.version, name: m.name, applied_at: new Date().toISOString() })
          .execute();
        return true;
      });
      if (done) applied++;
    }
    return applied;
  }

  private async isCurrent(): Promise<boolean> {
    try {
      const rows = await this.db.selectFrom('schema_migrations').select('version').execute();
      const applied = new Set(rows.map((r) => Number(r.version)));
      return migrations.every((m) => applied.has(m.version));
    } catch {
      return false; // no schema_migrations table yet
    }
  }

  async storedVersions(ids: readonly string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    if (ids.length === 0) return out;
    const rows = await this.db
      .selectFrom('documents')
      .select(['id', 'pipeline'])
      .where('id', 'in', [...ids])
      .execute();
    for (const r of rows) out.set(r.id, r.pipeline);
    return out;
  }

  async putDocuments(batch: readonly DocumentRows[]): Promise<void> {
    if (batch.length === 0) return;
    // The same article may come twice in one batch (two copies in a corpus): keep the last.
    const byId = new Map(batch.map((b) => [b.document.id, b]));
    const docs = [...byId.values()];
    const ids = docs.map((b) => b.document.id);
    const inputs = docs.map((b) => b.document.input).filter((x): x is string => x !== null);
    await this.db.transaction().execute(async (tx) => {
      for (const t of ANNOTATION_TABLES) await tx.deleteFrom(t).where('doc_id', 'in', ids).execute();
      await tx.deleteFrom('documents').where('id', 'in', ids).execute();
      for (const [table, rows] of [
        ['actors', docs.flatMap((b) => b.actors)],
        ['actor_mentions', docs.flatMap((b) => b.actorMentions)],
        ['times', docs.flatMap((b) => b.times)],
        ['places', docs.flatMap((b) => b.places)],
        ['quantities', docs.flatMap((b) => b.quantities)],
        ['quotes', docs.flatMap((b) => b.quotes)],
        ['attributions', docs.flatMap((b) => b.attributions)],
        ['events', docs.flatMap((b) => b.events)],
      ] as const) {
        await this.bulk.insert(tx, table, rows as never);
      }
      // The document rows go last: a document row means all its layers are there.
      await this.bulk.insert(
        tx,
        'documents',
        docs.map((b) => b.document),
      );
      if (inputs.length) await tx.deleteFrom('ingest_errors').where('input', 'in', inputs).execute();
      // A fresh token per write, not '1': a merge that read before this write can tell (replaceStories).
      await this.setState(tx, 'stories_stale', `${Date.now().toString(36)}-${randomUUID()}`);
    });
  }

  private async setState(tx: Tx, key: string, value: string): Promise<void> {
    await tx
      .insertInto('store_state')
      .values({ key, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
      .execute();
  }

  async recordErrors(errors: readonly IngestErrorRow[]): Promise<void> {
    if (errors.length === 0) return;
    const byInput = new Map(errors.map((e) => [e.input, e]));
    await this.db.transaction().execute(async (tx) => {
      await tx
        .deleteFrom('ingest_errors')
        .where('input', 'in', [...byInput.keys()])
        .execute();
      await this.bulk.insert(tx, 'ingest_errors', [...byInput.values()]);
    });
  }

  async listErrors(): Promise<IngestErrorRow[]> {
    return this.db.selectFrom('ingest_errors').selectAll().orderBy('at').orderBy('input').execute();
  }

  async allEvents(): Promise<MergeEvent[]> {
    // Unordered: the merge sorts in memory by its own key anyway.
    return this.db.selectFrom('events').select(MERGE_COLUMNS).execute();
  }

  async replaceStories(out: MergeOutput, basedOn?: string | null): Promise<boolean> {
    return this.db.transaction().execute(async (tx) => {
      // Write first: the row lock (PostgreSQL) or the write lock (SQLite) serialises replacements, so
      // the mark read next cannot change before this transaction ends.
      // Unique per replacement (not only a time): the server's response cache is keyed by it (readToken).
      await this.setState(tx, 'merge_started', `${new Date().toISOString()} ${randomUUID()}`);
      const current = await this.stateOf(tx, 'stories_stale');
      // Another merge cleared the mark after this one read: its stories are at least as new.
      if (basedOn !== undefined && basedOn !== '0' && current === '0') return false;
      await tx.deleteFrom('contradictions').execute();
      await tx.deleteFrom('story_mentions').execute();
      await tx.deleteFrom('stories').execute();
      await this.bulk.insert(tx, 'stories', out.stories);
      await this.bulk.insert(tx, 'story_mentions', out.mentions);
      await this.bulk.insert(tx, 'contradictions', out.contradictions);
      // A document written after the merge read its events keeps the stories stale.
      if (basedOn === undefined || current === basedOn || current === null) {
        await this.setState(tx, 'stories_stale', '0');
      }
      return true;
    });
  }

  private async stateOf(q: Tx | Kysely<Tables>, key: string): Promise<string | null> {
    const row = await q.selectFrom('store_state').select('value').where('key', '=', key).executeTakeFirst();
    return row?.value ?? null;
  }

  async staleMark(): Promise<string | null> {
    return this.stateOf(this.db, 'stories_stale');
  }

  /** Compiled once: the server reads the token on every request. */
  private readTokenQuery?: CompiledQuery<{ key: string; value: string }>;

  async readToken(): Promise<string> {
    this.readTokenQuery ??= this.db
      .selectFrom('store_state')
      .select(['key', 'value'])
      .where('key', 'in', ['stories_stale', 'merge_started'])
      .compile();
    const { rows } = await this.db.executeQuery(this.readTokenQuery);
    const of = (k: string) => rows.find((r) => r.key === k)?.value ?? '-';
    return `${of('stories_stale')}|${of('merge_started')}`;
  }

  async storiesStale(): Promise<boolean> {
    const mark = await this.staleMark();
    return mark !== null && mark !== '0';
  }

  async events(filter: EventFilter = {}): Promise<StoryView[]> {
    const q = whereStoryFilter(this.db.selectFrom('stories').selectAll(), filter);
    const stories = await q
      // SQLite sorts NULL first and PostgreSQL last: say where undated stories go (last) in both.
      .orderBy(sql`CASE WHEN date_from IS NULL THEN 1 ELSE 0 END`)
      .orderBy('date_from')
      .orderBy('id')
      .limit(filter.limit ?? 1000)
      .offset(filter.offset ?? 0)
      .execute();
    return this.withMentions(stories.map(normaliseStory));
  }

  private async withMentions(stories: Tables['stories'][]): Promise<StoryView[]> {
    if (stories.length === 0) return [];
    const ids = stories.map((s) => s.id);
    const rows = await this.db
      .selectFrom('story_mentions as sm')
      .innerJoin('events as e', (j) =>
        j.onRef('e.doc_id', '=', 'sm.doc_id').onRef('e.id', '=', 'sm.event_id'),
      )
      .innerJoin('documents as d', 'd.id', 'sm.doc_id')
      .leftJoin('actors as sp', (j) =>
        j.onRef('sp.doc_id', '=', 'e.doc_id').onRef('sp.id', '=', 'e.attribution_speaker'),
      )
      .selectAll('e')
      .select([
        'sm.story_id as story_id',
        'sm.reason as reason',
        'd.url as url',
        'd.title as title',
        'sp.name as sp_name',
        'sp.code as sp_code',
        'sp.country as sp_country',
      ])
      .where('sm.story_id', 'in', ids)
      .orderBy(sql`CASE WHEN e.published IS NULL THEN 1 ELSE 0 END`)
      .orderBy('e.published')
      .orderBy('e.doc_id')
      .orderBy('e.id')
      .execute();
    const contradictions = await this.db
      .selectFrom('contradictions')
      .selectAll()
      .where('story_id', 'in', ids)
      .orderBy('story_id')
      .orderBy('n')
      .execute();
    const mentions = new Map<string, MentionView[]>();
    for (const r of rows) {
      const { story_id, reason, url, title, sp_name, sp_code, sp_country, ...event } = r;
      const list = mentions.get(story_id) ?? [];
      list.push({
        event: event as EventRow,
        url,
        title,
        reason,
        speaker: sp_name ? { name: sp_name, code: sp_code, country: sp_country } : null,
      });
      mentions.set(story_id, list);
    }
    return stories.map((story) => ({
      story,
      mentions: mentions.get(story.id) ?? [],
      contradictions: contradictions
        .filter((c) => c.story_id === story.id)
        .map((c) => ({ ...c, n: num(c.n) })),
    }));
  }

  async story(id: string): Promise<StoryView | null> {
    const rows = await this.db
      .selectFrom('stories')
      .selectAll()
      .where(likeText(sql.ref('id'), id, 'prefix'))
      .limit(2)
      .execute();
    if (rows.length === 0) return null;
    const exact = rows.find((r) => r.id === id);
    if (rows.length > 1 && !exact) {
      throw new SitrepError('BAD_ARGUMENT', `event id '${id}' is ambiguous: give more of it`, { input: id });
    }
    const [view] = await this.withMentions([normaliseStory(exact ?? rows[0]!)]);
    return view ?? null;
  }

  async actors(opts: { limit?: number; name?: string } = {}): Promise<ActorSummary[]> {
    let q = this.db
      .selectFrom('actors as a')
      .leftJoin('actor_mentions as m', (j) =>
        j.onRef('m.doc_id', '=', 'a.doc_id').onRef('m.actor_id', '=', 'a.id'),
      )
      .select((eb) => [
        'a.name',
        'a.code',
        'a.country',
        'a.kind',
        eb.fn.count<number>('a.doc_id').distinct().as('documents'),
        eb.fn.count<number>('m.n').as('mentions'),
      ])
      .groupBy(['a.name', 'a.code', 'a.country', 'a.kind']);
    if (opts.name) {
      const n = opts.name.toLowerCase();
      q = q.where((eb) =>
        eb.or([
          likeText(sql.ref('a.name'), n, 'contains', { lower: true }),
          eb(eb.fn('lower', ['a.code']), '=', n),
        ]),
      );
    }
    const rows = await q
      .orderBy('documents', 'desc')
      .orderBy('a.name')
      .limit(opts.limit ?? 100)
      .execute();
    return rows.map((r) => ({ ...r, documents: num(r.documents), mentions: num(r.mentions) }));
  }

  async quotes(
    opts: { speaker?: string; q?: string; limit?: number; offset?: number } = {},
  ): Promise<QuoteView[]> {
    let q = this.db
      .selectFrom('quotes as q')
      .innerJoin('documents as d', 'd.id', 'q.doc_id')
      .leftJoin('actors as a', (j) => j.onRef('a.doc_id', '=', 'q.doc_id').onRef('a.id', '=', 'q.speaker'))
      .select([
        'q.doc_id',
        'q.id',
        'q.span_text',
        'q.span_start',
        'q.span_end',
        'a.name',
        'a.code',
        'a.country',
        'd.outlet',
        'd.published',
        'd.url',
      ]);
    if (opts.speaker) {
      const s = opts.speaker.toLowerCase();
      q = q.where((eb) =>
        eb.or([
          likeText(sql.ref('a.name'), s, 'contains', { lower: true }),
          eb(eb.fn('lower', ['a.code']), '=', s),
          eb(eb.fn('lower', ['a.country']), '=', s),
        ]),
      );
    }
    if (opts.q) q = q.where(containsText(sql.ref('q.span_text'), opts.q));
    const rows = await q
      .orderBy(sql`CASE WHEN d.published IS NULL THEN 1 ELSE 0 END`)
      .orderBy('d.published')
      .orderBy('q.doc_id')
      .orderBy('q.span_start')
      .limit(opts.limit ?? 1000)
      .offset(opts.offset ?? 0)
      .execute();
    return rows.map((r) => ({
      docId: r.doc_id,
      id: r.id,
      text: r.span_text,
      start: num(r.span_start),
      end: num(r.span_end),
      speaker: r.name ? { name: r.name, code: r.code, country: r.country } : null,
      outlet: r.outlet,
      published: r.published,
      url: r.url,
    }));
  }

  async timeline(actor: string): Promise<{ date: string; stories: number; mentions: number }[]> {
    const a = actor.toLowerCase();
    const rows = await this.db
      .selectFrom('stories')
      .select((eb) => [
        'date_from',
        eb.fn.countAll<number>().as('stories'),
        eb.fn.sum<number>('n_mentions').as('mentions'),
      ])
      .where('date_from', 'is not', null)
      .where((eb) =>
        eb.or(
          (['source', 'target'] as const).flatMap((side) => [
            eb(eb.fn('lower', [`${side}_key`]), '=', a),
            eb(eb.fn('lower', [`${side}_code`]), '=', a),
            eb(eb.fn('lower', [`${side}_name`]), '=', a),
          ]),
        ),
      )
      .groupBy('date_from')
      .orderBy('date_from')
      .execute();
    return rows.map((r) => ({ date: r.date_from!, stories: num(r.stories), mentions: num(r.mentions) }));
  }

  async counts(): Promise<StoreCounts> {
    const count = async (t: 'documents' | 'events' | 'stories' | 'ingest_errors') => {
      const r = await this.db
        .selectFrom(t)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirst();
      return num(r?.n);
    };
    return {
      documents: await count('documents'),
      events: await count('events'),
      stories: await count('stories'),
      errors: await count('ingest_errors'),
    };
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }

  // --- serve queries: implemented in ./serve-queries.ts ---
  private serveQueries?: SqlServeQueries;
  private get serve(): SqlServeQueries {
    this.serveQueries ??= new SqlServeQueries(
      this.db,
      this.driver,
      (stories) => this.withMentions(stories),
      normaliseStory,
    );
    return this.serveQueries;
  }
  storyPage(filter: EventFilter, opts: StoryPageOptions): Promise<Page<StoryView>> {
    return this.serve.storyPage(filter, opts);
  }
  actorPage(opts: PageOptions & { q?: string }): Promise<Page<ActorListItem>> {
    return this.serve.actorPage(opts);
  }
  actorDetail(id: string, partners?: number): Promise<ActorDetail | null> {
    return this.serve.actorDetail(id, partners);
  }
  network(filter: EventFilter, opts: { minEvents: number; limitNodes: number }): Promise<Network> {
    return this.serve.network(filter, opts);
  }
  timelineCells(
    filter: EventFilter,
    by: 'root' | 'plover' | 'actor',
    series: number,
  ): Promise<TimelineCell[]> {
    return this.serve.timelineCells(filter, by, series);
  }
  placeAggregates(filter: EventFilter): Promise<PlaceAggregate[]> {
    return this.serve.placeAggregates(filter);
  }
  contradictionPage(opts: PageOptions): Promise<Page<ContradictionView>> {
    return this.serve.contradictionPage(opts);
  }
  documentView(id: string): Promise<DocumentView | null> {
    return this.serve.documentView(id);
  }
  searchDocuments(q: string, opts: PageOptions): Promise<Page<SearchHit>> {
    return this.serve.searchDocuments(q, opts);
  }
  // --- end serve queries ---

  // Feeds: implemented in ./feed-queries.ts.
  addFeed(feed: NewFeed): Promise<FeedRow> {
    return feedQueries.addFeed(this.db, feed);
  }
  listFeeds(): Promise<FeedRow[]> {
    return feedQueries.listFeeds(this.db);
  }
  findFeed(idOrUrl: string): Promise<FeedRow | null> {
    return feedQueries.findFeed(this.db, idOrUrl);
  }
  removeFeed(id: string): Promise<boolean> {
    return feedQueries.removeFeed(this.db, id);
  }
  dueFeeds(now: string, limit?: number): Promise<FeedRow[]> {
    return feedQueries.dueFeeds(this.db, now, limit);
  }
  leaseFeed(id: string, dueAt: string, until: string): Promise<boolean> {
    return feedQueries.leaseFeed(this.db, id, dueAt, until);
  }
  recordFeedPoll(id: string, update: FeedPollUpdate): Promise<void> {
    return feedQueries.recordFeedPoll(this.db, id, update);
  }
  claimFeedItems(feedId: string, urls: readonly string[], now: string): Promise<Set<string>> {
    return feedQueries.claimFeedItems(this.db, feedId, urls, now);
  }
  knownContentHashes(hashes: readonly string[]): Promise<Set<string>> {
    return feedQueries.knownContentHashes(this.db, hashes);
  }
  settleFeedItems(items: readonly FeedItemOutcome[], now: string): Promise<void> {
    return feedQueries.settleFeedItems(this.db, items, now);
  }
}

/** Counts may come back from pg as text (bigint); stories hold plain numbers. */
function normaliseStory(s: Tables['stories']): Tables['stories'] {
  return {
    ...s,
    n_mentions: num(s.n_mentions),
    n_documents: num(s.n_documents),
    n_outlets: num(s.n_outlets),
    n_sources: num(s.n_sources),
    contradicted: num(s.contradicted),
  };
}
