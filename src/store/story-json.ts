/**
 * Projections of stored story events for output: the JSON object `sitrep events --json` prints (the
 * event fields of ../shared/spec/extract-json.md with actors, time and place as objects, plus
 * mentions and outlets), and flat rows for CSV (cells by src/core/csv.ts). Imports core, ./schema and
 * ./store types only.
 */
import { csvLine } from '../core/csv.js';
import type { EventRow, StoryRow } from './schema.js';
import type { StoryView } from './store.js';

export interface ActorObject {
  name: string | null;
  code: string | null;
  country: string | null;
}

function actor(name: string | null, code: string | null, country: string | null, key: string | null) {
  if (name === null && code === null && key === null) return null;
  return { name, code, country } satisfies ActorObject;
}

function mentionJson(m: StoryView['mentions'][number]) {
  const e: EventRow = m.event;
  return {
    document: e.doc_id,
    event: e.id,
    outlet: e.outlet,
    url: m.url,
    title: m.title,
    published: e.published,
    cameo: e.cameo,
    evidence: { text: e.evidence_text, start: e.evidence_start, end: e.evidence_end },
    attribution: e.attribution_verb
      ? { speaker: m.speaker, verb: e.attribution_verb, start: e.attribution_start, end: e.attribution_end }
      : null,
    certainty: e.certainty,
    polarity: e.polarity,
    time: e.time_text ? { text: e.time_text, from: e.date_from, to: e.date_to } : null,
    quantity:
      e.quantity_value !== null
        ? {
            text: e.quantity_text,
            value: e.quantity_value,
            unit: e.quantity_unit,
            qualifier: e.quantity_qualifier,
          }
        : null,
    by: e.by_stage,
    rule: e.rule,
    merged_because: JSON.parse(m.reason) as unknown,
  };
}

export function storyJson(view: StoryView) {
  const s: StoryRow = view.story;
  const anchor = view.mentions[0]?.event;
  return {
    id: s.id,
    cameo: s.cameo,
    plover: s.plover,
    label: s.label,
    source: actor(s.source_name, s.source_code, s.source_country, s.source_key),
    target: actor(s.target_name, s.target_code, s.target_country, s.target_key),
    time: s.date_from ? { from: s.date_from, to: s.date_to } : null,
    place: s.place_name
      ? { name: s.place_name, country: s.place_country, lat: s.place_lat, lon: s.place_lon }
      : null,
    attribution: anchor?.attribution_verb
      ? { speaker: view.mentions[0]!.speaker, verb: anchor.attribution_verb }
      : null,
    certainty: anchor?.certainty ?? null,
    polarity: anchor?.polarity ?? null,
    evidence: anchor
      ? {
          text: anchor.evidence_text,
          start: anchor.evidence_start,
          end: anchor.evidence_end,
          document: anchor.doc_id,
        }
      : null,
    first_seen: s.first_seen,
    last_seen: s.last_seen,
    counts: { mentions: s.n_mentions, documents: s.n_documents, outlets: s.n_outlets, sources: s.n_sources },
    outlets: JSON.parse(s.outlets) as string[],
    contradicted: s.contradicted === 1,
    contradictions: view.contradictions.map((c) => ({
      kind: c.kind,
      detail: c.detail,
      a: { document: c.a_doc, event: c.a_event },
      b: { document: c.b_doc, event: c.b_event },
    })),
    mentions: view.mentions.map(mentionJson),
    merged_by: s.merged_by,
  };
}

export const STORY_CSV_COLUMNS = [
  'id',
  'date_from',
  'date_to',
  'cameo',
  'plover',
  'label',
  'source_name',
  'source_code',
  'target_name',
  'target_code',
  'place_name',
  'place_country',
  'n_mentions',
  'n_documents',
  'n_outlets',
  'n_sources',
  'outlets',
  'contradicted',
  'first_seen',
  'last_seen',
] as const;

/** Columns that hold counts: written as numbers (a driver may hand back a bigint as text). */
const NUMERIC_COLUMNS: ReadonlySet<string> = new Set([
  'n_mentions',
  'n_documents',
  'n_outlets',
  'n_sources',
  'contradicted',
]);

export { csvLine };

export function storyCsvRow(view: StoryView): string {
  const s = view.story;
  return csvLine(
    STORY_CSV_COLUMNS.map((c) => {
      if (c === 'outlets') return (JSON.parse(s.outlets) as string[]).join('; ');
      const v = s[c];
      return NUMERIC_COLUMNS.has(c) && v !== null ? Number(v) : v;
    }),
  );
}
