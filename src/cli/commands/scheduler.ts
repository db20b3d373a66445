/**
 * `sitrep scheduler [--once]`: polls the feeds that are due, again and again, until Ctrl-C or
 * SIGTERM (or once, for cron and tests). New articles go onto the job queue when the store is
 * PostgreSQL (workers extract them), or are extracted and stored by this process when it is the
 * embedded store. One line per feed polled on standard error; a summary on standard output.
 */
import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import { SitrepError } from '../../core/errors.js';
import type { ArticleSink } from '../../feeds/sink.js';
import { EXIT_INPUT_ERRORS } from '../exit-codes.js';
import type { CommandResult } from '../main.js';
import { dbOption, EXIT_INTERRUPTED } from './ingest.js';
import { queueSchemaOption, resolveQueueSchema } from './queue-options.js';

interface SchedulerFlags {
  db?: string;
  queueSchema?: string;
  once?: boolean;
  jobs?: string;
  feeds: string;
}

function positiveInt(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new SitrepError('BAD_ARGUMENT', `${name} ${value}: expected a whole number, 1 or more`);
  return n;
}

export function registerScheduler(program: Command, result: CommandResult): void {
  queueSchemaOption(
    dbOption(
      program
        .command('scheduler')
        .description(
          'poll the feeds that are due (`sitrep feeds add`), fetch their new articles and queue or store them',
        ),
    ),
  )
    .option('--once', 'poll what is due now, then exit (for cron and tests)')
    .option('--jobs <n>', 'embedded store: extraction threads (default: all cores)')
    .option('--feeds <n>', 'feeds polled at the same time (one request at a time per host still)', '4')
    .action(async (opts: SchedulerFlags) => {
      const { SafeFetcher } = await import('../../feeds/fetch.js');
      const { runScheduler } = await import('../../feeds/scheduler.js');
      const { ingestSink, queueSink } = await import('../../feeds/sink.js');
      const { createExecutor } = await import('../../ingest/executor.js');
      const { openQueue } = await import('../../queue/queue.js');
      const { openStore, resolveDb } = await import('../../store/open-store.js');
      const feedConcurrency = positiveInt('--feeds', opts.feeds);
      const jobs = opts.jobs === undefined ? availableParallelism() : positiveInt('--jobs', opts.jobs);
      const store = await openStore(opts.db);
      let sink: ArticleSink | null = null;
      const controller = new AbortController();
      let stops = 0;
      const onStop = () => {
        stops++;
        if (stops > 1) process.exit(EXIT_INTERRUPTED);
        process.stderr.write('\nsitrep scheduler: stopping after the pages in flight (again to quit now)\n');
        controller.abort();
      };
      process.on('SIGINT', onStop);
      process.on('SIGTERM', onStop);
      try {
        sink =
          store.driver === 'postgres'
            ? queueSink(await openQueue(resolveDb(opts.db), { schema: resolveQueueSchema(opts.queueSchema) }))
            : ingestSink(store, createExecutor(jobs));
        const totals = await runScheduler({
          store,
          sink,
          fetcher: new SafeFetcher(),
          feedConcurrency,
          signal: controller.signal,
          once: opts.once ?? false,
          log: (line) => process.stderr.write(`${line}\n`),
        });
        process.stdout.write(
          `polled ${totals.feeds} feed(s): ${totals.ok} ok, ${totals.notModified} not modified, ${totals.errors} error(s); ` +
            `${totals.handedOn} new article(s) ${sink.status}, ${totals.duplicates} duplicate(s), ${totals.itemErrors} item error(s)\n` +
            `store: ${store.location}\n`,
        );
        if (controller.signal.aborted) result.code = EXIT_INTERRUPTED;
        else if (opts.once && (totals.errors > 0 || totals.itemErrors > 0)) result.code = EXIT_INPUT_ERRORS;
      } finally {
        process.off('SIGINT', onStop);
        process.off('SIGTERM', onStop);
        await sink?.close();
        await store.close();
      }
    });
}
