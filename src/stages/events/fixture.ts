/**
 * Test fixtures for the events stage: a document with real tokens and hand-made actor, time, place,
 * quantity and attribution layers, so the stage is tested without the other stages' progress. Every
 * span is found in the text by its words. Used by tests only; depends on core, the tokens stage and
 * the pipeline's document factory.
 */
import type {
  Actor,
  Attribution,
  Place,
  Quantity,
  SitrepDocument,
  TimeExpression,
} from '../../core/types.js';
import { createDocument } from '../../pipeline/pipeline.js';
import type { StageContext } from '../../pipeline/stage.js';
import { tokenize } from '../tokens/index.js';
import type { EventsInput } from './doc-view.js';
import type { ModalityFn } from './index.js';

export const REFERENCE_DATE = '2024-10-28';
export const CTX: StageContext = { debug: false };

export interface FixtureActor {
  id: string;
  name?: string;
  kind?: Actor['kind'];
  /** Words whose every occurrence (whole words) is a mention of this actor. */
  mentions: string[];
}

export interface Fixture {
  actors?: FixtureActor[];
  times?: { text: string; from: string | null; to: string | null; future?: boolean }[];
  places?: { text: string; name: string; country?: string }[];
  quantities?: { text: string; value: number; unit: string | null }[];
  attributions?: { speaker: string | null; cue: string; verb: string; content: string }[];
}

function occurrences(text: string, words: string): number[] {
  const out: number[] = [];
  const re = new RegExp(
    `(?<![\\p{L}\\p{N}])${words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`,
    'gu',
  );
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(m.index);
  return out;
}

function at(text: string, words: string): { start: number; end: number; text: string } {
  const start = text.indexOf(words);
  if (start < 0) throw new Error(`fixture: "${words}" is not in the text`);
  return { start, end: start + words.length, text: words };
}

export function fixtureDoc(text: string, f: Fixture = {}): SitrepDocument<EventsInput> {
  const base = createDocument(text, { published: REFERENCE_DATE });
  const { sentences, tokens } = tokenize(text);
  const prov = { by: 'fixture@0', rule: 'fixture' };
  const actors: Actor[] = (f.actors ?? []).map((a) => ({
    ...prov,
    id: a.id,
    name: a.name ?? a.id,
    kind: a.kind ?? 'country',
    code: a.id,
    cameo: null,
    country: a.id,
    roles: [],
    aliases: [],
    mentions: a.mentions
      .flatMap((w) => occurrences(text, w).map((start) => ({ start, end: start + w.length, text: w })))
      .sort((x, y) => x.start - y.start)
      .map((s) => ({ ...s, via: 'name' as const, rule: 'fixture' })),
  }));
  const times: TimeExpression[] = (f.times ?? []).map((t, i) => ({
    ...prov,
    ...at(text, t.text),
    id: `t${i + 1}`,
    type: 'DATE',
    value: t.from ?? 'FUTURE_REF',
    from: t.from,
    to: t.to,
    future: t.future ?? false,
  }));
  const places: Place[] = (f.places ?? []).map((p, i) => ({
    ...prov,
    ...at(text, p.text),
    id: `p${i + 1}`,
    name: p.name,
    country: p.country ?? null,
    admin1: null,
    featureClass: 'city',
    lat: null,
    lon: null,
    geonames: null,
  }));
  const quantities: Quantity[] = (f.quantities ?? []).map((q, i) => ({
    ...prov,
    ...at(text, q.text),
    id: `q${i + 1}`,
    value: q.value,
    unit: q.unit,
    approximate: false,
    qualifier: null,
  }));
  const attributions: Attribution[] = (f.attributions ?? []).map((a, i) => ({
    ...prov,
    id: `r${i + 1}`,
    speaker: a.speaker,
    source: null,
    cue: at(text, a.cue),
    verb: a.verb,
    content: at(text, a.content),
    outer: null,
  }));
  return {
    ...base,
    layers: { sentences, tokens, actors, times, places, quantities, quotes: [], attributions },
  };
}

/** A tiny modality: "will" plans, "if" conditions, "likely" is likely, "not" negates. */
export const fixtureModality: ModalityFn = (doc, s) => {
  const t = doc.text.slice(s.start, s.end).toLowerCase();
  const polarity = /\b(not|n't|never)\b/.test(t) ? 'negative' : 'positive';
  const certainty = /\bif\b/.test(t)
    ? 'conditional'
    : /\blikely\b/.test(t)
      ? 'likely'
      : /\bwill\b/.test(t)
        ? 'planned'
        : 'asserted';
  return { certainty, polarity, cues: [] };
};
