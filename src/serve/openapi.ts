/**
 * The OpenAPI 3.1 document of the API, generated from the route table and the zod schemas the
 * server validates requests with (z.toJSONSchema, input side), so what is documented is what is
 * checked. Imports zod and the route types only.
 */
import { z } from 'zod';
import type { Route } from './route.js';
import { errorResponse } from './schemas.js';

type JsonSchema = Record<string, unknown> & {
  properties?: Record<string, Record<string, unknown>>;
  required?: string[];
};

function jsonSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, {
    io: 'input',
    target: 'draft-2020-12',
    unrepresentable: 'any',
  }) as JsonSchema;
  return rest;
}

export interface Parameter {
  name: string;
  in: 'query' | 'path';
  required: boolean;
  description?: string;
  schema: Record<string, unknown>;
}

/** One OpenAPI parameter per property of an object schema. */
export function parametersOf(schema: z.ZodType | undefined, where: 'query' | 'path'): Parameter[] {
  if (!schema) return [];
  const js = jsonSchema(schema);
  return Object.entries(js.properties ?? {}).map(([name, prop]) => {
    const { description, ...s } = prop;
    return {
      name,
      in: where,
      required: where === 'path' || (js.required ?? []).includes(name),
      ...(typeof description === 'string' ? { description } : {}),
      schema: s,
    };
  });
}

export function openApiDocument(routes: readonly Route[], version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  const errorRef = { $ref: '#/components/schemas/Error' };
  for (const r of routes) {
    const responses: Record<string, unknown> = {};
    for (const [status, description] of Object.entries(r.responses)) {
      const isError = Number(status) >= 400;
      responses[status] = {
        description,
        content: {
          [r.path.endsWith('.geojson') && !isError ? 'application/geo+json' : 'application/json']: {
            schema: isError ? errorRef : {},
          },
        },
      };
    }
    paths[r.path] = {
      ...paths[r.path],
      [r.method]: {
        summary: r.summary,
        operationId: `${r.method}${r.path.replace(/[^A-Za-z0-9]+(.)?/g, (_m, ch: string | undefined) => (ch ?? '').toUpperCase())}`,
        parameters: [...parametersOf(r.params, 'path'), ...parametersOf(r.query, 'query')],
        ...(r.body
          ? {
              requestBody: {
                required: true,
                content: { 'application/json': { schema: jsonSchema(r.body) } },
              },
            }
          : {}),
        ...(r.write ? { security: [{ bearer: [] }] } : {}),
        responses,
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Sitrep API',
      version,
      description: 'Story events merged across news articles, with their sources. See docs/API.md.',
    },
    paths,
    components: {
      schemas: { Error: jsonSchema(errorResponse) },
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
    },
  };
}
