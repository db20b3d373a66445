/**
 * The `Store` interface: everything Sitrep keeps (documents, their annotation layers, story events
 * merged across documents, contradictions, ingest errors) and the queries over it. One
 * implementation (./sql-store.ts) serves every driver. Imports core types and ./schema only; the
 * cross-document merge (src/merge) sits above it and speaks to it through these methods.
 */
import type {
  ActorMentionRow,
  ActorRow,
  AttributionRow,
  ContradictionRow,
  DocumentRow,
  DocumentRows,
  EventRow,
  FeedRow,
  IngestErrorRow,
  MergeEvent,
  PlaceRow,
  QuantityRow,
  QuoteRow,
  StoryMentionRow,
  StoryRow,
  TimeRow,
} from './schema.js';

export type DriverName = 'sqlite' | 'postgres';

/** Filters of `sitrep events`; every one optional, all combined with AND. */
export interface EventFilter {
  /** Matches source or target: code, country or name (case-insensitive). */
  readonly actor?: string;
  /** CAMEO code prefix: `07` matches 07, 071, 0711. */
  readonly cameo?: string;
  readonly plover?: string;
  /** Inclusive ISO dates: stories whose interval overlaps [from, to]. */
  readonly from?: string;
  readonly to?: string;
  /** Place name or country code (case-insensitive). */
  readonly place?: string;
  /** Stories with at least one mention from this outlet. */
  readonly outlet?: string;
  readonly minSources?: number;
  readonly contradicted?: boolean;
  // The terms below come from src/query/story-query.ts (what `sitrep events` and the API accept);
  // each list is a set of alternatives (OR), the lists are combined with AND. See ./story-terms.ts.
  /** Either side: a name, a surname, a state's name, a code, or a code prefix (RUS ⊃ RUSGOV). */
  readonly actors?: readonly string[];
  /** As `actors`, the source side only. */
  readonly sources?: readonly string[];
  /** As `actors`, the target side only. */
  readonly targets?: readonly string[];
  /** CAMEO codes or prefixes (roots). */
  readonly cameos?: readonly string[];
  /** PLOVER event types (upper case). */
  readonly plovers?: readonly string[];
  /** Place names (with their alternate names already added) or country codes. */
  readonly places?: readonly string[];
  /** Stories with at least one mention of one of these certainties. */
  readonly certainty?: readonly string[];
  /** Stories with at least one mention of one of these polarities. */
  readonly polarity?: readonly string[];
  readonly limit?: number;
  readonly offset?: number;
}

/** One mention of a story event, with what a reader needs to check it. */
export interface MentionView {
  readonly event: EventRow;
  readonly url: string | null;
  readonly title: string | null;
  /** The attribution speaker as an actor object (null: the article's own voice or an unknown source). */
  readonly speaker: { name: string; code: string | null; country: string | null } | null;
  readonly reason: string;
}

export interface StoryView {
  readonly story: StoryRow;
  readonly mentions: readonly MentionView[];
  readonly contradictions: readonly ContradictionRow[];
}

export interface ActorSummary {
  readonly name: string;
  readonly code: string | null;
  readonly country: string | null;
  readonly kind: string;
  readonly documents: number;
  readonly mentions: number;
}

export interface QuoteView {
  readonly docId: string;
  readonly id: string;
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly speaker: { name: string; code: string | null; country: string | null } | null;
  readonly outlet: string | null;
  readonly published: string | null;
  readonly url: string | null;
}

export interface StoreCounts {
  readonly documents: number;
  readonly events: number;
  readonly stories: number;
  readonly errors: number;
}

export interface MergeOutput {
  readonly stories: readonly StoryRow[];
  readonly mentions: readonly StoryMentionRow[];
  readonly contradictions: readonly ContradictionRow[];
}

// --- serve queries (the HTTP API, src/serve; implemented in ./serve-queries.ts) ---

/** One page of a list and the number of items over all pages. */
export interface Page<T> {
  readonly items: T[];
  readonly total: number;
}

export interface PageOptions {
  readonly limit: number;
  readonly offset: number;
}

export interface StoryPageOptions extends PageOptions {
  /** `date`: by date_from (undated last); `sources`: by distinct sources. */
  readonly sort: 'date' | 'sources';
  readonly order: 'asc' | 'desc';
}

/** An actor across documents, keyed by `id`: its code when it has one, else its lower-cased name. */
export interface ActorListItem {
  readonly id: string;
  readonly name: string;
  readonly code: string | null;
  readonly country: string | null;
  readonly kind: string;
  readonly documents: number;
  readonly mentions: number;
  /** Story events with the actor as source or target. */
  readonly events: number;
}

export interface ActorPartner {
  /** The partner's story actor key (as network nodes are keyed). */
  readonly id: string;
  readonly name: string | null;
  readonly code: string | null;
  readonly events: number;
  readonly cooperation: number;
  readonly conflict: number;
}

export interface ActorDetail {
  readonly actor: ActorListItem;
  readonly partners: ActorPartner[];
  readonly byRoot: { root: string; events: number }[];
}

export interface NetworkNode {
  /** The story actor key: the actor's country or organisation, else its code, else its name. */
  readonly id: string;
  readonly name: string | null;
  readonly code: string | null;
  readonly country: string | null;
  readonly events: number;
}

export type Quad = 'verbal_coop' | 'material_coop' | 'verbal_conflict' | 'material_conflict';

export interface NetworkEdge {
  readonly source: string;
  readonly target: string;
  readonly events: number;
  readonly cooperation: number;
  readonly conflict: number;
  /** The quad class with the most events (CAMEO roots 01–05, 06–08, 09–13, 14–20). */
  readonly quad: Quad;
}

export interface Network {
  readonly nodes: NetworkNode[];
  readonly edges: NetworkEdge[];
}

/** Story events of one day (date_from) in one series (a CAMEO root, a PLOVER type or an actor key). */
export interface TimelineCell {
  readonly key: string;
  readonly label: string;
  readonly date: string;
  readonly events: number;
}

export interface PlaceAggregate {
  readonly name: string;
  readonly country: string | null;
  readonly lat: number;
  readonly lon: number;
  readonly events: number;
  /** CAMEO roots by number of events there, most first. */
  readonly topRoots: string[];
  /** The first story ids there, newest first. */
  readonly eventIds: string[];
}

export interface ContradictionSide {
  readonly document: string;
  readonly event: string;
  readonly outlet: string | null;
  readonly polarity: string | null;
  readonly certainty: string | null;
  readonly quantity: { text: string | null; value: number; unit: string | null } | null;
}

export interface ContradictionView {
  readonly story: StoryView;
  readonly kind: string;
  readonly detail: string;
  readonly a: ContradictionSide;
  readonly b: ContradictionSide;
}

/** One document with every annotation layer; events carry the story they were merged into. */
export interface DocumentView {
  readonly document: DocumentRow;
  readonly actors: ActorRow[];
  readonly actorMentions: ActorMentionRow[];
  readonly times: TimeRow[];
  readonly places: PlaceRow[];
  readonly quantities: QuantityRow[];
  readonly quotes: QuoteRow[];
  readonly attributions: AttributionRow[];
  readonly events: (EventRow & { story_id: string | null })[];
}

export interface SearchHit {
  readonly id: string;
  readonly title: string | null;
  readonly outlet: string | null;
  readonly published: string | null;
  readonly url: string | null;
  readonly text: string;
}

/** The queries the HTTP API adds to the Store (see ./serve-queries.ts). */
export interface ServeQueries {
  /** Filtered, sorted story events with their mentions, one page, and the total. */
  storyPage(filter: EventFilter, opts: StoryPageOptions): Promise<Page<StoryView>>;
  actorPage(opts: PageOptions & { q?: string }): Promise<Page<ActorListItem>>;
  /** An actor by id (code, name, or story actor key; case-insensitive); null when unknown. */
  actorDetail(id: string, partners?: number): Promise<ActorDetail | null>;
  network(filter: EventFilter, opts: { minEvents: number; limitNodes: number }): Promise<Network>;
  /** Per-day counts of the filtered story events dated to a week or less, by series. */
  timelineCells(
    filter: EventFilter,
    by: 'root' | 'plover' | 'actor',
    series: number,
  ): Promise<TimelineCell[]>;
  placeAggregates(filter: EventFilter): Promise<PlaceAggregate[]>;
  contradictionPage(opts: PageOptions): Promise<Page<ContradictionView>>;
  documentView(id: string): Promise<DocumentView | null>;
  /** Documents whose text matches every word of `q` (full-text, stemmed), best first. */
  searchDocuments(q: string, opts: PageOptions): Promise<Page<SearchHit>>;
}

export interface Store extends ServeQueries {
  readonly driver: DriverName;
  /** Where the data lives (a file path, or the URL without its password). */
  readonly location: string;

  /** id → pipeline version of the stored documents among `ids` (absent: not stored). */
  storedVersions(ids: readonly string[]): Promise<Map<string, string>>;
  /**
   * Writes documents with all their layers in one transaction, replacing earlier annotations of the
   * same documents, clearing their inputs' errors and marking the stories stale.
   */
  putDocuments(batch: readonly DocumentRows[]): Promise<void>;
  /** Records failed inputs (replacing an earlier error of the same input). */
  recordErrors(errors: readonly IngestErrorRow[]): Promise<void>;
  listErrors(): Promise<IngestErrorRow[]>;

  /** Every event, in no particular order: the merge pass's input. */
  allEvents(): Promise<MergeEvent[]>;
  /**
   * Replaces all story events in one transaction. `basedOn` is the `staleMark()` read before the
   * merge read its events: the stale mark is cleared only when no document was written since, and
   * the replacement is dropped (false) when another merge that read later has already landed. Two
   * processes merging at once (a worker and `sitrep serve`) therefore never leave stories that miss
   * a write while the store says they are current. Without `basedOn` the mark is always cleared.
   */
  replaceStories(out: MergeOutput, basedOn?: string | null): Promise<boolean>;
  /** True when documents were written since the last merge. */
  storiesStale(): Promise<boolean>;
  /** An opaque token that changes on every document write ('0' once merged; null: never written). */
  staleMark(): Promise<string | null>;
  /**
   * An opaque token that changes on every document write and every replacement of the stories: what
   * the server's response cache is keyed by (the stale mark alone returns to '0' after each merge).
   */
  readToken(): Promise<string>;

  events(filter?: EventFilter): Promise<StoryView[]>;
  /** A story by id or by an unambiguous id prefix; null when none. */
  story(id: string): Promise<StoryView | null>;
  actors(opts?: { limit?: number; name?: string }): Promise<ActorSummary[]>;
  /** Quotes by speaker (name, code or country) and words in the quote (`q`), oldest first. */
  quotes(opts?: { speaker?: string; q?: string; limit?: number; offset?: number }): Promise<QuoteView[]>;
  /** Story counts per day (date_from) for stories where the actor is source or target. */
  timeline(actor: string): Promise<{ date: string; stories: number; mentions: number }[]>;
  counts(): Promise<StoreCounts>;
  close(): Promise<void>;

  // Feeds (src/feeds, ./feed-queries.ts): what `sitrep scheduler` polls and the items it has seen.
  /** Adds a feed; refuses (BAD_ARGUMENT) a URL already added. */
  addFeed(feed: NewFeed): Promise<FeedRow>;
  listFeeds(): Promise<FeedRow[]>;
  /** A feed by exact URL, id or unambiguous id prefix; null when none. */
  findFeed(idOrUrl: string): Promise<FeedRow | null>;
  /** Removes a feed (its seen items stay, so they are not handed on again); false when none. */
  removeFeed(id: string): Promise<boolean>;
  /** Feeds with `next_poll_at <= now`, soonest first. */
  dueFeeds(now: string, limit?: number): Promise<FeedRow[]>;
  /**
   * Takes a due feed for one poll: moves its `next_poll_at` from `dueAt` (as read) to `until`, and
   * succeeds only if nobody moved it first — two schedulers never poll the same feed at once, and a
   * scheduler that dies mid-poll leaves the feed due again at `until`.
   */
  leaseFeed(id: string, dueAt: string, until: string): Promise<boolean>;
  /** Records one poll's outcome; only the fields given change (a failed poll keeps the feed's ETag). */
  recordFeedPoll(id: string, update: FeedPollUpdate): Promise<void>;
  /**
   * Claims item URLs for one feed: returns those now claimed (new, a stale claim, or a failed item
   * with attempts left). A URL another feed already brought is not claimed again.
   */
  claimFeedItems(feedId: string, urls: readonly string[], now: string): Promise<Set<string>>;
  /** The content hashes among `hashes` already seen through any feed or stored as documents. */
  knownContentHashes(hashes: readonly string[]): Promise<Set<string>>;
  /** Settles claimed items: their final status, content hash and error. */
  settleFeedItems(items: readonly FeedItemOutcome[], now: string): Promise<void>;
}

export interface NewFeed {
  readonly id: string;
  readonly url: string;
  readonly outlet: string | null;
  readonly everySeconds: number;
  readonly now: string;
}

export type FeedPollUpdate = Partial<Omit<FeedRow, 'id' | 'url' | 'added_at'>>;

export interface FeedItemOutcome {
  readonly url: string;
  /** `refused`: the link names nothing to fetch (javascript:, file:); never claimed again. */
  readonly status: 'queued' | 'stored' | 'duplicate' | 'failed' | 'refused';
  readonly contentHash: string | null;
  readonly error: string | null;
}
