/**
 * Projections of stored story events for output: the JSON object `sitrep events --json` prints (the
 * event fields of ../shared/spec/extract-json.md with actors, time and place as objects, plus
 * mentions and outlets), and flat rows for CSV (cells by src/core/csv.ts). Imports core, ./schema and
 * ./store types only.
 */
import { csvLine } from '../core/csv.js';
import { goldsteinOf } from '../data/goldstein.js';
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
  'date_precision',
  'cameo',
  'plover',
  'label',
  'goldstein',
  'quad_class',
  'source_name',
  'source_code',
  'source_country',
  'target_name',
  'target_code',
  'target_country',
  'certainty',
  'polarity',
  'attribution_speaker',
  'attribution_verb',
  'fatalities',
  'place_name',
  'place_country',
  'lat',
  'lon',
  'n_mentions',
  'n_documents',
  'n_outlets',
  'n_sources',
  'outlets',
  'contradicted',
  'first_seen',
  'last_seen',
  'evidence',
] as const;

type CsvColumn = (typeof STORY_CSV_COLUMNS)[number];

/**
 * How exactly the story's date is known: `day`, `week` (up to 7 days), `month` (up to 31), `longer`,
 * or `publication` when no mention states a time and the article's date stands in for it.
 */
export function datePrecision(view: StoryView): string | null {
  const s = view.story;
  if (!s.date_from) return null;
  if (!view.mentions.some((m) => m.event.date_stated === 1)) return 'publication';
  const days = s.span_days ?? 1;
  return days <= 1 ? 'day' : days <= 7 ? 'week' : days <= 31 ? 'month' : 'longer';
}

const PERSON_UNITS =
  /^(people|persons?|civilians|soldiers|troops|fighters|men|women|children|militants|personnel|servicemen|police(men)?|officers|residents|protesters)$/i;
const DEATH_WORDS = /\b(kill(ed|s|ing)?|dead|died|dies|death|deaths|fatalit(y|ies)|lives)\b/i;

/**
 * Deaths reported with the story: the quantity of a mention coded 18x-20x (violence) that counts
 * people in a sentence about killing ("killed at least 12 civilians"); the largest such number
 * across mentions (ACLED records the most reliable total; here: the highest reported).
 */
export function fatalities(view: StoryView): number | null {
  let best: number | null = null;
  for (const { event: e } of view.mentions) {
    if (!/^(18|19|20)/.test(e.cameo) || e.quantity_value === null) continue;
    if (!PERSON_UNITS.test(e.quantity_unit ?? '') || !DEATH_WORDS.test(e.evidence_text)) continue;
    if (best === null || e.quantity_value > best) best = e.quantity_value;
  }
  return best;
}

/** The CSV value of one column: the story's own fields, the anchor mention's, or derived ones. */
function csvValue(view: StoryView, c: CsvColumn): unknown {
  const s = view.story;
  const anchor = view.mentions[0];
  switch (c) {
    case 'outlets':
      return (JSON.parse(s.outlets) as string[]).join('; ');
    case 'date_precision':
      return datePrecision(view);
    case 'goldstein':
      return goldsteinOf(s.cameo)?.goldstein ?? null;
    case 'quad_class':
      return goldsteinOf(s.cameo)?.quad ?? null;
    case 'certainty':
      return anchor?.event.certainty ?? null;
    case 'polarity':
      return anchor?.event.polarity ?? null;
    case 'attribution_speaker':
      return anchor?.speaker?.name ?? null;
    case 'attribution_verb':
      return anchor?.event.attribution_verb ?? null;
    case 'fatalities':
      return fatalities(view);
    case 'lat':
      return s.place_lat;
    case 'lon':
      return s.place_lon;
    case 'evidence':
      return anchor?.event.evidence_text ?? null;
    default: {
      const v = s[c];
      return NUMERIC_COLUMNS.has(c) && v !== null ? Number(v) : v;
    }
  }
}

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
  return csvLine(STORY_CSV_COLUMNS.map((c) => csvValue(view, c)));
}
