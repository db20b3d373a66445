/**
 * Bulk inserts, the store's hot path, one way per driver. Kysely's generic multi-row INSERT costs
 * more to build and parse than the rows cost to store (measured: docs/PERFORMANCE.md, "Store"), so:
 *  - SQLite: one cached prepared statement per table, run row by row inside the open transaction
 *    (better-sqlite3 is synchronous and the store has one connection, so the rows land in the
 *    transaction Kysely began);
 *  - PostgreSQL: one statement per table, `INSERT ... SELECT * FROM unnest($1::text[], ...)`, one
 *    array parameter per column, typed from information_schema.
 * Both take the same rows and give the same table contents; the contract suite runs on both.
 * Imports Kysely and the row types only.
 */
import type Database from 'better-sqlite3';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Tables } from './schema.js';

type Tx = Transaction<Tables> | Kysely<Tables>;

export interface BulkWriter {
  insert<T extends keyof Tables>(tx: Tx, table: T, rows: readonly Tables[T][]): Promise<void>;
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function sqliteBulkWriter(raw: Database.Database): BulkWriter {
  const statements = new Map<string, Database.Statement>();
  return {
    async insert(_tx, table, rows) {
      if (rows.length === 0) return;
      const cols = Object.keys(rows[0] as object);
      const key = `${table}|${cols.join(',')}`;
      let stmt = statements.get(key);
      if (!stmt) {
        stmt = raw.prepare(
          `INSERT INTO ${quoteIdent(table)} (${cols.map(quoteIdent).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`,
        );
        statements.set(key, stmt);
      }
      for (const row of rows) {
        const r = row as Record<string, unknown>;
        stmt.run(cols.map((c) => r[c] ?? null));
      }
    },
  };
}

const PG_ARRAY_TYPES: Record<string, string> = {
  text: 'text[]',
  integer: 'int4[]',
  bigint: 'int8[]',
  'double precision': 'float8[]',
};

export function postgresBulkWriter(): BulkWriter {
  let types: Map<string, string> | null = null;
  return {
    async insert(tx, table, rows) {
      if (rows.length === 0) return;
      if (!types) {
        const res = await sql<{ table_name: string; column_name: string; data_type: string }>`
          SELECT table_name, column_name, data_type FROM information_schema.columns
          WHERE table_schema = current_schema()`.execute(tx);
        types = new Map(res.rows.map((r) => [`${r.table_name}.${r.column_name}`, r.data_type]));
      }
      const cols = Object.keys(rows[0] as object);
      const arrays = cols.map((c) => rows.map((row) => (row as Record<string, unknown>)[c] ?? null));
      const casts = cols.map((c, i) => {
        const type = PG_ARRAY_TYPES[types!.get(`${table}.${c}`) ?? ''];
        if (!type) throw new Error(`store: no PostgreSQL type known for ${table}.${c}`);
        return sql`${arrays[i]}::${sql.raw(type)}`;
      });
      await sql`INSERT INTO ${sql.table(table)} (${sql.join(cols.map((c) => sql.ref(c)))})
        SELECT * FROM unnest(${sql.join(casts)})`.execute(tx);
    },
  };
}
