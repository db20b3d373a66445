/**
 * `sitrep timeline --actor X [--by day|week]`: how many story events involve the actor, per day or
 * per ISO week (weeks are summed here from daily counts, so the SQL stays the same in both dialects).
 */
import type { Command } from 'commander';
import { addDays, isoWeekday } from '../../core/dates.js';
import { SitrepError } from '../../core/errors.js';
import { openExistingStore } from '../../store/open-store.js';
import type { CommandResult } from '../main.js';
import { formatTable } from './events.js';
import { dbOption } from './ingest.js';

export function registerTimeline(program: Command, _result: CommandResult): void {
  dbOption(
    program.command('timeline').description('story events involving an actor, counted per day or week'),
  )
    .requiredOption('--actor <code|name>', 'the actor: PRK, Russia, Putin')
    .option('--by <unit>', 'day or week', 'day')
    .option('--json', 'one JSON object per line')
    .action(async (opts: { db?: string; actor: string; by: string; json?: boolean }) => {
      if (opts.by !== 'day' && opts.by !== 'week') {
        throw new SitrepError('BAD_ARGUMENT', `--by ${opts.by}: expected day or week`);
      }
      const store = await openExistingStore(opts.db);
      try {
        const days = await store.timeline(opts.actor);
        const buckets = new Map<string, { stories: number; mentions: number }>();
        for (const d of days) {
          // A week is named by its Monday.
          const key = opts.by === 'week' ? addDays(d.date, -isoWeekday(d.date)) : d.date;
          const b = buckets.get(key) ?? { stories: 0, mentions: 0 };
          b.stories += d.stories;
          b.mentions += d.mentions;
          buckets.set(key, b);
        }
        const rows = [...buckets].map(([date, b]) => ({ [opts.by]: date, ...b }));
        if (opts.json) {
          for (const r of rows) process.stdout.write(`${JSON.stringify(r)}\n`);
        } else if (rows.length === 0) {
          process.stdout.write(`no events involve ${opts.actor}\n`);
        } else {
          const max = Math.max(...[...buckets.values()].map((b) => b.stories));
          process.stdout.write(
            `${formatTable(
              [opts.by === 'week' ? 'WEEK OF' : 'DAY', 'EVENTS', 'MENTIONS', ''],
              [...buckets].map(([date, b]) => [
                date,
                String(b.stories),
                String(b.mentions),
                '█'.repeat(Math.max(1, Math.round((b.stories / max) * 40))),
              ]),
            )}\n`,
          );
        }
      } finally {
        await store.close();
      }
    });
}
