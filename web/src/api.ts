/**
 * Typed client for the Sitrep HTTP API (docs/API.md): same-origin relative requests only, JSON
 * errors turned into ApiError with the server's message. Shapes mirror the server's responses;
 * the dashboard treats every string in them as untrusted text. Depends on ./filters only.
 */
import { type Filters, filterParams } from './filters.js';

export interface ActorRef {
  name: string | null;
  code: string | null;
  country: string | null;
}

/** A speaker as the API gives it: an actor object (story JSON) or a bare name (layers). */
export type Speaker = ActorRef | string | null;

export interface EventItem {
  id: string;
  cameo: string;
  plover: string | null;
  label: string | null;
  source: ActorRef | null;
  target: ActorRef | null;
  time: { from: string; to: string } | null;
  place: { name: string; country: string | null; lat: number | null; lon: number | null } | null;
  attribution: { speaker: Speaker; verb: string } | null;
  certainty: string | null;
  polarity: string | null;
  evidence: { text: string; start: number; end: number; document: string } | null;
  first_seen: string;
  last_seen: string;
  counts: { mentions: number; documents: number; outlets: number; sources: number };
  outlets: string[];
  contradicted: boolean;
}

export interface Mention {
  document: string;
  event: string;
  outlet: string | null;
  url: string | null;
  title: string | null;
  published: string | null;
  cameo: string;
  evidence: { text: string; start: number; end: number };
  attribution: { speaker: Speaker; verb: string; start?: number | null; end?: number | null } | null;
  certainty: string | null;
  polarity: string | null;
  time: { text: string; from: string | null; to: string | null } | null;
  quantity: { text: string | null; value: number; unit: string | null; qualifier: string | null } | null;
  by: string | null;
  rule: string | null;
  merged_because: unknown;
}

export interface Contradiction {
  kind: string;
  detail: string | null;
  a: { document: string; event: string };
  b: { document: string; event: string };
}

export interface EventDetail extends EventItem {
  mentions: Mention[];
  contradictions: Contradiction[];
  merged_by?: string | null;
}

export interface Page<T> {
  items: T[];
  next: string | null;
  total?: number;
}

export interface NetworkNode {
  id: string;
  name: string | null;
  code: string | null;
  country: string | null;
  events: number;
}

export type Quad = 'verbal_coop' | 'material_coop' | 'verbal_conflict' | 'material_conflict';

export interface NetworkEdge {
  source: string;
  target: string;
  events: number;
  cooperation: number;
  conflict: number;
  quad: Quad;
}

export interface Network {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
}

export interface Timeline {
  bucket: 'day' | 'week';
  by: string;
  series: { key: string; label: string | null; points: { date: string; events: number }[] }[];
}

export interface PlaceProps {
  name: string;
  country: string | null;
  events: number;
  top_roots: string[];
  event_ids: string[];
}

export interface Places {
  type: 'FeatureCollection';
  features: {
    type: 'Feature';
    geometry: { type: 'Point'; coordinates: [number, number] };
    properties: PlaceProps;
  }[];
}

export interface Span {
  start: number;
  end: number;
}

export interface DocumentLayers {
  actors: {
    id: string;
    name: string | null;
    code: string | null;
    kind: string | null;
    country: string | null;
    mentions: (Span & { text: string; rule: string | null })[];
  }[];
  times: (Span & {
    id: string;
    text: string;
    value: string | null;
    from: string | null;
    to: string | null;
    rule: string | null;
  })[];
  places: (Span & {
    id: string;
    text: string;
    name: string | null;
    country: string | null;
    lat: number | null;
    lon: number | null;
    rule: string | null;
  })[];
  quantities: (Span & {
    id: string;
    text: string;
    value: number | null;
    unit: string | null;
    rule: string | null;
  })[];
  quotes: (Span & { id: string; text: string; speaker: Speaker; rule: string | null })[];
  attributions: {
    id: string;
    speaker: string | null;
    cue: (Span & { text: string }) | null;
    content: Span | null;
    verb: string | null;
    rule: string | null;
  }[];
  events: {
    id: string;
    story: string | null;
    cameo: string;
    plover: string | null;
    label: string | null;
    evidence: Span;
    trigger: Span | null;
    source: unknown;
    target: unknown;
    attribution: unknown;
    certainty: string | null;
    polarity: string | null;
    rule: string | null;
    by: string | null;
  }[];
}

export interface DocumentView {
  id: string;
  title: string | null;
  published: string | null;
  outlet: string | null;
  url: string | null;
  text: string;
  layers: Partial<DocumentLayers>;
}

export interface ActorItem {
  id: string;
  name: string | null;
  code: string | null;
  country: string | null;
  kind: string | null;
  documents: number;
  mentions: number;
  events: number;
}

export interface ActorDetail {
  actor: ActorItem;
  top_partners: {
    id: string;
    name: string | null;
    code: string | null;
    events: number;
    cooperation: number;
    conflict: number;
  }[];
  by_root: { root: string; events: number }[];
  recent_events: EventItem[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function get<T>(path: string, params?: URLSearchParams): Promise<T> {
  const qs = params && [...params.keys()].length ? `?${params}` : '';
  // Relative to the page, so the dashboard works wherever it is mounted; always same origin.
  const res = await fetch(`api/${path}${qs}`, { headers: { accept: 'application/json' } });
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // A non-JSON body (a proxy error page): reported by status below.
  }
  if (!res.ok) {
    const err = (body as { error?: { message?: string } } | null)?.error;
    throw new ApiError(res.status, err?.message ?? `${res.status} ${res.statusText}`);
  }
  return body as T;
}

function withFilters(f: Filters, extra: Record<string, string | number | undefined>): URLSearchParams {
  const p = filterParams(f);
  for (const [k, v] of Object.entries(extra)) if (v !== undefined && v !== '') p.set(k, String(v));
  return p;
}

const id = encodeURIComponent;

export const api = {
  events: (f: Filters, o: { sort?: string; order?: string; cursor?: string; limit?: number } = {}) =>
    get<Page<EventItem>>('events', withFilters(f, o)),
  event: (eventId: string) => get<EventDetail>(`events/${id(eventId)}`),
  network: (f: Filters, o: { limit_nodes?: number; min_events?: number } = {}) =>
    get<Network>('network', withFilters(f, o)),
  timeline: (f: Filters, o: { bucket: string; by: string }) => get<Timeline>('timeline', withFilters(f, o)),
  places: (f: Filters) => get<Places>('places.geojson', filterParams(f)),
  document: (docId: string) => get<DocumentView>(`documents/${id(docId)}`),
  actors: (q: string, limit = 50) =>
    get<Page<ActorItem>>('actors', new URLSearchParams({ q, limit: String(limit) })),
  actor: (actorId: string) => get<ActorDetail>(`actors/${id(actorId)}`),
};
