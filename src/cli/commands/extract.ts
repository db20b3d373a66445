/**
 * `sitrep extract FILE...|-`: extracts one or more articles and prints a readable summary, or the
 * `sitrep.extract/1` JSON document (one per line with several files). A refused input is reported on
 * standard error in one line naming it; the others still go through; the exit code says so.
 */
import type { Command } from 'commander';
import { isValidIsoDate } from '../../core/dates.js';
import { SitrepError } from '../../core/errors.js';
import type { DocumentMeta } from '../../core/types.js';
import { EXIT_INPUT_ERRORS, errorLine, exitCodeFor } from '../exit-codes.js';
import type { CommandResult } from '../main.js';

interface ExtractOptions {
  json?: boolean;
  syntax?: boolean;
  published?: string;
  title?: string;
  url?: string;
  source?: string;
}

export function registerExtract(program: Command, result: CommandResult): void {
  program
    .command('extract')
    .description('extract actors, times, places, quantities, quotes and events from articles (text or HTML)')
    .argument('<files...>', 'article files, or - for standard input')
    .option('--json', 'print the sitrep.extract/1 JSON document (one per line with several files)')
    .option('--syntax', 'with --json: add every token with its tags, lemma, head and dependency relation')
    .option('--published <date>', 'publication date YYYY-MM-DD (wins over metadata and text)')
    .option('--title <title>', 'article title')
    .option('--url <url>', 'article URL')
    .option('--source <outlet>', 'outlet name')
    .action(async (files: string[], opts: ExtractOptions) => {
      const { readArticle } = await import('../../input/read-article.js');
      const { toExtractJson } = await import('../../output/extract-json.js');
      const { formatSummary } = await import('../../output/summary.js');
      const { defaultPipeline } = await import('../../pipeline/default.js');
      const { createDocument } = await import('../../pipeline/pipeline.js');
      if (opts.published !== undefined && !isValidIsoDate(opts.published)) {
        throw new SitrepError('BAD_ARGUMENT', `--published ${opts.published}: expected a date as YYYY-MM-DD`);
      }
      const pipeline = defaultPipeline();
      let failed = 0;
      for (const file of files) {
        try {
          const article = await readArticle(file);
          const meta: Partial<DocumentMeta> = { ...article.meta };
          if (opts.published) Object.assign(meta, { published: opts.published, publishedFrom: 'cli' });
          if (opts.title) Object.assign(meta, { title: opts.title });
          if (opts.url) Object.assign(meta, { url: opts.url });
          if (opts.source) Object.assign(meta, { source: opts.source });
          const doc = pipeline.run(createDocument(article.text, meta));
          if (opts.json) {
            const json = toExtractJson(doc, pipeline.version, { syntax: opts.syntax === true });
            process.stdout.write(
              files.length > 1 ? `${JSON.stringify(json)}\n` : `${JSON.stringify(json, null, 2)}\n`,
            );
          } else {
            process.stdout.write(`${formatSummary(doc, file)}\n`);
          }
        } catch (err) {
          failed++;
          process.stderr.write(`sitrep extract: ${errorLine(err)}\n`);
          if (exitCodeFor(err) > EXIT_INPUT_ERRORS) result.code = exitCodeFor(err);
        }
      }
      if (failed > 0 && result.code === 0) result.code = EXIT_INPUT_ERRORS;
    });
}
