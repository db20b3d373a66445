/**
 * A fresh pair of PostgreSQL schemas per test suite — one for the store (through search_path in the
 * URL), one for pg-boss — so queue tests never meet other suites' or other engineers' data in the
 * shared test database. Fails (never skips) when the server cannot be reached: start it (.ci/run).
 */
import { connectPg, schemaUrl } from '../pg-test-db.js';

export interface QueueSchemas {
  /** The store's URL (its tables in their own schema). */
  readonly storeUrl: string;
  /** pg-boss's schema. */
  readonly queueSchema: string;
  /** Runs one query on the test database (counting rows in both schemas). */
  query(text: string, values?: unknown[]): Promise<Record<string, unknown>[]>;
  drop(): Promise<void>;
}

export async function queueSchemas(tag: string): Promise<QueueSchemas> {
  const suffix = `${tag}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const store = `qt_store_${suffix}`;
  const boss = `qt_boss_${suffix}`;
  const client = await connectPg();
  await client.query(`CREATE SCHEMA ${store}`);
  return {
    storeUrl: schemaUrl(store),
    queueSchema: boss,
    query: async (text, values = []) => (await client.query(text, values)).rows,
    drop: async () => {
      await client.query(`DROP SCHEMA IF EXISTS ${store} CASCADE`);
      await client.query(`DROP SCHEMA IF EXISTS ${boss} CASCADE`);
      await client.end();
    },
  };
}

/** Small distinct articles (each names two countries, so the real pipeline finds an event). */
export function articles(
  n: number,
  prefix = 'a',
): { key: string; text: string; meta: { published: string } }[] {
  const pairs = [
    ['Russia', 'Ukraine'],
    ['North Korea', 'Russia'],
    ['United States', 'China'],
    ['France', 'Germany'],
  ];
  return Array.from({ length: n }, (_, i) => {
    const [a, b] = pairs[i % pairs.length]!;
    return {
      key: `${prefix}-${i}.txt`,
      text: `${a} and ${b} held talks in Geneva on Monday, officials said (report ${prefix} ${i}).\n\nThe meeting lasted ${i + 2} hours.`,
      meta: { published: '2024-10-28' },
    };
  });
}
