/**
 * What a route of the API is: method, OpenAPI path, the zod schemas of its query, path parameters
 * and body, and a handler that receives the parsed values. The server registers routes from this
 * table and the OpenAPI document is generated from it. Imports zod and store types only.
 */
import type { Context } from 'hono';
import type { z } from 'zod';
import type { Store } from '../store/store.js';
import type { MergeGate } from './merge-gate.js';
import type { Extract } from './post-document.js';

type Schema = z.ZodType;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface RouteDeps {
  readonly store: Store;
  readonly gate: MergeGate;
  /** One line to the server's log (stderr in `sitrep serve`). */
  readonly log: (line: string) => void;
  /** Where posted articles are extracted. */
  readonly extract: Extract;
}

export interface RouteInput<Q, P, B> {
  readonly query: Q;
  readonly params: P;
  readonly body: B;
  readonly c: Context;
}

export interface Route<
  Q extends Schema | undefined = Schema | undefined,
  P extends Schema | undefined = Schema | undefined,
  B extends Schema | undefined = Schema | undefined,
> {
  readonly method: 'get' | 'post';
  /** OpenAPI style: `/api/events/{id}`. */
  readonly path: string;
  readonly summary: string;
  readonly query?: Q;
  readonly params?: P;
  readonly body?: B;
  /** Needs the bearer token (writes). */
  readonly write?: boolean;
  /** Answers with data from story events: wait for a pending merge first. */
  readonly stories?: boolean;
  /** A read whose answer may be cached until the store changes (default: every GET). */
  readonly cache?: boolean;
  /** Status → description, for the OpenAPI document. */
  readonly responses: Readonly<Record<string, string>>;
  /** The JSON to answer with (status 200), or a Response. */
  readonly handle: (input: RouteInput<Out<Q>, Out<P>, Out<B>>, deps: RouteDeps) => Promise<unknown>;
}

/** Declares a route with its handler typed from its schemas. */
export function route<
  Q extends Schema | undefined = undefined,
  P extends Schema | undefined = undefined,
  B extends Schema | undefined = undefined,
>(r: Route<Q, P, B>): Route {
  return r as unknown as Route;
}

/** Hono's path syntax for an OpenAPI path: `{id}` → `:id`. */
export function honoPath(path: string): string {
  return path.replace(/\{(\w+)\}/g, ':$1');
}
