/**
 * `sitrep eval SUITE [--data DIR] [--split dev|test|train] [--limit N] [--json] [--errors N]
 * [--markdown FILE]`: measures extraction quality on third-party gold data beside a peer (see
 * docs/QUALITY.md). Argument checks and printing only; the work is in src/eval/run-eval.ts.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { SitrepError } from '../../core/errors.js';
import { packageRoot } from '../../data/paths.js';
import type { EvalResult, Split } from '../../eval/suite.js';
import { errorLine, exitCodeFor } from '../exit-codes.js';
import type { CommandResult } from '../main.js';

interface EvalCliOptions {
  data?: string;
  split: string;
  limit?: string;
  json?: boolean;
  errors?: string;
  markdown?: string;
}

const SPLITS: readonly Split[] = ['train', 'dev', 'test'];

function count(flag: string, value: string | undefined): number | null {
  if (value === undefined) return null;
  if (!/^\d+$/.test(value))
    throw new SitrepError('BAD_ARGUMENT', `${flag} ${value}: expected a whole number`);
  return Number(value);
}

/** The commit the package sits at, flagged when the tree has changes; null outside a git checkout. */
function gitCommit(): string | null {
  try {
    const run = (args: string[]) =>
      execFileSync('git', args, {
        cwd: packageRoot,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim();
    const sha = run(['rev-parse', '--short', 'HEAD']);
    const dirty = run(['status', '--porcelain', '--untracked-files=no']) !== '';
    return `\`${sha}\`${dirty ? ' (with uncommitted changes)' : ''}`;
  } catch {
    return null;
  }
}

export function registerEval(program: Command, result: CommandResult): void {
  program
    .command('eval')
    .description('measure extraction quality on third-party gold data, beside a peer')
    .argument('<suite>', 'a suite name, or all (an unknown name lists them)')
    .option('--data <dir>', 'the gold data folder (default: ../shared/data beside the project)')
    .option('--split <split>', 'dev (for tuning) or test (for reporting); train where a suite has one', 'dev')
    .option('--limit <n>', 'evaluate at most N documents per corpus')
    .option('--json', 'print the results as JSON (an array for "all")')
    .option('--errors <n>', 'print N misses per suite with the text around them')
    .option('--markdown <file>', 'also write the results as a QUALITY.md page to FILE')
    .action(async (suite: string, opts: EvalCliOptions) => {
      const { formatMisses, formatResult, formatSummary } = await import('../../eval/format.js');
      const { renderQualityMarkdown } = await import('../../eval/quality-markdown.js');
      const { resultJson, runEval, suitesFor } = await import('../../eval/run-eval.js');
      const { defaultPipeline } = await import('../../pipeline/default.js');
      try {
        if (!SPLITS.includes(opts.split as Split)) {
          throw new SitrepError('BAD_ARGUMENT', `--split ${opts.split}: expected dev, test or train`);
        }
        suitesFor(suite); // an unknown suite is a usage error before anything runs
        const errors = count('--errors', opts.errors) ?? 0;
        const limit = count('--limit', opts.limit);
        const tty = process.stderr.isTTY === true;
        const printed: EvalResult[] = [];
        const results = await runEval(
          suite,
          {
            ...(opts.data !== undefined ? { dataDir: path.resolve(opts.data) } : {}),
            split: opts.split as Split,
            limit,
            errors,
          },
          (r) => {
            printed.push(r);
            const failed = Object.entries(r.metrics).filter(([k]) => k.endsWith('n_failed'));
            for (const [k, v] of failed) {
              process.stderr.write(
                `sitrep eval: ${r.suite}: the pipeline failed on ${v} document(s) (${k}); they count as finding nothing (see --errors)\n`,
              );
            }
            if (opts.json) return;
            process.stdout.write(`${formatResult(r)}\n\n`);
            if (errors > 0) process.stdout.write(`${formatMisses(r)}\n\n`);
            if (tty) process.stderr.write(`sitrep eval: ${r.suite} done in ${r.seconds.toFixed(1)} s\n`);
          },
        );
        if (opts.json) {
          const json = results.map((r) => resultJson(r, errors > 0));
          process.stdout.write(`${JSON.stringify(suite === 'all' ? json : json[0], null, 2)}\n`);
        } else if (results.length > 1) {
          process.stdout.write(`${formatSummary(results)}\n`);
        }
        if (opts.markdown) {
          const md = renderQualityMarkdown(results, {
            command: ['node bin/sitrep.js', ...process.argv.slice(2)].join(' '),
            date: new Date().toISOString().slice(0, 10),
            pipeline: defaultPipeline().version,
            commit: gitCommit(),
          });
          mkdirSync(path.dirname(path.resolve(opts.markdown)), { recursive: true });
          writeFileSync(opts.markdown, md);
          if (!opts.json) process.stdout.write(`wrote ${opts.markdown}\n`);
        }
      } catch (err) {
        // One line naming the input and the way out, e.g. "sitrep eval: ../shared/data/conll2003 not
        // found (use --data DIR)".
        process.stderr.write(`sitrep eval: ${errorLine(err)}\n`);
        result.code = exitCodeFor(err);
      }
    });
}
