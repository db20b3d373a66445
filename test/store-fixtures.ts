/**
 * Hand-made extracted documents for the store and merge tests: a few sentences, actors found by
 * their names in the text, and events with offsets computed from the text (so every span holds).
 */
import type {
  Actor,
  EventRecord,
  LayerName,
  Place,
  Quantity,
  SitrepDocument,
  TimeExpression,
} from '../src/core/types.js';
import type { Executor } from '../src/ingest/executor.js';
import type { ExtractTask } from '../src/ingest/extract-task.js';
import { createDocument } from '../src/pipeline/pipeline.js';
import { toDocumentRows } from '../src/store/rows.js';

export interface ActorSpec {
  name: string;
  code: string | null;
  country?: string | null;
  kind?: Actor['kind'];
  /** CAMEO actor code (a person's RUSGOV). */
  cameo?: string | null;
}

export interface EventSpec {
  cameo: string;
  plover: string;
  source: ActorSpec | null;
  target: ActorSpec | null;
  /** The sentence that states the event (must occur in the text). */
  evidence: string;
  speaker?: ActorSpec;
  polarity?: EventRecord['polarity'];
  certainty?: EventRecord['certainty'];
  /**
   * A place named in the text: `text` (else `name`) must occur in it; coordinates default to fixed
   * made-up values.
   */
  place?: {
    text?: string;
    name: string;
    country: string;
    admin1?: string | null;
    feature?: Place['featureClass'];
    lat?: number;
    lon?: number;
  };
  quantity?: { text: string; value: number; unit: string; approximate: boolean; qualifier: string | null };
  time?: { text: string; from: string; to: string };
}

export const RUS: ActorSpec = { name: 'Russia', code: 'RUS', kind: 'country' };
export const PRK: ActorSpec = { name: 'North Korea', code: 'PRK', kind: 'country' };
export const USA: ActorSpec = { name: 'United States', code: 'USA', kind: 'country' };
export const UKR: ActorSpec = { name: 'Ukraine', code: 'UKR', kind: 'country' };
export const PENTAGON: ActorSpec = { name: 'Pentagon', code: 'USAMIL', country: 'USA', kind: 'organization' };
export const KREMLIN: ActorSpec = { name: 'Kremlin', code: 'RUSGOV', country: 'RUS', kind: 'organization' };

const by = 'fixture@1';

export function fixtureDoc(opts: {
  text: string;
  published: string;
  outlet: string;
  url?: string;
  events: EventSpec[];
  quotes?: { text: string; speaker: ActorSpec }[];
  pipeline?: string;
}): SitrepDocument<LayerName> {
  const base = createDocument(opts.text, {
    published: opts.published,
    publishedFrom: 'metadata',
    source: opts.outlet,
    url: opts.url ?? null,
    title: opts.text.slice(0, 40),
  });
  const text = opts.text;
  const actors: Actor[] = [];
  const actorId = (spec: ActorSpec | null | undefined): string | null => {
    if (!spec) return null;
    const found = actors.find((a) => a.name === spec.name);
    if (found) return found.id;
    const at = text.indexOf(spec.name);
    const a: Actor = {
      id: `a${actors.length + 1}`,
      name: spec.name,
      kind: spec.kind ?? 'country',
      code: spec.code,
      cameo: spec.cameo ?? null,
      country: spec.country ?? null,
      roles: [],
      aliases: [],
      mentions:
        at >= 0
          ? [{ text: spec.name, start: at, end: at + spec.name.length, via: 'name', rule: 'fixture' }]
          : [],
      by,
      rule: 'fixture',
    };
    actors.push(a);
    return a.id;
  };
  const times: TimeExpression[] = [];
  const places: Place[] = [];
  const quantities: Quantity[] = [];
  const span = (s: string) => {
    const start = text.indexOf(s);
    if (start < 0) throw new Error(`fixture: "${s}" is not in the text`);
    return { start, end: start + s.length, text: s };
  };
  const events: EventRecord[] = opts.events.map((e, i) => {
    let time: string | null = null;
    if (e.time) {
      time = `t${times.length + 1}`;
      times.push({
        id: time,
        ...span(e.time.text),
        type: 'DATE',
        value: e.time.from,
        from: e.time.from,
        to: e.time.to,
        future: false,
        by,
        rule: 'fixture',
      });
    }
    let quantity: string | null = null;
    if (e.quantity) {
      quantity = `q${quantities.length + 1}`;
      const { text: qt, ...rest } = e.quantity;
      quantities.push({ id: quantity, ...span(qt), ...rest, by, rule: 'fixture' });
    }
    let place: string | null = null;
    if (e.place) {
      place = `p${places.length + 1}`;
      const { text: pt, feature, admin1, lat, lon, ...rest } = e.place;
      places.push({
        id: place,
        ...span(pt ?? e.place.name),
        ...rest,
        admin1: admin1 ?? null,
        featureClass: feature ?? 'city',
        lat: lat ?? 50,
        lon: lon ?? 36,
        geonames: null,
        by,
        rule: 'fixture',
      });
    }
    const ev = span(e.evidence);
    return {
      id: `e${i + 1}`,
      cameo: e.cameo,
      plover: e.plover,
      label: `${e.source?.name ?? '—'} ${e.plover} ${e.target?.name ?? '—'}`,
      source: actorId(e.source),
      target: actorId(e.target),
      time,
      place,
      quantity,
      attribution: e.speaker
        ? { speaker: actorId(e.speaker), verb: 'say', start: ev.start, end: ev.end }
        : null,
      certainty: e.certainty ?? 'asserted',
      polarity: e.polarity ?? 'positive',
      evidence: ev,
      alsoEvidence: [],
      trigger: ev,
      by,
      rule: 'fixture',
    };
  });
  const quotes = (opts.quotes ?? []).map((q, i) => ({
    id: `qt${i + 1}`,
    ...span(q.text),
    speaker: actorId(q.speaker),
    by,
    rule: 'fixture',
  }));
  return {
    ...base,
    layers: {
      sentences: [],
      tokens: [],
      syntax: { heads: [], deprels: [] },
      actors,
      times,
      places,
      quantities,
      quotes,
      attributions: [],
      events,
    },
  } as SitrepDocument<LayerName>;
}

/**
 * An executor that "extracts" without the real pipeline: every article gets one actor per country
 * name it contains and one event (first country → second) when it names two. Lets ingest tests run
 * whatever state the stages are in, and with a delay, long enough to be killed mid-run.
 */
export function fakeExecutor(delayMs = 0, version = 'fake@1'): Executor {
  const countries = [RUS, PRK, UKR, USA];
  return {
    threads: 2,
    version: async () => version,
    run: async (task: ExtractTask) => {
      if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
      const { text, meta } = task.article;
      if (text.includes('CRASH')) throw new Error('the fake extractor fails on CRASH');
      const named = countries.filter((c) => text.includes(c.name));
      const sentence = text.split('\n')[0]!;
      const events: EventSpec[] =
        named.length >= 2 && text.includes(named[0]!.name) && sentence.includes(named[1]!.name)
          ? [{ cameo: '040', plover: 'CONSULT', source: named[0]!, target: named[1]!, evidence: sentence }]
          : [];
      const doc = fixtureDoc({
        text,
        published: meta.published ?? '2024-01-01',
        outlet: meta.source ?? 'unknown',
        url: meta.url ?? undefined,
        events,
      });
      return toDocumentRows(doc, { input: task.article.key, pipeline: version, ingestedAt: task.ingestedAt });
    },
    close: async () => {},
  };
}
