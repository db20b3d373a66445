/**
 * Child process of the kill test: ingests a JSONL file into an embedded store with a slow fake
 * extractor, printing a line after every write so the parent knows when to kill it.
 * Usage: node --import tsx test/store-ingest-child.ts DB_DIR FILE.jsonl
 */

import { DEFAULT_KEYS } from '../src/ingest/fields.js';
import { ingest } from '../src/ingest/ingest.js';
import { readSources } from '../src/ingest/sources.js';
import { openStore } from '../src/store/open-store.js';
import { fakeExecutor } from './store-fixtures.js';

const [db, file] = process.argv.slice(2);
const store = await openStore(db);
const run = await ingest(
  store,
  readSources([file!], { format: 'auto', fields: DEFAULT_KEYS }),
  fakeExecutor(4),
  {
    batch: 5,
    onProgress: (c) => process.stdout.write(`stored ${c.stored}\n`),
  },
);
process.stdout.write(`done ${JSON.stringify(run.counts)}\n`);
await store.close();
