/**
 * The `sitrep` command line: one sub-command a module under ./commands. Maps errors to exit codes
 * through ./exit-codes.ts; never prints a stack trace for bad input.
 */
import { Command, CommanderError } from 'commander';
import { registerActors } from './commands/actors.js';
import { registerErrors } from './commands/errors.js';
import { registerEval } from './commands/eval.js';
import { registerEvents } from './commands/events.js';
import { registerExport } from './commands/export.js';
import { registerExtract } from './commands/extract.js';
import { registerFeeds } from './commands/feeds.js';
import { registerIngest } from './commands/ingest.js';
import { registerParse } from './commands/parse.js';
import { registerQuotes } from './commands/quotes.js';
import { registerScheduler } from './commands/scheduler.js';
import { registerServe } from './commands/serve.js';
import { registerShow } from './commands/show.js';
import { registerStatus } from './commands/status.js';
import { registerTimeline } from './commands/timeline.js';
import { registerWorker } from './commands/worker.js';
import { EXIT_USAGE, errorLine, exitCodeFor } from './exit-codes.js';

export interface CommandResult {
  code: number;
}

export function buildProgram(result: CommandResult): Command {
  const program = new Command('sitrep')
    .description('Turn news articles into a sourced, queryable record of events.')
    .version('0.1.0')
    .exitOverride()
    .showHelpAfterError();
  registerExtract(program, result);
  registerEval(program, result);
  registerParse(program, result);
  registerIngest(program, result);
  registerEvents(program, result);
  registerErrors(program, result);
  registerShow(program, result);
  registerActors(program, result);
  registerQuotes(program, result);
  registerTimeline(program, result);
  registerExport(program, result);
  registerServe(program, result);
  registerFeeds(program, result);
  registerScheduler(program, result);
  registerWorker(program, result);
  registerStatus(program, result);
  return program;
}

export async function main(argv: readonly string[]): Promise<number> {
  const result: CommandResult = { code: 0 };
  const program = buildProgram(result);
  try {
    await program.parseAsync([...argv]);
    return result.code;
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.exitCode === 0 ? 0 : EXIT_USAGE;
    }
    process.stderr.write(`sitrep: ${errorLine(err)}\n`);
    return exitCodeFor(err);
  }
}
