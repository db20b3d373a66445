/**
 * The `Store` interface: everything Sitrep keeps (documents, their annotation layers, story events
 * merged across documents, contradictions, ingest errors) and the queries over it. One
 * implementation (./sql-store.ts) serves every driver. Imports core types and ./schema only; the
 * cross-document merge (src/merge) sits above it and speaks to it through these methods.
 */
import type {
  ContradictionRow,
  DocumentRows,
  EventRow,
  IngestErrorRow,
  MergeEvent,
  StoryMentionRow,
  StoryRow,
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

export interface Store {
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
  /** Replaces all story events in one transaction and clears the stale mark. */
  replaceStories(out: MergeOutput): Promise<void>;
  /** True when documents were written since the last merge. */
  storiesStale(): Promise<boolean>;

  events(filter?: EventFilter): Promise<StoryView[]>;
  /** A story by id or by an unambiguous id prefix; null when none. */
  story(id: string): Promise<StoryView | null>;
  actors(opts?: { limit?: number; name?: string }): Promise<ActorSummary[]>;
  quotes(opts?: { speaker?: string; limit?: number }): Promise<QuoteView[]>;
  /** Story counts per day (date_from) for stories where the actor is source or target. */
  timeline(actor: string): Promise<{ date: string; stories: number; mentions: number }[]>;
  counts(): Promise<StoreCounts>;
  close(): Promise<void>;
}
