/**
 * The worker-thread entry of the embedded store's read pool (./read-pool.ts): each thread opens its
 * own read-only better-sqlite3 connection to the store file (WAL lets it read while the server's
 * connection writes) and runs one read method of the Store per task. Errors come back as plain
 * values with their code, because a SitrepError's code is lost when an exception crosses threads.
 * Imports the SQL store and the SQLite client only.
 */
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { isSitrepError } from '../core/errors.js';
import type { ReadMethod, ReadReply, ReadTask } from './read-pool.js';
import type { Tables } from './schema.js';
import { SqlStore } from './sql-store.js';

const stores = new Map<string, SqlStore>();

function storeFor(file: string): SqlStore {
  let store = stores.get(file);
  if (!store) {
    const database = new Database(file, { readonly: true, fileMustExist: true });
    database.pragma('busy_timeout = 10000');
    store = new SqlStore(new Kysely<Tables>({ dialect: new SqliteDialect({ database }) }), 'sqlite', file);
    stores.set(file, store);
  }
  return store;
}

export default async function read(task: ReadTask): Promise<ReadReply> {
  const store = storeFor(task.file);
  try {
    const fn = store[task.method as ReadMethod] as (...args: unknown[]) => Promise<unknown>;
    return { ok: true, value: await fn.apply(store, [...task.args]) };
  } catch (err) {
    const e = err as Error;
    return { ok: false, code: isSitrepError(err) ? err.code : null, message: e.message ?? String(err) };
  }
}
