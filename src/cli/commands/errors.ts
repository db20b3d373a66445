/**
 * `sitrep errors`: the inputs that ingest refused, with their reasons (a table, or `--json` lines).
 */
import type { Command } from 'commander';
import { openExistingStore } from '../../store/open-store.js';
import type { CommandResult } from '../main.js';
import { dbOption } from './ingest.js';

export function registerErrors(program: Command, _result: CommandResult): void {
  dbOption(program.command('errors').description('list the inputs ingest refused, with their reasons'))
    .option('--json', 'one JSON object per line')
    .action(async (opts: { db?: string; json?: boolean }) => {
      const store = await openExistingStore(opts.db);
      try {
        const errors = await store.listErrors();
        if (opts.json) {
          for (const e of errors) process.stdout.write(`${JSON.stringify(e)}\n`);
          return;
        }
        if (errors.length === 0) {
          process.stdout.write('no ingest errors\n');
          return;
        }
        for (const e of errors)
          process.stdout.write(`${e.at.slice(0, 19)}  ${e.code.padEnd(18)} ${e.message}\n`);
        process.stdout.write(`${errors.length} error(s)\n`);
      } finally {
        await store.close();
      }
    });
}
