/**
 * `sitrep eval`: PLACEHOLDER until the evaluation issue lands.
 */
import type { Command } from 'commander';
import type { CommandResult } from '../main.js';

export function registerEval(program: Command, result: CommandResult): void {
  program
    .command('eval <suite>')
    .description('measure extraction quality on third-party gold data (not yet available)')
    .action(() => {
      process.stderr.write('sitrep eval: not implemented yet\n');
      result.code = 2;
    });
}
