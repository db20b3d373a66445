/**
 * The OpenAPI document against the route table and the validators: every registered route is
 * documented, every documented parameter is one the schema reads (same names, same required
 * flags), and a value the document calls invalid is refused by the server naming that parameter.
 * Validation runs before any store access, so the app here has a store that must never be used.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { z } from 'zod';
import type { Store } from '../store/store.js';
import { createApp } from './app.js';
import { openApiDocument, type Parameter } from './openapi.js';
import { honoPath } from './route.js';
import { routes } from './routes.js';

const untouchable = new Proxy({} as Store, {
  get(_t, prop) {
    throw new Error(`the store was used (${String(prop)}) before validation`);
  },
});

type AnyObject = z.ZodObject<Record<string, z.ZodType>>;

function shapeOf(schema: unknown): Record<string, z.ZodType> {
  return (schema as AnyObject | undefined)?.shape ?? {};
}

/** A value the documented schema of a parameter rules out, or null when it allows any string. */
function invalidFor(p: Parameter): string | null {
  const s = p.schema as {
    type?: string;
    enum?: unknown[];
    pattern?: string;
    format?: string;
    maxLength?: number;
  };
  if (s.type === 'integer' || s.type === 'number') return 'not-a-number';
  if (s.enum) return '__not_one_of_them__';
  if (s.format === 'date') return '2024-02-30';
  if (s.pattern) return '%%%';
  if (s.maxLength !== undefined) return 'x'.repeat(s.maxLength + 1);
  return null;
}

describe('OpenAPI document', () => {
  const doc = openApiDocument(routes, 'test');
  const app = createApp({ store: untouchable, log: () => {} });

  it('is OpenAPI 3.1 and served at /openapi.json', async () => {
    assert.equal(doc.openapi, '3.1.0');
    const res = await app.request('/openapi.json');
    assert.equal(res.status, 200);
    const served = (await res.json()) as typeof doc;
    assert.deepEqual(Object.keys(served.paths).sort(), Object.keys(doc.paths).sort());
  });

  it('documents every registered route, and registers every documented one', () => {
    const registered = app.routes
      .filter((r) => r.method !== 'ALL' && r.path !== '/openapi.json')
      .map((r) => `${r.method} ${r.path}`);
    const documented = Object.entries(doc.paths).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${honoPath(p)}`),
    );
    assert.deepEqual([...new Set(registered)].sort(), documented.sort());
    for (const path of [
      '/healthz',
      '/api/events',
      '/api/events/{id}',
      '/api/actors',
      '/api/actors/{id}',
      '/api/network',
      '/api/timeline',
      '/api/places.geojson',
      '/api/quotes',
      '/api/contradictions',
      '/api/documents/{id}',
      '/api/search',
      '/api/documents',
    ]) {
      assert.ok(path in doc.paths, path);
    }
  });

  it('lists exactly the parameters each validator reads, with the same required flags', () => {
    for (const r of routes) {
      const op = (doc.paths[r.path] as Record<string, { parameters: Parameter[] }>)[r.method]!;
      for (const [where, schema] of [
        ['query', r.query],
        ['path', r.params],
      ] as const) {
        const shape = shapeOf(schema);
        const params = op.parameters.filter((p) => p.in === where);
        assert.deepEqual(
          params.map((p) => p.name).sort(),
          Object.keys(shape).sort(),
          `${r.method} ${r.path} ${where}`,
        );
        if (where === 'path') {
          const placeholders = [...r.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
          assert.deepEqual(params.map((p) => p.name).sort(), placeholders.sort(), r.path);
        }
        for (const p of params) {
          const optional = shape[p.name]!.safeParse(undefined).success;
          assert.equal(p.required, !optional, `${r.path} ${p.name}`);
        }
      }
    }
  });

  it('documents the posted body from its schema and marks writes as needing the bearer token', () => {
    const post = (
      doc.paths['/api/documents'] as {
        post: {
          requestBody: { content: Record<string, { schema: { properties: object } }> };
          security: unknown;
          responses: object;
        };
      }
    ).post;
    const schema = post.requestBody.content['application/json']!.schema;
    const route = routes.find((r) => r.method === 'post')!;
    assert.deepEqual(Object.keys(schema.properties).sort(), Object.keys(shapeOf(route.body)).sort());
    assert.deepEqual(post.security, [{ bearer: [] }]);
    assert.ok(['401', '403', '413'].every((s) => s in post.responses));
  });

  it('refuses, naming the parameter, every value its documented schema rules out', async () => {
    let probed = 0;
    for (const r of routes) {
      const op = (doc.paths[r.path] as Record<string, { parameters: Parameter[] }>)[r.method]!;
      for (const p of op.parameters) {
        const bad = invalidFor(p);
        if (bad === null) continue;
        let url = r.path.replace(/\{(\w+)\}/g, (_m, name: string) =>
          name === p.name && p.in === 'path' ? encodeURIComponent(bad) : 'x',
        );
        const query = new URLSearchParams();
        // Required query parameters other than the probed one get a valid value.
        for (const other of op.parameters) {
          if (other.in === 'query' && other.required && other.name !== p.name)
            query.set(other.name, 'troops');
        }
        if (p.in === 'query') query.set(p.name, bad);
        if ([...query].length) url += `?${query}`;
        const res = await app.request(url, { method: r.method.toUpperCase() });
        const body = (await res.json()) as { error: { field?: string } };
        assert.equal(res.status, 400, `${url}: ${JSON.stringify(body)}`);
        assert.equal(body.error.field, p.name, url);
        probed++;
      }
    }
    assert.ok(probed >= 20, `only ${probed} parameters probed`);
  });
});
