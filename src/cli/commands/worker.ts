/**
 * `sitrep worker --db postgres://... [--concurrency N] [--batch N]`: takes article jobs from the
 * shared queue, extracts them on N threads and stores them; any number of workers on any number of
 * machines share one queue. Runs until SIGINT/SIGTERM (the batch in hand is finished, written and
 * completed; a second signal quits at once and the held jobs return to the queue after expiry), or
 * until the queue is empty with `--exit-when-idle`.
 */
import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import { Option } from 'commander';
import { SitrepError } from '../../core/errors.js';
import type { WorkerCounts } from '../../queue/worker-loop.js';
import type { CommandResult } from '../main.js';
import { dbOption, EXIT_INTERRUPTED } from './ingest.js';
import { queueSchemaOption, requireQueueDb, resolveQueueSchema } from './queue-options.js';

function positiveInt(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    throw new SitrepError('BAD_ARGUMENT', `${flag} ${value}: expected a whole number, 1 or more`);
  }
  return n;
}

function summary(c: Readonly<WorkerCounts>, seconds: number): string {
  const rate = (c.stored + c.skipped) / Math.max(seconds, 0.001);
  return (
    `${c.stored} stored, ${c.skipped} already stored, ${c.retrying} to retry, ${c.failed} failed, ` +
    `${c.events} event(s), ${c.merges} merge(s) in ${seconds.toFixed(1)} s (${rate.toFixed(1)} articles/s)`
  );
}

interface WorkerFlags {
  db?: string;
  queueSchema?: string;
  concurrency?: string;
  batch?: string;
  mergeDelay?: string;
  exitWhenIdle?: boolean;
  maintenanceSeconds?: string;
  progress: boolean;
}

export function registerWorker(program: Command, result: CommandResult): void {
  queueSchemaOption(
    dbOption(
      program
        .command('worker')
        .description('take article jobs from the shared queue (PostgreSQL), extract and store them'),
    ),
  )
    .option('--concurrency <n>', 'extraction threads (default: all cores)')
    .option('--batch <n>', 'jobs per fetch and per write transaction', '32')
    .option(
      '--merge-delay <seconds>',
      'while the queue is busy, how long a requested merge waits (it runs at once when the queue is empty)',
      '60',
    )
    .option('--exit-when-idle', 'stop when the queue is empty (after a pending merge)')
    .addOption(
      new Option('--maintenance-seconds <n>', 'how often expired jobs are returned to the queue').hideHelp(),
    )
    .option('--no-progress', 'no progress lines')
    .action(async (opts: WorkerFlags) => {
      const { createExecutor } = await import('../../ingest/executor.js');
      const { openQueue, QUEUE_DEFAULTS } = await import('../../queue/queue.js');
      const { runWorker } = await import('../../queue/worker-loop.js');
      const { openStore } = await import('../../store/open-store.js');
      const url = requireQueueDb(opts.db, 'sitrep worker');
      const threads = positiveInt('--concurrency', opts.concurrency, availableParallelism());
      const batch = positiveInt('--batch', opts.batch, 32);
      const mergeDelay = positiveInt('--merge-delay', opts.mergeDelay, 60);
      const maintenance = positiveInt(
        '--maintenance-seconds',
        opts.maintenanceSeconds,
        QUEUE_DEFAULTS.maintenanceIntervalSeconds,
      );
      // Test hook: hold each written batch before completing it, so a kill lands mid-batch.
      const holdMs = Number(process.env.SITREP_TEST_WORKER_HOLD_MS ?? 0) || 0;

      const store = await openStore(url);
      let queue: Awaited<ReturnType<typeof openQueue>> | null = null;
      const executor = createExecutor(threads);
      const controller = new AbortController();
      let signals = 0;
      const onSignal = () => {
        signals++;
        if (signals > 1) process.exit(EXIT_INTERRUPTED);
        process.stderr.write(
          'sitrep worker: stopping after the batch in hand (signal again to quit now; held jobs then return after expiry)\n',
        );
        controller.abort();
      };
      process.on('SIGINT', onSignal);
      process.on('SIGTERM', onSignal);
      const t0 = performance.now();
      let last = 0;
      try {
        queue = await openQueue(url, {
          schema: resolveQueueSchema(opts.queueSchema),
          supervise: true,
          maintenanceIntervalSeconds: maintenance,
        });
        process.stderr.write(
          `sitrep worker: ${executor.threads} thread(s), batches of ${batch}, queue ${queue.schema} on ${store.location}\n`,
        );
        const counts = await runWorker(store, queue, executor, {
          batch,
          signal: controller.signal,
          mergeDelaySeconds: mergeDelay,
          exitWhenIdle: opts.exitWhenIdle === true,
          holdMs,
          onProgress: (c) => {
            const t = performance.now();
            if (!opts.progress || t - last < 5000) return;
            last = t;
            process.stderr.write(`sitrep worker: ${summary(c, (t - t0) / 1000)}\n`);
          },
          onMergeError: (err) => {
            process.stderr.write(
              `sitrep worker: the merge pass failed (it will be retried): ${err instanceof Error ? err.message : String(err)}\n`,
            );
          },
          onMerge: (m) => {
            if (opts.progress) {
              process.stderr.write(
                `sitrep worker: merged ${m.events} event(s) into ${m.stories} story event(s) (${m.ms} ms)\n`,
              );
            }
          },
        });
        process.stdout.write(`worker: ${summary(counts, (performance.now() - t0) / 1000)}\n`);
        if (counts.failed > 0) {
          process.stdout.write(
            `${counts.failed} job(s) failed after retries: \`sitrep errors\` lists them with their reasons\n`,
          );
        }
        result.code = 0;
      } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
        await executor.close();
        await queue?.close();
        await store.close();
      }
    });
}
