/**
 * Opens a store from a `--db` value: a `postgres://` URL selects the PostgreSQL driver, anything
 * else is a data directory for the embedded SQLite driver (default `./sitrep-data`, or `SITREP_DB`).
 * Migrations are applied on open. Imports the store implementation; each database client is loaded
 * only when its driver is used (a command that reads SQLite never pays for loading pg).
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import { SitrepError } from '../core/errors.js';
import { postgresBulkWriter, sqliteBulkWriter } from './bulk-insert.js';
import type { Tables } from './schema.js';
import { SqlStore } from './sql-store.js';

export const DEFAULT_DB = './sitrep-data';
/** The embedded database's file name inside the data directory. */
export const EMBEDDED_FILE = 'sitrep.db';

export function resolveDb(db?: string | null): string {
  return db || process.env.SITREP_DB || DEFAULT_DB;
}

export function isPostgresUrl(db: string): boolean {
  return /^postgres(ql)?:\/\//i.test(db);
}

/** The URL with its password masked, for messages and summaries. */
export function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

/** The embedded database file a `--db` value names. */
export function embeddedFile(target: string): string {
  return /\.(db|sqlite3?)$/i.test(target) ? target : path.join(target, EMBEDDED_FILE);
}

/**
 * Opens a store that must already exist, for the commands that only read: a mistyped `--db` is an
 * error rather than a new empty store. (A PostgreSQL URL is checked by connecting.)
 */
export async function openExistingStore(db?: string | null): Promise<SqlStore> {
  const target = resolveDb(db);
  if (!isPostgresUrl(target) && !existsSync(embeddedFile(target))) {
    throw new SitrepError('STORE', `no store at ${target}; run \`sitrep ingest --db ${target} PATH\` first`, {
      input: target,
    });
  }
  return openStore(target);
}

export interface OpenOptions {
  /** PostgreSQL: connections in the pool (default 4; `sitrep serve` gives one per read it admits, plus one for writes and merges). */
  readonly poolSize?: number;
}

export async function openStore(db?: string | null, opts: OpenOptions = {}): Promise<SqlStore> {
  const target = resolveDb(db);
  let store: SqlStore;
  if (isPostgresUrl(target)) {
    const { default: pg } = await import('pg');
    const pool = new pg.Pool({ connectionString: target, max: opts.poolSize ? opts.poolSize + 1 : 4 });
    store = new SqlStore(
      new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) }),
      'postgres',
      redact(target),
      postgresBulkWriter(),
    );
  } else {
    const file = embeddedFile(target);
    const { default: Sqlite } = await import('better-sqlite3');
    let database: Database.Database;
    try {
      mkdirSync(path.dirname(file), { recursive: true });
      database = new Sqlite(file);
    } catch (err) {
      throw new SitrepError('STORE', `cannot open the store at ${file}: ${(err as Error).message}`, {
        input: file,
        cause: err,
      });
    }
    // WAL: readers never block the writer, and a kill -9 loses at most uncommitted transactions.
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = NORMAL');
    database.pragma('busy_timeout = 10000');
    store = new SqlStore(
      new Kysely<Tables>({ dialect: new SqliteDialect({ database }) }),
      'sqlite',
      file,
      sqliteBulkWriter(database),
    );
  }
  try {
    await store.migrate();
  } catch (err) {
    await store.close().catch(() => {});
    throw new SitrepError('STORE', `cannot open the store at ${store.location}: ${(err as Error).message}`, {
      input: store.location,
      cause: err,
    });
  }
  return store;
}
