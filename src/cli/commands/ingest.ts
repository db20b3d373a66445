/**
 * `sitrep ingest PATH|URL|- ...`: extracts articles on all cores and stores them (embedded store by
 * default, `--db postgres://...` for PostgreSQL), then merges events across articles. Prints a
 * progress bar (or periodic lines) on standard error and a summary on standard output; the exit
 * code is 1 when some inputs were refused (listed by `sitrep errors`), 130 when interrupted.
 */
import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import { isValidIsoDate } from '../../core/dates.js';
import { SitrepError } from '../../core/errors.js';
import { type FieldMap, parseFieldOptions } from '../../ingest/fields.js';
import type { InputFormat } from '../../ingest/sources.js';
import { EXIT_INPUT_ERRORS } from '../exit-codes.js';
import type { CommandResult } from '../main.js';

const FORMATS: readonly InputFormat[] = ['auto', 'text', 'html', 'jsonl', 'rss'];
export const EXIT_INTERRUPTED = 130;

interface IngestOptions {
  db?: string;
  format: string;
  field: string[];
  jobs?: string;
  progress: boolean;
  queue?: boolean;
  queueSchema?: string;
  published?: string;
  outlet?: string;
  update?: boolean;
}

/** `--db` as every store command declares it. */
export function dbOption(cmd: Command): Command {
  return cmd.option(
    '--db <dir|url>',
    'the store: a data directory (default ./sitrep-data, or $SITREP_DB) or postgres://user:pass@host/db',
  );
}

/** The warning for articles stored without a date: every relative time in them is then unresolved. */
export function undatedWarning(undated: number, stored: number, fields: FieldMap): string {
  return (
    `sitrep ingest: warning: ${undated} of ${stored} stored article(s) have no publication date ` +
    `(none in metadata, file name or text; JSONL keys tried: ${fields.published.join(', ')}), so their ` +
    'relative dates ("on Monday") stay unresolved: give --field published=KEY, --published DATE, ' +
    'or dated file names (2024-10-28-name.txt), then run again with --update'
  );
}

export function registerIngest(program: Command, result: CommandResult): void {
  dbOption(
    program
      .command('ingest')
      .description('extract articles (files, folders, globs, JSONL, RSS/Atom, URLs, -) and store them')
      .argument('<inputs...>', 'files, folders, globs, http(s) URLs, or - for standard input'),
  )
    .option('--format <format>', `input format: ${FORMATS.join('|')}`, 'auto')
    .option(
      '--field <field=key>',
      'JSONL: the record key for a field (body, title, published, url, outlet); repeatable. ' +
        'Without it the usual keys of GDELT, ACLED and news-API exports are tried (data/ingest/field-aliases.tsv)',
      (v: string, acc: string[]) => [...acc, v],
      [] as string[],
    )
    .option('--published <date>', 'the publication date (YYYY-MM-DD) of every article read, over any other')
    .option('--outlet <name>', 'the outlet of every article read, over any other')
    .option(
      '--update',
      're-read metadata and re-extract articles already stored (replaces them; nothing is duplicated)',
    )
    .option('--jobs <n>', 'extraction threads (default: all cores)')
    .option('--no-progress', 'no progress output')
    .option(
      '--queue',
      'PostgreSQL only: queue the articles for `sitrep worker` instead of extracting them here',
    )
    .option(
      '--queue-schema <name>',
      "with --queue: the job queue's schema (default pgboss, or $SITREP_QUEUE_SCHEMA)",
    )
    .action(async (inputs: string[], opts: IngestOptions) => {
      const { createExecutor } = await import('../../ingest/executor.js');
      const { ingest } = await import('../../ingest/ingest.js');
      const { acquireIngestLock } = await import('../../ingest/ingest-lock.js');
      const { createProgress } = await import('../../ingest/progress.js');
      const { countArticles, readSources } = await import('../../ingest/sources.js');
      const { openStore } = await import('../../store/open-store.js');
      const { ingestToQueue } = await import('./ingest-queue.js');
      if (!FORMATS.includes(opts.format as InputFormat)) {
        throw new SitrepError(
          'BAD_ARGUMENT',
          `--format ${opts.format}: expected one of ${FORMATS.join(', ')}`,
        );
      }
      const fields = parseFieldOptions(opts.field);
      if (typeof fields === 'string') throw new SitrepError('BAD_ARGUMENT', fields);
      if (opts.published !== undefined && !isValidIsoDate(opts.published)) {
        throw new SitrepError('BAD_ARGUMENT', `--published ${opts.published}: expected a date as YYYY-MM-DD`);
      }
      if (opts.outlet !== undefined && opts.outlet.trim() === '') {
        throw new SitrepError('BAD_ARGUMENT', '--outlet: expected an outlet name');
      }
      const meta = { published: opts.published, outlet: opts.outlet?.trim() };
      const jobs = opts.jobs === undefined ? availableParallelism() : Number(opts.jobs);
      if (!Number.isInteger(jobs) || jobs < 1) {
        throw new SitrepError(
          'BAD_ARGUMENT',
          `--jobs ${opts.jobs}: expected a whole number of threads, 1 or more`,
        );
      }
      const format = opts.format as InputFormat;
      if (opts.queue) {
        result.code = await ingestToQueue(inputs, {
          db: opts.db,
          queueSchema: opts.queueSchema,
          format,
          fields,
          ...meta,
        });
        return;
      }
      const store = await openStore(opts.db);
      const executor = createExecutor(jobs);
      const controller = new AbortController();
      let interrupts = 0;
      const onSigint = () => {
        interrupts++;
        if (interrupts > 1) process.exit(EXIT_INTERRUPTED);
        process.stderr.write(
          '\nsitrep ingest: interrupted; finishing the articles in flight (Ctrl-C again to quit now)\n',
        );
        controller.abort();
      };
      process.on('SIGINT', onSigint);
      process.on('SIGTERM', onSigint);
      let release: (() => Promise<void>) | null = null;
      try {
        // Opened first: the store exists (the data directory, the schema) before the lock is taken in it.
        release = await acquireIngestLock(
          opts.db,
          (holder) =>
            process.stderr.write(
              `sitrep ingest: waiting for ${holder} to finish; the articles it stores are skipped here\n`,
            ),
          controller.signal,
        );
        const total = opts.progress ? await countArticles(inputs, format) : undefined;
        const progress = opts.progress ? createProgress(total) : null;
        const run = await ingest(store, readSources(inputs, { format, fields, ...meta }), executor, {
          onProgress: (c) => progress?.update(c),
          signal: controller.signal,
          update: opts.update,
        });
        if (progress) {
          progress.update(run.counts);
          progress.stop();
        }
        const c = run.counts;
        const rate = (c.stored + c.skipped) / Math.max(run.seconds, 0.001);
        const lines = [
          `ingested ${c.read} article(s) in ${run.seconds.toFixed(1)} s (${rate.toFixed(1)} articles/s, ${executor.threads} thread(s)): ` +
            `${c.stored} stored${c.updated ? ` (${c.updated} updated)` : ''}, ${c.skipped} already stored, ${c.errors} error(s), ${c.events} event(s); ` +
            `store writes ${run.storeSeconds.toFixed(1)} s`,
        ];
        if (run.merge) {
          lines.push(
            `merged ${run.merge.events} event(s) into ${run.merge.stories} story event(s), ${run.merge.contradictions} contradiction(s) (${run.merge.ms} ms)`,
          );
        }
        if (c.undated) process.stderr.write(`${undatedWarning(c.undated, c.stored, fields)}\n`);
        if (c.skipped && !opts.update) {
          lines.push('already stored articles keep their metadata: --update reads it again');
        }
        if (c.errors)
          lines.push(`${c.errors} input(s) refused: \`sitrep errors\` lists them with their reasons`);
        if (run.interrupted) lines.push('interrupted: run the same command again to continue');
        lines.push(`store: ${store.location}`);
        process.stdout.write(`${lines.join('\n')}\n`);
        if (run.interrupted) result.code = EXIT_INTERRUPTED;
        else if (c.errors > 0) result.code = EXIT_INPUT_ERRORS;
      } finally {
        process.off('SIGINT', onSigint);
        process.off('SIGTERM', onSigint);
        await release?.();
        await executor.close();
        await store.close();
      }
    });
}
