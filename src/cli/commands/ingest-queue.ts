/**
 * The `--queue` half of `sitrep ingest`: reads the inputs as ingest does and enqueues one job per
 * article for `sitrep worker` (PostgreSQL only; refused on the embedded store). Refused inputs go
 * to the store's errors as in-process ingest records them. Prints a summary on standard output.
 */
import type { FieldMap } from '../../ingest/fields.js';
import { type InputFormat, readSources } from '../../ingest/sources.js';
import { enqueueSources } from '../../queue/enqueue-sources.js';
import { openQueue } from '../../queue/queue.js';
import { openStore } from '../../store/open-store.js';
import { EXIT_INPUT_ERRORS } from '../exit-codes.js';
import { requireQueueDb, resolveQueueSchema } from './queue-options.js';

const EXIT_INTERRUPTED = 130;

export async function ingestToQueue(
  inputs: readonly string[],
  opts: {
    db?: string;
    queueSchema?: string;
    format: InputFormat;
    fields: FieldMap;
    published?: string;
    outlet?: string;
  },
): Promise<number> {
  const url = requireQueueDb(opts.db, 'sitrep ingest --queue');
  // The store is opened too: its migrations run, and refused inputs are recorded in it.
  const store = await openStore(url);
  const controller = new AbortController();
  const onSigint = () => {
    process.stderr.write('\nsitrep ingest: interrupted; what was read is queued\n');
    controller.abort();
  };
  process.on('SIGINT', onSigint);
  process.on('SIGTERM', onSigint);
  try {
    const queue = await openQueue(url, { schema: resolveQueueSchema(opts.queueSchema) });
    try {
      const t0 = performance.now();
      const run = await enqueueSources(
        queue,
        readSources([...inputs], {
          format: opts.format,
          fields: opts.fields,
          published: opts.published,
          outlet: opts.outlet,
        }),
        {
          onErrors: (rows) => store.recordErrors(rows),
          signal: controller.signal,
        },
      );
      const c = run.counts;
      const lines = [
        `queued ${c.enqueued} article(s) of ${c.read} read in ${((performance.now() - t0) / 1000).toFixed(1)} s: ` +
          `${c.duplicates} already queued or done, ${c.errors} error(s)`,
        `queue: ${queue.schema} on ${store.location}; \`sitrep worker --db ...\` processes it, \`sitrep status --db ...\` shows progress`,
      ];
      if (c.errors)
        lines.push(`${c.errors} input(s) refused: \`sitrep errors\` lists them with their reasons`);
      if (run.interrupted) lines.push('interrupted: run the same command again to queue the rest');
      process.stdout.write(`${lines.join('\n')}\n`);
      if (run.interrupted) return EXIT_INTERRUPTED;
      return c.errors > 0 ? EXIT_INPUT_ERRORS : 0;
    } finally {
      await queue.close();
    }
  } finally {
    process.off('SIGINT', onSigint);
    process.off('SIGTERM', onSigint);
    await store.close();
  }
}
