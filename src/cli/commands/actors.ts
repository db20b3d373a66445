/**
 * `sitrep actors [--name X]`: the actors in the store, with how many documents and mentions name them.
 */
import type { Command } from 'commander';
import { openExistingStore } from '../../store/open-store.js';
import type { CommandResult } from '../main.js';
import { formatTable } from './events.js';
import { dbOption } from './ingest.js';

export function registerActors(program: Command, _result: CommandResult): void {
  dbOption(
    program.command('actors').description('actors in the store, by the number of documents naming them'),
  )
    .option('--name <text>', 'name contains TEXT, or code is TEXT')
    .option('--limit <n>', 'at most N actors', '50')
    .option('--json', 'one JSON object per line')
    .action(async (opts: { db?: string; name?: string; limit: string; json?: boolean }) => {
      const store = await openExistingStore(opts.db);
      try {
        const rows = await store.actors({ name: opts.name, limit: Number(opts.limit) || 50 });
        if (opts.json) {
          for (const r of rows) process.stdout.write(`${JSON.stringify(r)}\n`);
        } else if (rows.length === 0) {
          process.stdout.write('no actors\n');
        } else {
          process.stdout.write(
            `${formatTable(
              ['NAME', 'KIND', 'CODE', 'COUNTRY', 'DOCUMENTS', 'MENTIONS'],
              rows.map((r) => [
                r.name,
                r.kind,
                r.code ?? '',
                r.country ?? '',
                String(r.documents),
                String(r.mentions),
              ]),
            )}\n`,
          );
        }
      } finally {
        await store.close();
      }
    });
}
