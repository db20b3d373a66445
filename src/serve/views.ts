/**
 * The JSON the API answers with, projected from the Store's views: list items of story events,
 * documents with their annotation layers, quotes, contradictions, places as GeoJSON and timeline
 * series. Every text is returned as a JSON string, never as markup. Imports store types, the story
 * JSON of the CLI and the CAMEO code table (for series labels).
 */
import type { Feature, FeatureCollection, Point } from 'geojson';
import { type EventsData, loadEventsData } from '../data/events.js';
import type {
  ContradictionView,
  DocumentView,
  PlaceAggregate,
  QuoteView,
  StoryView,
  TimelineCell,
} from '../store/store.js';
import { storyJson } from '../store/story-json.js';

/** The story JSON of `sitrep events --json` without its mentions: what lists show. */
export function storyListItem(view: StoryView) {
  const { mentions: _mentions, ...item } = storyJson(view);
  return item;
}

export function quoteItem(q: QuoteView) {
  return {
    document: q.docId,
    id: q.id,
    text: q.text,
    start: q.start,
    end: q.end,
    speaker: q.speaker,
    outlet: q.outlet,
    published: q.published,
    url: q.url,
  };
}

export function contradictionItem(c: ContradictionView) {
  return { event: storyListItem(c.story), kind: c.kind, detail: c.detail, a: c.a, b: c.b };
}

export function documentJson(v: DocumentView) {
  const d = v.document;
  const mentions = new Map<string, { start: number; end: number; text: string; rule: string }[]>();
  for (const m of v.actorMentions) {
    const list = mentions.get(m.actor_id) ?? [];
    list.push({ start: m.span_start, end: m.span_end, text: m.span_text, rule: m.rule });
    mentions.set(m.actor_id, list);
  }
  return {
    id: d.id,
    title: d.title,
    published: d.published,
    outlet: d.outlet,
    url: d.url,
    text: d.text,
    layers: {
      actors: v.actors.map((a) => ({
        id: a.id,
        name: a.name,
        code: a.code,
        kind: a.kind,
        country: a.country,
        mentions: mentions.get(a.id) ?? [],
      })),
      times: v.times.map((t) => ({
        id: t.id,
        start: t.span_start,
        end: t.span_end,
        text: t.span_text,
        value: t.value,
        from: t.date_from,
        to: t.date_to,
        rule: t.rule,
      })),
      places: v.places.map((p) => ({
        id: p.id,
        start: p.span_start,
        end: p.span_end,
        text: p.span_text,
        name: p.name,
        country: p.country,
        lat: p.lat,
        lon: p.lon,
        rule: p.rule,
      })),
      quantities: v.quantities.map((q) => ({
        id: q.id,
        start: q.span_start,
        end: q.span_end,
        text: q.span_text,
        value: q.value,
        unit: q.unit,
        rule: q.rule,
      })),
      quotes: v.quotes.map((q) => ({
        id: q.id,
        start: q.span_start,
        end: q.span_end,
        text: q.span_text,
        speaker: q.speaker,
        rule: q.rule,
      })),
      attributions: v.attributions.map((a) => ({
        id: a.id,
        speaker: a.speaker,
        cue: { start: a.cue_start, end: a.cue_end, text: a.cue_text },
        content: { start: a.content_start, end: a.content_end },
        verb: a.verb,
        rule: a.rule,
      })),
      events: v.events.map((e) => ({
        id: e.id,
        story: e.story_id,
        cameo: e.cameo,
        plover: e.plover,
        label: e.label,
        evidence: { start: e.evidence_start, end: e.evidence_end },
        trigger:
          e.trigger_start !== null && e.trigger_end !== null
            ? { start: e.trigger_start, end: e.trigger_end }
            : null,
        source: e.source_id,
        target: e.target_id,
        attribution: e.attribution_verb
          ? {
              speaker: e.attribution_speaker,
              verb: e.attribution_verb,
              start: e.attribution_start,
              end: e.attribution_end,
            }
          : null,
        certainty: e.certainty,
        polarity: e.polarity,
        rule: e.rule,
        by: e.by_stage,
      })),
    },
  };
}

export function placesGeoJson(places: readonly PlaceAggregate[]): FeatureCollection<Point> {
  return {
    type: 'FeatureCollection',
    features: places.map(
      (p): Feature<Point> => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
        properties: {
          name: p.name,
          country: p.country,
          events: p.events,
          top_roots: p.topRoots,
          event_ids: p.eventIds,
        },
      }),
    ),
  };
}

/** The Monday starting the ISO week of a YYYY-MM-DD date. */
export function weekStart(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const back = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - back);
  return d.toISOString().slice(0, 10);
}

let codes: EventsData['codes'] | null = null;

/** "19 fight": a CAMEO root with its description. */
function rootLabel(root: string): string {
  codes ??= loadEventsData().codes;
  const c = codes.get(root);
  return c ? `${root} ${c.description}` : root;
}

export interface TimelineSeries {
  key: string;
  label: string;
  points: { date: string; events: number }[];
}

/** Per-day cells into series of buckets (sparse: buckets without events are left out), largest first. */
export function timelineSeries(
  cells: readonly TimelineCell[],
  bucket: 'day' | 'week',
  by: 'root' | 'plover' | 'actor',
): TimelineSeries[] {
  const series = new Map<string, { label: string; points: Map<string, number>; total: number }>();
  for (const c of cells) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(c.date.slice(0, 10))) continue;
    const day = c.date.slice(0, 10);
    const date = bucket === 'week' ? weekStart(day) : day;
    const s = series.get(c.key) ?? {
      label: by === 'root' ? rootLabel(c.key) : c.label,
      points: new Map<string, number>(),
      total: 0,
    };
    s.points.set(date, (s.points.get(date) ?? 0) + c.events);
    s.total += c.events;
    series.set(c.key, s);
  }
  return [...series.entries()]
    .sort((a, b) =>
      by === 'root' ? a[0].localeCompare(b[0]) : b[1].total - a[1].total || a[0].localeCompare(b[0]),
    )
    .map(([key, s]) => ({
      key,
      label: s.label,
      points: [...s.points.entries()]
        .sort((a, b) => a[0].localeCompare(b[0]))
        .map(([date, events]) => ({ date, events })),
    }));
}
