/**
 * A current PostgreSQL store opens on a connection that cannot write (what a read replica gives
 * `sitrep serve --read-only`): opening runs no DDL, reads answer, writes fail with a store error and
 * leave nothing behind. Needs PostgreSQL (SITREP_TEST_PG); fails, not skips, without it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { runExtractTask } from '../src/ingest/extract-task.js';
import { createApp } from '../src/serve/app.js';
import { openStore } from '../src/store/open-store.js';
import { runPg, schemaUrl } from './pg-test-db.js';

const schema = `read_only_${process.pid}_${Date.now()}`;

describe('store on a read-only PostgreSQL connection', () => {
  before(async () => {
    await runPg(`CREATE SCHEMA ${schema}`);
    const primary = await openStore(schemaUrl(schema));
    const text = 'Chile and Peru signed a fisheries accord in Lima on Monday, officials said.\n';
    await primary.putDocuments([
      runExtractTask({
        article: { key: 'a.txt', text, meta: { published: '2024-11-04' } },
        ingestedAt: 'now',
      }),
    ]);
    await primary.close();
  });

  after(async () => {
    await runPg(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  });

  it('opens without writing, reads, serves read-only, and refuses writes', async () => {
    const replica = await openStore(schemaUrl(schema, '-c default_transaction_read_only=on'));
    try {
      assert.equal((await replica.counts()).documents, 1);
      const app = createApp({ store: replica, readOnly: true, webRoot: null, log: () => {} });
      const res = await app.request('/api/events');
      assert.equal(res.status, 200);
      await app.idle();
      await assert.rejects(() =>
        replica.recordErrors([{ input: 'x', code: 'INPUT_EMPTY', message: 'x: empty', at: 'now' }]),
      );
      assert.deepEqual(await replica.listErrors(), []);
    } finally {
      await replica.close();
    }
  });
});
