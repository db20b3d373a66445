/**
 * Reads of the embedded store off the event loop: the Store's read methods the HTTP API calls run on
 * a pool of worker threads (piscina), each with its own read-only connection (./read-worker.ts),
 * while writes, merges and the stale-mark lookups stay on the store's own connection. better-sqlite3
 * is synchronous, so without this one slow aggregate stops every other request; PostgreSQL needs no
 * pool of ours (pg.Pool is asynchronous), so `withReadPool` returns a PostgreSQL store unchanged.
 * Piscina rather than bare worker_threads: it is already the ingest pool, and it brings the task
 * queue, a replacement for a thread that dies, and an orderly shutdown. How many requests may wait is
 * bounded one level up, by the server's read gate (src/serve/read-gate.ts), for both drivers.
 * Imports piscina and the Store interface.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { SitrepError } from '../core/errors.js';
import type { Store } from './store.js';

/** The read methods that run on the pool: everything the API reads except the stale mark. */
export const POOLED_READS = [
  'storyPage',
  'story',
  'actorPage',
  'actorDetail',
  'network',
  'timelineCells',
  'placeAggregates',
  'contradictionPage',
  'documentView',
  'searchDocuments',
  'quotes',
  'counts',
] as const satisfies readonly (keyof Store)[];

export type ReadMethod = (typeof POOLED_READS)[number];

export interface ReadTask {
  readonly file: string;
  readonly method: ReadMethod;
  readonly args: readonly unknown[];
}

export type ReadReply =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly code: string | null; readonly message: string };

export type PooledStore = Store & {
  /** Threads reading (0: reads run on the store's own connection). */
  readonly readThreads: number;
};

/** The worker's file: the compiled .js beside this module, or the .ts source under tsx (tests). */
function workerFile(): string {
  const js = fileURLToPath(new URL('./read-worker.js', import.meta.url));
  return existsSync(js) ? js : fileURLToPath(new URL('./read-worker.ts', import.meta.url));
}

/**
 * The store with its API reads on `threads` worker threads (SQLite only; 0 threads or PostgreSQL:
 * the store itself). Closing it closes the pool, then the store.
 */
export function withReadPool(store: Store, threads: number): PooledStore {
  if (store.driver !== 'sqlite' || threads <= 0) return Object.assign(store, { readThreads: 0 });
  const pool = new Piscina<ReadTask, ReadReply>({
    filename: workerFile(),
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 60_000,
  });
  const file = store.location;
  const call = async (method: ReadMethod, args: readonly unknown[]) => {
    const reply = await pool.run({ file, method, args });
    if (reply.ok) return reply.value;
    if (reply.code) throw new SitrepError(reply.code as never, reply.message, { input: file });
    throw new Error(reply.message);
  };
  const overrides: Record<string, unknown> = { readThreads: threads };
  for (const m of POOLED_READS) overrides[m] = (...args: unknown[]) => call(m, args);
  overrides.close = async () => {
    await pool.destroy();
    await store.close();
  };
  // A proxy, not a copy: every other method (writes, merges, feeds) stays bound to the store.
  return new Proxy(store, {
    get(target, prop) {
      if (typeof prop === 'string' && prop in overrides) return overrides[prop];
      const v = Reflect.get(target, prop);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  }) as PooledStore;
}
