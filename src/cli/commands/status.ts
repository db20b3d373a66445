/**
 * `sitrep status --db postgres://... [--json]`: the state of the shared queue and the feeds — queue
 * depth (waiting, retrying, active), jobs completed per minute over the last 5 and 60 minutes,
 * failures with their latest reasons, the merge queue, per-feed last poll and errors (when the
 * store has feeds), and the store's counts. Reads only.
 */
import type { Command } from 'commander';
import type { QueueStatus } from '../../queue/queue-status.js';
import type { FeedRow } from '../../store/schema.js';
import type { StoreCounts } from '../../store/store.js';
import type { CommandResult } from '../main.js';
import { dbOption } from './ingest.js';
import { queueSchemaOption, requireQueueDb, resolveQueueSchema } from './queue-options.js';

interface StatusJson {
  store: { location: string; counts: StoreCounts };
  queue: QueueStatus;
  feeds: FeedRow[];
}

function fmt(x: number): string {
  return x.toLocaleString('en-US', { maximumFractionDigits: 1 });
}

function when(at: string | null): string {
  return at ? at.slice(0, 19).replace('T', ' ') : 'never';
}

function render(s: StatusJson): string {
  const q = s.queue;
  const d = q.depth;
  const out = [
    `store ${s.store.location}: ${fmt(s.store.counts.documents)} document(s), ${fmt(s.store.counts.events)} event(s), ${fmt(s.store.counts.stories)} story event(s), ${fmt(s.store.counts.errors)} ingest error(s)`,
    `queue (schema ${q.schema}): ${fmt(d.created + d.retry)} waiting (${fmt(d.created)} new, ${fmt(d.retry)} to retry), ${fmt(d.active)} active, ${fmt(d.completed)} completed (last 24 h), ${fmt(d.failed)} failed`,
    `  completed per minute: ${fmt(q.perMinute5)} (last 5 min), ${fmt(q.perMinute60)} (last 60 min); oldest waiting job queued ${when(q.oldestWaiting)}`,
    `  merge: ${q.merge.waiting} waiting, ${q.merge.running} running; last merge ${when(q.merge.lastCompleted)}`,
  ];
  if (q.failures.length) {
    out.push('latest failures:');
    for (const f of q.failures)
      out.push(
        `  ${when(f.at)}  ${f.state === 'failed' ? 'failed ' : 'retry  '} ${f.code ?? ''} ${f.reason}`,
      );
  }
  const jobsByFeed = new Map(q.feeds.map((f) => [f.feed, f]));
  if (s.feeds.length) {
    out.push(`feeds (${s.feeds.length}):`);
    for (const f of s.feeds) {
      const jobs = jobsByFeed.get(f.id) ?? jobsByFeed.get(f.url);
      jobsByFeed.delete(f.id);
      jobsByFeed.delete(f.url);
      const poll = f.last_poll_at
        ? `last poll ${when(f.last_poll_at)} ${f.last_status ?? ''}, ${f.items_new} new`
        : 'not polled yet';
      const errors = f.last_error ? `; error (${f.consecutive_failures} in a row): ${f.last_error}` : '';
      const queued = jobs
        ? `; jobs ${jobs.waiting} waiting, ${jobs.completed} done, ${jobs.failed} failed`
        : '';
      out.push(
        `  ${f.url}${f.outlet ? ` (${f.outlet})` : ''}: ${poll}; next ${when(f.next_poll_at)}${queued}${errors}`,
      );
    }
  }
  // Jobs of feeds the store does not list (removed since, or a producer of its own).
  for (const j of jobsByFeed.values())
    out.push(`  ${j.feed}: jobs ${j.waiting} waiting, ${j.completed} done, ${j.failed} failed`);
  return `${out.join('\n')}\n`;
}

export function registerStatus(program: Command, _result: CommandResult): void {
  queueSchemaOption(
    dbOption(
      program
        .command('status')
        .description('the shared queue and the feeds: depth, jobs per minute, failures, last polls'),
    ),
  )
    .option('--json', 'one JSON object')
    .action(async (opts: { db?: string; queueSchema?: string; json?: boolean }) => {
      const { openQueue } = await import('../../queue/queue.js');
      const { queueStatus } = await import('../../queue/queue-status.js');
      const { openStore } = await import('../../store/open-store.js');
      const url = requireQueueDb(opts.db, 'sitrep status');
      const store = await openStore(url);
      try {
        const queue = await openQueue(url, { schema: resolveQueueSchema(opts.queueSchema) });
        try {
          const status: StatusJson = {
            store: { location: store.location, counts: await store.counts() },
            queue: await queueStatus(queue),
            feeds: await store.listFeeds(),
          };
          process.stdout.write(opts.json ? `${JSON.stringify(status)}\n` : render(status));
        } finally {
          await queue.close();
        }
      } finally {
        await store.close();
      }
    });
}
