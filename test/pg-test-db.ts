/**
 * The test PostgreSQL server (SITREP_TEST_PG, started by .ci/run) for every test that needs one:
 * its URL, a connection that fails with a clear message (tests fail, never skip, without it), and
 * the URL of a schema of its own so suites never meet each other's tables. Test helper.
 */
import pg from 'pg';

export const PG_URL = process.env.SITREP_TEST_PG ?? 'postgres://sitrep:sitrep@127.0.0.1:5432/sitrep_test';

/** A connected client to the test database. */
export async function connectPg(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: PG_URL });
  try {
    await client.connect();
  } catch (err) {
    throw new Error(
      `PostgreSQL at ${PG_URL.replace(/:[^:@/]*@/, ':***@')} is unreachable (${(err as Error).message}); start it or set SITREP_TEST_PG`,
    );
  }
  return client;
}

/** The store URL whose tables live in `schema` (through search_path), with extra `-c` settings. */
export function schemaUrl(schema: string, settings = ''): string {
  const sep = PG_URL.includes('?') ? '&' : '?';
  return `${PG_URL}${sep}options=${encodeURIComponent(`-c search_path=${schema}${settings ? ` ${settings}` : ''}`)}`;
}

/** Runs statements on a short-lived connection (creating or dropping a schema). */
export async function runPg(...statements: string[]): Promise<void> {
  const client = await connectPg();
  try {
    for (const s of statements) await client.query(s);
  } finally {
    await client.end();
  }
}
