/**
 * A fresh PostgreSQL schema per test file (SITREP_TEST_PG), so the feed tests never meet other
 * tests' tables. Fails — never skips — when the server cannot be reached. Test helper.
 */
import { openStore } from '../../src/store/open-store.js';
import type { SqlStore } from '../../src/store/sql-store.js';
import { runPg, schemaUrl } from '../pg-test-db.js';

export { PG_URL } from '../pg-test-db.js';

export function freshPgSchema(prefix: string) {
  const schema = `${prefix}_${process.pid}_${Date.now()}`;
  const url = schemaUrl(schema);
  const query = (text: string) => runPg(text);
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
