/**
 * Turns an extracted document into the rows the store writes (one `DocumentRows` per article).
 * Pure and synchronous, so ingest workers can run it beside extraction and hand plain rows back.
 * Imports core only.
 */
import type { Actor, LayerName, SitrepDocument } from '../core/types.js';
import type { ActorColumns, DocumentRows, EventRow } from './schema.js';

/**
 * The key actors are compared by across documents: the state or organisation an actor belongs to,
 * else its own code, else its lower-cased name. Putin, the Kremlin and Russia all become `RUS`, so a
 * story is not split because one outlet names the president and another the country.
 */
export function actorKey(a: Pick<Actor, 'country' | 'code' | 'name'>): string {
  return a.country ?? a.code ?? a.name.toLowerCase();
}

function actorColumns(a: Actor | undefined): ActorColumns {
  if (!a) return { key: null, name: null, code: null, country: null };
  // A person has no ISO code but often a CAMEO one (Putin: RUSGOV): the code column carries it,
  // so `--actor RUSGOV` finds him and exports give analysts the actor code they expect.
  return { key: actorKey(a), name: a.name, code: a.code ?? a.cameo, country: a.country };
}

export interface RowOptions {
  /** The path, URL or `file:line` the article came from. */
  readonly input: string | null;
  /** The pipeline version string (stage@version list) that produced the layers. */
  readonly pipeline: string;
  /** ISO timestamp of the ingest (passed in: this module never reads the clock). */
  readonly ingestedAt: string;
}

export function toDocumentRows(doc: SitrepDocument<LayerName>, opts: RowOptions): DocumentRows {
  const L = doc.layers;
  const d = doc.id;
  const actors = new Map(L.actors.map((a) => [a.id, a]));
  const times = new Map(L.times.map((t) => [t.id, t]));
  const places = new Map(L.places.map((p) => [p.id, p]));
  const quantities = new Map(L.quantities.map((q) => [q.id, q]));
  const published = doc.meta.published;

  const events: EventRow[] = L.events.map((e) => {
    const src = actorColumns(actors.get(e.source ?? ''));
    const tgt = actorColumns(actors.get(e.target ?? ''));
    const t = e.time ? times.get(e.time) : undefined;
    const p = e.place ? places.get(e.place) : undefined;
    const q = e.quantity ? quantities.get(e.quantity) : undefined;
    const speaker = e.attribution?.speaker ? actors.get(e.attribution.speaker) : undefined;
    // An event without a stated time is dated by its article: news reports what just happened.
    const stated = t !== undefined && (t.from !== null || t.to !== null);
    return {
      doc_id: d,
      id: e.id,
      cameo: e.cameo,
      root: e.cameo.slice(0, 2),
      plover: e.plover,
      label: e.label,
      source_id: e.source,
      target_id: e.target,
      time_id: e.time,
      place_id: e.place,
      quantity_id: e.quantity,
      source_key: src.key,
      source_name: src.name,
      source_code: src.code,
      source_country: src.country,
      target_key: tgt.key,
      target_name: tgt.name,
      target_code: tgt.code,
      target_country: tgt.country,
      time_text: t?.text ?? null,
      date_from: stated ? (t.from ?? t.to) : published,
      date_to: stated ? (t.to ?? t.from) : published,
      date_stated: stated ? 1 : 0,
      place_name: p?.name ?? null,
      place_country: p?.country ?? null,
      place_lat: p?.lat ?? null,
      place_lon: p?.lon ?? null,
      quantity_text: q?.text ?? null,
      quantity_value: q?.value ?? null,
      quantity_unit: q?.unit ?? null,
      quantity_qualifier: q?.qualifier ?? null,
      quantity_approximate: q ? (q.approximate ? 1 : 0) : null,
      attribution_speaker: e.attribution?.speaker ?? null,
      attribution_key: speaker ? actorKey(speaker) : null,
      attribution_name: speaker?.name ?? null,
      attribution_verb: e.attribution?.verb ?? null,
      attribution_start: e.attribution?.start ?? null,
      attribution_end: e.attribution?.end ?? null,
      certainty: e.certainty,
      polarity: e.polarity,
      evidence_text: e.evidence.text,
      evidence_start: e.evidence.start,
      evidence_end: e.evidence.end,
      trigger_text: e.trigger?.text ?? null,
      trigger_start: e.trigger?.start ?? null,
      trigger_end: e.trigger?.end ?? null,
      also_evidence: JSON.stringify(e.alsoEvidence ?? []),
      outlet: doc.meta.source,
      published,
      by_stage: e.by,
      rule: e.rule,
    };
  });

  return {
    document: {
      id: d,
      title: doc.meta.title,
      published,
      published_from: doc.meta.publishedFrom,
      outlet: doc.meta.source,
      url: doc.meta.url,
      language: doc.meta.language,
      input: opts.input,
      text: doc.text,
      chars: doc.text.length,
      pipeline: opts.pipeline,
      ingested_at: opts.ingestedAt,
    },
    actors: L.actors.map((a) => ({
      doc_id: d,
      id: a.id,
      name: a.name,
      kind: a.kind,
      code: a.code,
      cameo: a.cameo,
      country: a.country,
      roles: JSON.stringify(a.roles),
      aliases: JSON.stringify(a.aliases),
      by_stage: a.by,
      rule: a.rule,
    })),
    actorMentions: L.actors.flatMap((a) =>
      a.mentions.map((m, n) => ({
        doc_id: d,
        actor_id: a.id,
        n,
        span_text: m.text,
        span_start: m.start,
        span_end: m.end,
        via: m.via,
        rule: m.rule,
      })),
    ),
    times: L.times.map((t) => ({
      doc_id: d,
      id: t.id,
      span_text: t.text,
      span_start: t.start,
      span_end: t.end,
      type: t.type,
      value: t.value,
      date_from: t.from,
      date_to: t.to,
      future: t.future ? 1 : 0,
      by_stage: t.by,
      rule: t.rule,
    })),
    places: L.places.map((p) => ({
      doc_id: d,
      id: p.id,
      span_text: p.text,
      span_start: p.start,
      span_end: p.end,
      name: p.name,
      country: p.country,
      admin1: p.admin1,
      feature: p.featureClass,
      lat: p.lat,
      lon: p.lon,
      geonames: p.geonames,
      by_stage: p.by,
      rule: p.rule,
    })),
    quantities: L.quantities.map((q) => ({
      doc_id: d,
      id: q.id,
      span_text: q.text,
      span_start: q.start,
      span_end: q.end,
      value: q.value,
      unit: q.unit,
      approximate: q.approximate ? 1 : 0,
      qualifier: q.qualifier,
      by_stage: q.by,
      rule: q.rule,
    })),
    quotes: L.quotes.map((q) => ({
      doc_id: d,
      id: q.id,
      span_text: q.text,
      span_start: q.start,
      span_end: q.end,
      speaker: q.speaker,
      by_stage: q.by,
      rule: q.rule,
    })),
    attributions: (L.attributions ?? []).map((a) => ({
      doc_id: d,
      id: a.id,
      speaker: a.speaker,
      source_text: a.source?.text ?? null,
      source_start: a.source?.start ?? null,
      source_end: a.source?.end ?? null,
      cue_text: a.cue.text,
      cue_start: a.cue.start,
      cue_end: a.cue.end,
      verb: a.verb,
      content_text: a.content.text,
      content_start: a.content.start,
      content_end: a.content.end,
      outer_id: a.outer,
      by_stage: a.by,
      rule: a.rule,
    })),
    events,
  };
}
