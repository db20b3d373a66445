/**
 * The public `sitrep.extract/1` JSON document (see ../shared/spec/extract-json.md): a projection of
 * an extracted document. Fields may be added, never renamed or dropped without a new schema version.
 */
import type { LayerName, SitrepDocument } from '../core/types.js';

export const EXTRACT_SCHEMA = 'sitrep.extract/1';

export interface ExtractJsonOptions {
  /** Include the `syntax` projection (every token's tags, lemma, head and relation). */
  readonly syntax?: boolean;
}

/** The syntax projection: per token its offsets, tags, lemma, head (a token index, null at a root) and relation. */
function syntaxJson(doc: SitrepDocument<LayerName>) {
  const L = doc.layers;
  return {
    sentences: L.sentences.map((s) => ({
      index: s.index,
      start: s.start,
      end: s.end,
      paragraph: s.paragraph,
    })),
    tokens: L.tokens.map((t) => {
      const head = L.syntax?.heads[t.index] ?? -1;
      return {
        i: t.index,
        text: t.text,
        start: t.start,
        end: t.end,
        sentence: t.sentence,
        upos: t.pos,
        xpos: t.xpos,
        lemma: t.lemma,
        head: head < 0 ? null : head,
        deprel: L.syntax?.deprels[t.index] ?? null,
      };
    }),
  };
}

/**
 * The sitrep.extract/1 document, typed layer by layer: the type is what ./extract-json.ts writes, so
 * the two cannot drift apart (../shared/spec/extract-json.md describes the fields).
 */
export type ExtractJson = ReturnType<typeof extractJson> & { syntax?: ReturnType<typeof syntaxJson> };
export type ExtractActor = ExtractJson['actors'][number];
export type ExtractTime = ExtractJson['times'][number];
export type ExtractPlace = ExtractJson['places'][number];
export type ExtractQuantity = ExtractJson['quantities'][number];
export type ExtractQuote = ExtractJson['quotes'][number];
export type ExtractEvent = ExtractJson['events'][number];
export type ExtractAttribution = ExtractJson['attributions'][number];
export type ExtractSyntax = NonNullable<ExtractJson['syntax']>;

export function toExtractJson(
  doc: SitrepDocument<LayerName>,
  pipelineVersion: string,
  options: ExtractJsonOptions = {},
): ExtractJson {
  const json = extractJson(doc, pipelineVersion);
  if (!options.syntax) return json;
  // `syntax` goes before `pipeline`, like every other layer.
  const { pipeline, ...layers } = json;
  return { ...layers, syntax: syntaxJson(doc), pipeline };
}

function extractJson(doc: SitrepDocument<LayerName>, pipelineVersion: string) {
  const L = doc.layers;
  return {
    schema: EXTRACT_SCHEMA as typeof EXTRACT_SCHEMA,
    document: {
      id: doc.id,
      title: doc.meta.title,
      published: doc.meta.published,
      source: doc.meta.source,
      url: doc.meta.url,
      language: doc.meta.language,
    },
    actors: L.actors.map((a) => ({
      id: a.id,
      name: a.name,
      kind: a.kind,
      code: a.code,
      cameo: a.cameo,
      country: a.country,
      roles: a.roles,
      aliases: a.aliases,
      mentions: a.mentions.map((m) => ({ text: m.text, start: m.start, end: m.end, via: m.via })),
      by: a.by,
      rule: a.rule,
    })),
    times: L.times.map((t) => ({
      id: t.id,
      text: t.text,
      start: t.start,
      end: t.end,
      type: t.type,
      value: t.value,
      from: t.from,
      to: t.to,
      future: t.future,
      by: t.by,
      rule: t.rule,
    })),
    places: L.places.map((p) => ({
      id: p.id,
      text: p.text,
      start: p.start,
      end: p.end,
      name: p.name,
      country: p.country,
      admin1: p.admin1,
      feature: p.featureClass,
      lat: p.lat,
      lon: p.lon,
      geonames: p.geonames,
      precision: p.precision ?? null,
      locative: p.locative ?? null,
      by: p.by,
      rule: p.rule,
    })),
    quantities: L.quantities.map((q) => ({
      id: q.id,
      text: q.text,
      start: q.start,
      end: q.end,
      value: q.value,
      unit: q.unit,
      approximate: q.approximate,
      qualifier: q.qualifier,
      by: q.by,
      rule: q.rule,
    })),
    quotes: L.quotes.map((q) => ({
      id: q.id,
      text: q.text,
      start: q.start,
      end: q.end,
      speaker: q.speaker,
      by: q.by,
      rule: q.rule,
    })),
    events: L.events.map((e) => ({
      id: e.id,
      cameo: e.cameo,
      plover: e.plover,
      label: e.label,
      source: e.source,
      target: e.target,
      time: e.time,
      place: e.place,
      quantity: e.quantity,
      attribution: e.attribution,
      certainty: e.certainty,
      polarity: e.polarity,
      evidence: e.evidence,
      also_evidence: e.alsoEvidence,
      trigger: e.trigger,
      by: e.by,
      rule: e.rule,
    })),
    attributions: L.attributions.map((a) => ({
      id: a.id,
      speaker: a.speaker,
      source: a.source,
      cue: a.cue,
      verb: a.verb,
      content: a.content,
      outer: a.outer,
      certainty: a.certainty ?? null,
      polarity: a.polarity ?? null,
      by: a.by,
      rule: a.rule,
    })),
    pipeline: pipelineVersion,
  };
}
