/**
 * Row types of every table (see ./migrations), as the query layer sees them. Imports nothing.
 * Booleans are 0/1 integers and lists are JSON text, the same in both dialects.
 */

export interface DocumentRow {
  id: string;
  title: string | null;
  published: string | null;
  published_from: string | null;
  outlet: string | null;
  url: string | null;
  language: string;
  input: string | null;
  text: string;
  chars: number;
  pipeline: string;
  ingested_at: string;
}

export interface ActorRow {
  doc_id: string;
  id: string;
  name: string;
  kind: string;
  code: string | null;
  cameo: string | null;
  country: string | null;
  roles: string;
  aliases: string;
  by_stage: string;
  rule: string;
}

export interface ActorMentionRow {
  doc_id: string;
  actor_id: string;
  n: number;
  span_text: string;
  span_start: number;
  span_end: number;
  via: string;
  rule: string;
}

export interface TimeRow {
  doc_id: string;
  id: string;
  span_text: string;
  span_start: number;
  span_end: number;
  type: string;
  value: string;
  date_from: string | null;
  date_to: string | null;
  future: number;
  by_stage: string;
  rule: string;
}

export interface PlaceRow {
  doc_id: string;
  id: string;
  span_text: string;
  span_start: number;
  span_end: number;
  name: string;
  country: string | null;
  admin1: string | null;
  feature: string;
  lat: number | null;
  lon: number | null;
  geonames: number | null;
  by_stage: string;
  rule: string;
}

export interface QuantityRow {
  doc_id: string;
  id: string;
  span_text: string;
  span_start: number;
  span_end: number;
  value: number;
  unit: string | null;
  approximate: number;
  qualifier: string | null;
  by_stage: string;
  rule: string;
}

export interface QuoteRow {
  doc_id: string;
  id: string;
  span_text: string;
  span_start: number;
  span_end: number;
  speaker: string | null;
  by_stage: string;
  rule: string;
}

export interface AttributionRow {
  doc_id: string;
  id: string;
  speaker: string | null;
  source_text: string | null;
  source_start: number | null;
  source_end: number | null;
  cue_text: string;
  cue_start: number;
  cue_end: number;
  verb: string;
  content_text: string;
  content_start: number;
  content_end: number;
  outer_id: string | null;
  by_stage: string;
  rule: string;
}

/** The actor fields copied onto events and stories (`source_*`, `target_*`). */
export interface ActorColumns {
  key: string | null;
  name: string | null;
  code: string | null;
  country: string | null;
}

export interface EventRow {
  doc_id: string;
  id: string;
  cameo: string;
  root: string;
  plover: string;
  label: string;
  source_id: string | null;
  target_id: string | null;
  time_id: string | null;
  place_id: string | null;
  quantity_id: string | null;
  source_key: string | null;
  source_name: string | null;
  source_code: string | null;
  source_country: string | null;
  target_key: string | null;
  target_name: string | null;
  target_code: string | null;
  target_country: string | null;
  time_text: string | null;
  date_from: string | null;
  date_to: string | null;
  /** 1 when the dates come from a time expression in the text, 0 when from the publication date. */
  date_stated: number;
  place_name: string | null;
  place_country: string | null;
  place_lat: number | null;
  place_lon: number | null;
  quantity_text: string | null;
  quantity_value: number | null;
  quantity_unit: string | null;
  quantity_qualifier: string | null;
  quantity_approximate: number | null;
  attribution_speaker: string | null;
  /** The speaker's actor key and name, copied so counting sources needs no join. */
  attribution_key: string | null;
  attribution_name: string | null;
  attribution_verb: string | null;
  attribution_start: number | null;
  attribution_end: number | null;
  certainty: string;
  polarity: string;
  evidence_text: string;
  evidence_start: number;
  evidence_end: number;
  trigger_text: string | null;
  trigger_start: number | null;
  trigger_end: number | null;
  also_evidence: string;
  outlet: string | null;
  published: string | null;
  by_stage: string;
  rule: string;
}

export interface StoryRow {
  id: string;
  cameo: string;
  root: string;
  plover: string;
  label: string;
  source_key: string | null;
  source_name: string | null;
  source_code: string | null;
  source_country: string | null;
  target_key: string | null;
  target_name: string | null;
  target_code: string | null;
  target_country: string | null;
  date_from: string | null;
  date_to: string | null;
  /** Days in [date_from, date_to] (migration 2); null when undated. */
  span_days: number | null;
  place_name: string | null;
  place_country: string | null;
  place_lat: number | null;
  place_lon: number | null;
  first_seen: string | null;
  last_seen: string | null;
  n_mentions: number;
  n_documents: number;
  n_outlets: number;
  n_sources: number;
  /** JSON array of distinct outlet names. */
  outlets: string;
  contradicted: number;
  /** Merge pass version that built the story (`merge@1`). */
  merged_by: string;
}

export interface StoryMentionRow {
  story_id: string;
  doc_id: string;
  event_id: string;
  /** Why this mention joined the story (JSON: the checks that passed against the story's first mention). */
  reason: string;
}

export interface ContradictionRow {
  story_id: string;
  n: number;
  kind: string;
  detail: string;
  a_doc: string;
  a_event: string;
  b_doc: string;
  b_event: string;
}

export interface IngestErrorRow {
  input: string;
  code: string;
  message: string;
  at: string;
}

/** A polled feed (migration 4). Times are ISO strings; `every_seconds` is the polling interval. */
export interface FeedRow {
  id: string;
  url: string;
  outlet: string | null;
  every_seconds: number;
  added_at: string;
  next_poll_at: string;
  last_poll_at: string | null;
  /** 'ok', 'not-modified' (304) or 'error'; null before the first poll. */
  last_status: string | null;
  last_error: string | null;
  etag: string | null;
  last_modified: string | null;
  /** Items in the feed at its last successful poll. */
  items_seen: number;
  /** Items handed on (queued or stored) by its last successful poll. */
  items_new: number;
  consecutive_failures: number;
}

/** An item seen through a feed, keyed by its normalised URL (migration 4). */
export interface FeedItemRow {
  url: string;
  feed_id: string;
  first_seen: string;
  updated_at: string;
  /** The article's document id (a hash of its text) once its page was read. */
  content_hash: string | null;
  /**
   * 'pending' (claimed), 'queued', 'stored', 'duplicate' (same text already seen), 'failed' or
   * 'refused' (a link naming nothing to fetch).
   */
  status: string;
  attempts: number;
  error: string | null;
}

export interface Tables {
  documents: DocumentRow;
  actors: ActorRow;
  actor_mentions: ActorMentionRow;
  times: TimeRow;
  places: PlaceRow;
  quantities: QuantityRow;
  quotes: QuoteRow;
  attributions: AttributionRow;
  events: EventRow;
  stories: StoryRow;
  story_mentions: StoryMentionRow;
  contradictions: ContradictionRow;
  ingest_errors: IngestErrorRow;
  feeds: FeedRow;
  feed_items: FeedItemRow;
  store_state: { key: string; value: string };
  schema_migrations: { version: number; name: string; applied_at: string };
}

/** Everything one document contributes, ready to insert: the unit of one ingest transaction. */
export interface DocumentRows {
  document: DocumentRow;
  actors: ActorRow[];
  actorMentions: ActorMentionRow[];
  times: TimeRow[];
  places: PlaceRow[];
  quantities: QuantityRow[];
  quotes: QuoteRow[];
  attributions: AttributionRow[];
  events: EventRow[];
}

/** The event columns the merge pass reads: everything but spans and long texts, to keep it light. */
export const MERGE_COLUMNS = [
  'doc_id',
  'id',
  'cameo',
  'root',
  'plover',
  'label',
  'source_key',
  'source_name',
  'source_code',
  'source_country',
  'target_key',
  'target_name',
  'target_code',
  'target_country',
  'date_from',
  'date_to',
  'place_name',
  'place_country',
  'place_lat',
  'place_lon',
  'quantity_text',
  'quantity_value',
  'quantity_unit',
  'quantity_qualifier',
  'quantity_approximate',
  'attribution_key',
  'attribution_name',
  'polarity',
  'outlet',
  'published',
] as const satisfies readonly (keyof EventRow)[];

export type MergeEvent = Pick<EventRow, (typeof MERGE_COLUMNS)[number]>;
