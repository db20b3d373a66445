/**
 * A fresh PostgreSQL schema per test file (SITREP_TEST_PG), so the feed tests never meet other
 * tests' tables. Fails — never skips — when the server cannot be reached. Test helper.
 */
import pg from 'pg';
import { openStore } from '../../src/store/open-store.js';
import type { SqlStore } from '../../src/store/sql-store.js';

export const PG_URL = process.env.SITREP_TEST_PG ?? 'postgres://sitrep:sitrep@127.0.0.1:5432/sitrep_test';

export function freshPgSchema(prefix: string) {
  const schema = `${prefix}_${process.pid}_${Date.now()}`;
  const sep = PG_URL.includes('?') ? '&' : '?';
  const url = `${PG_URL}${sep}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  const query = async (text: string) => {
    const client = new pg.Client({ connectionString: PG_URL });
    try {
      await client.connect();
    } catch (err) {
      throw new Error(
        `PostgreSQL at ${PG_URL.replace(/:[^:@/]*@/, ':***@')} is unreachable (${(err as Error).message}); start it or set SITREP_TEST_PG`,
      );
    }
    try {
      await client.query(text);
    } finally {
      await client.end();
    }
  };
  return {
    schema,
    url,
    open: async (): Promise<SqlStore> => {
      await query(`CREATE SCHEMA ${schema}`);
      return openStore(url);
    },
    drop: () => query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`),
  };
}
