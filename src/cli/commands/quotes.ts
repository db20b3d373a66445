/**
 * `sitrep quotes [--speaker X]`: direct quotes in the store, with their speakers and outlets.
 */
import type { Command } from 'commander';
import { openExistingStore } from '../../store/open-store.js';
import type { CommandResult } from '../main.js';
import { dbOption } from './ingest.js';

export function registerQuotes(program: Command, _result: CommandResult): void {
  dbOption(program.command('quotes').description('quotes in the store, by speaker'))
    .option('--speaker <name|code>', 'speaker name contains TEXT, or code/country is TEXT')
    .option('--limit <n>', 'at most N quotes', '100')
    .option('--json', 'one JSON object per line')
    .action(async (opts: { db?: string; speaker?: string; limit: string; json?: boolean }) => {
      const store = await openExistingStore(opts.db);
      try {
        const rows = await store.quotes({ speaker: opts.speaker, limit: Number(opts.limit) || 100 });
        if (opts.json) {
          for (const r of rows) process.stdout.write(`${JSON.stringify(r)}\n`);
          return;
        }
        if (rows.length === 0) {
          process.stdout.write('no quotes\n');
          return;
        }
        for (const q of rows) {
          const text = q.text.replace(/\s+/g, ' ').trim();
          process.stdout.write(
            `${q.published ?? '?'}  ${q.speaker?.name ?? 'unknown speaker'}  (${q.outlet ?? 'unknown outlet'})\n  “${text}”\n`,
          );
        }
      } finally {
        await store.close();
      }
    });
}
