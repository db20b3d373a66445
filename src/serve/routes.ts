/**
 * The route table of the API: every endpoint of the contract (docs/API.md) with its schemas and
 * handler. Handlers parse nothing themselves (./app.ts validates with the route's schemas) and
 * build no SQL (the Store does, with bound parameters). Imports the store interface, the schemas,
 * the JSON projections and the posted-document extraction.
 */
import type { z } from 'zod';
import { isSitrepError } from '../core/errors.js';
import { StoryQueryError, storyFilterFrom } from '../query/story-query.js';
import { searchWords } from '../store/serve-queries.js';
import type { EventFilter } from '../store/store.js';
import { storyJson } from '../store/story-json.js';
import { nextCursor } from './cursor.js';
import { HttpError } from './http-error.js';
import { extractPosted } from './post-document.js';
import { type Route, route } from './route.js';
import {
  actorParams,
  actorsQuery,
  contradictionsQuery,
  eventsQuery,
  idParams,
  networkQuery,
  placesQuery,
  postDocumentBody,
  quotesQuery,
  searchQuery,
  type storyFilterQuery,
  timelineQuery,
} from './schemas.js';
import { makeSnippet } from './snippet.js';
import {
  contradictionItem,
  documentJson,
  placesGeoJson,
  quoteItem,
  storyListItem,
  timelineSeries,
} from './views.js';

/**
 * The store's filter from the validated query (snake_case on the wire), read by the same module as
 * `sitrep events` (src/query/story-query.ts), so both mean one thing by each word.
 */
export function storyFilter(q: z.output<typeof storyFilterQuery>): EventFilter {
  try {
    return storyFilterFrom({
      actor: q.actor,
      source: q.source,
      target: q.target,
      cameo: q.cameo,
      plover: q.plover,
      place: q.place,
      certainty: q.certainty,
      polarity: q.polarity,
      from: q.from,
      to: q.to,
      outlet: q.outlet,
      minSources: q.min_sources,
      contradicted: q.contradicted === undefined ? undefined : q.contradicted === 'true',
    });
  } catch (err) {
    if (err instanceof StoryQueryError) {
      throw new HttpError(400, `query parameter ${err.field}: ${err.value}: ${err.reason}`, err.field);
    }
    throw err;
  }
}

const PAGE = '200: one page: `items`, `next` (cursor or null)';
const BAD = 'a parameter is invalid (`error.field` names it)';

export const routes: readonly Route[] = [
  route({
    method: 'get',
    path: '/healthz',
    summary: 'Liveness and what the store holds',
    // Liveness must reach the store every time.
    cache: false,
    responses: { 200: 'ok, driver and counts' },
    async handle(_i, { store }) {
      const c = await store.counts();
      return { ok: true, driver: store.driver, documents: c.documents, events: c.events, stories: c.stories };
    },
  }),
  route({
    method: 'get',
    path: '/api/events',
    summary: 'Story events (merged across articles), filtered, sorted and paged',
    query: eventsQuery,
    stories: true,
    responses: { 200: PAGE, 400: BAD },
    async handle({ query }, { store }) {
      const offset = query.cursor ?? 0;
      const page = await store.storyPage(storyFilter(query), {
        sort: query.sort,
        order: query.order,
        limit: query.limit,
        offset,
      });
      return {
        items: page.items.map(storyListItem),
        next: nextCursor(offset, page.items.length, query.limit, page.total),
        total: page.total,
      };
    },
  }),
  route({
    method: 'get',
    path: '/api/events/{id}',
    summary: 'One story event with every mention, its evidence, and its contradictions',
    params: idParams,
    stories: true,
    responses: { 200: 'the story event', 400: BAD, 404: 'no such event' },
    async handle({ params }, { store }) {
      let view: Awaited<ReturnType<typeof store.story>>;
      try {
        view = await store.story(params.id);
      } catch (err) {
        // An ambiguous prefix; anything else is the server's problem.
        if (isSitrepError(err) && err.code === 'BAD_ARGUMENT') throw new HttpError(400, err.message, 'id');
        throw err;
      }
      if (!view) throw new HttpError(404, `no event ${params.id}`, 'id');
      return storyJson(view);
    },
  }),
  route({
    method: 'get',
    path: '/api/actors',
    summary: 'Actors across documents, most documents first',
    query: actorsQuery,
    stories: true,
    responses: { 200: PAGE, 400: BAD },
    async handle({ query }, { store }) {
      const offset = query.cursor ?? 0;
      const page = await store.actorPage({ q: query.q, limit: query.limit, offset });
      return {
        items: page.items,
        next: nextCursor(offset, page.items.length, query.limit, page.total),
        total: page.total,
      };
    },
  }),
  route({
    method: 'get',
    path: '/api/actors/{id}',
    summary: 'One actor: its partners, its events by CAMEO root, its latest events',
    params: actorParams,
    stories: true,
    responses: { 200: 'the actor', 400: BAD, 404: 'no such actor' },
    async handle({ params }, { store }) {
      const detail = await store.actorDetail(params.id, 10);
      if (!detail) throw new HttpError(404, `no actor ${params.id}`, 'id');
      const recent = await store.storyPage(
        { actor: params.id },
        { sort: 'date', order: 'desc', limit: 10, offset: 0 },
      );
      return {
        actor: detail.actor,
        top_partners: detail.partners,
        by_root: detail.byRoot,
        recent_events: recent.items.map(storyListItem),
      };
    },
  }),
  route({
    method: 'get',
    path: '/api/network',
    summary: 'Actors as nodes, story events between them as directed, weighted edges',
    query: networkQuery,
    stories: true,
    responses: { 200: '`nodes` and `edges`', 400: BAD },
    async handle({ query }, { store }) {
      return store.network(storyFilter(query), {
        minEvents: query.min_events,
        limitNodes: query.limit_nodes,
      });
    },
  }),
  route({
    method: 'get',
    path: '/api/timeline',
    summary: 'Story events per day or week, in series by CAMEO root, PLOVER type or actor',
    query: timelineQuery,
    stories: true,
    responses: { 200: '`bucket`, `by` and `series`', 400: BAD },
    async handle({ query }, { store }) {
      const cells = await store.timelineCells(storyFilter(query), query.by, query.series);
      return { bucket: query.bucket, by: query.by, series: timelineSeries(cells, query.bucket, query.by) };
    },
  }),
  route({
    method: 'get',
    path: '/api/places.geojson',
    summary: 'Places of story events as GeoJSON points',
    query: placesQuery,
    stories: true,
    responses: { 200: 'a GeoJSON FeatureCollection', 400: BAD },
    async handle({ query, c }, { store }) {
      const places = await store.placeAggregates(storyFilter(query));
      return c.body(JSON.stringify(placesGeoJson(places)), 200, {
        'Content-Type': 'application/geo+json; charset=utf-8',
      });
    },
  }),
  route({
    method: 'get',
    path: '/api/quotes',
    summary: 'Direct quotes with their speakers',
    query: quotesQuery,
    responses: { 200: PAGE, 400: BAD },
    async handle({ query }, { store }) {
      const offset = query.cursor ?? 0;
      const rows = await store.quotes({ speaker: query.speaker, q: query.q, limit: query.limit, offset });
      return { items: rows.map(quoteItem), next: nextCursor(offset, rows.length, query.limit) };
    },
  }),
  route({
    method: 'get',
    path: '/api/contradictions',
    summary: 'Contradictions between mentions of the same story event, newest events first',
    query: contradictionsQuery,
    stories: true,
    responses: { 200: PAGE, 400: BAD },
    async handle({ query }, { store }) {
      const offset = query.cursor ?? 0;
      const page = await store.contradictionPage({ limit: query.limit, offset });
      return {
        items: page.items.map(contradictionItem),
        next: nextCursor(offset, page.items.length, query.limit, page.total),
        total: page.total,
      };
    },
  }),
  route({
    method: 'get',
    path: '/api/documents/{id}',
    summary: 'One document: its plain text and every annotation with offsets into it',
    params: idParams,
    stories: true,
    responses: { 200: 'the document', 400: BAD, 404: 'no such document' },
    async handle({ params }, { store }) {
      const view = await store.documentView(params.id);
      if (!view) throw new HttpError(404, `no document ${params.id}`, 'id');
      return documentJson(view);
    },
  }),
  route({
    method: 'get',
    path: '/api/search',
    summary: 'Full-text search over documents, best match first',
    query: searchQuery,
    responses: { 200: PAGE, 400: BAD },
    async handle({ query }, { store }) {
      const offset = query.cursor ?? 0;
      const page = await store.searchDocuments(query.q, { limit: query.limit, offset });
      const words = searchWords(query.q);
      return {
        items: page.items.map((d) => ({
          id: d.id,
          title: d.title,
          outlet: d.outlet,
          published: d.published,
          url: d.url,
          snippet: makeSnippet(d.text, words),
        })),
        next: nextCursor(offset, page.items.length, query.limit, page.total),
        total: page.total,
      };
    },
  }),
  route({
    method: 'post',
    path: '/api/documents',
    summary: 'Extract an article and store it (needs the bearer token)',
    body: postDocumentBody,
    write: true,
    responses: {
      201: '`{ id, events, stored: true }`',
      400: 'the body is invalid (`error.field` names the field)',
      401: 'no or a wrong bearer token',
      403: 'writes are off (the server has no token)',
      413: 'the body is over the size limit',
      422: 'the text holds no article (`error.field` names the field)',
    },
    async handle({ body, c }, { store, gate, log, extract }) {
      const rows = await extractPosted(body, new Date().toISOString(), extract);
      await gate.write(() => store.putDocuments([rows]));
      // Merge now, in the background; reads wait for it (MergeGate.fresh).
      gate.fresh().catch((err: unknown) => log(`merge after POST failed: ${(err as Error).message}`));
      return c.json({ id: rows.document.id, events: rows.events.length, stored: true }, 201);
    },
  }),
];
