/**
 * `sitrep parse FILE...|- [--conllu]`: the syntax layer alone. Each article (read as `sitrep extract`
 * reads it: text or HTML, checked and decoded) is segmented, tagged, lemmatized and parsed by the
 * tokens and syntax stages; the result is printed as CoNLL-U (one `# newdoc` per file, sentences
 * numbered across the run, character offsets in MISC) or as a readable table per sentence. A refused
 * input is one line on standard error; the other files still go through.
 */
import type { Command } from 'commander';
import { EXIT_INPUT_ERRORS, errorLine, exitCodeFor } from '../exit-codes.js';
import type { CommandResult } from '../main.js';

interface ParseOptions {
  conllu?: boolean;
}

export function registerParse(program: Command, result: CommandResult): void {
  program
    .command('parse')
    .description('segment, tag, lemmatize and parse articles (UD v2 dependencies); --conllu for CoNLL-U')
    .argument('<files...>', 'article files, or - for standard input')
    .option('--conllu', 'print CoNLL-U (FORM as in the text, SpaceAfter=No and TokenRange offsets in MISC)')
    .action(async (files: string[], opts: ParseOptions) => {
      // Loaded here, not at start-up: only this command needs the models (sitrep --version stays fast).
      const { readArticle } = await import('../../input/read-article.js');
      const { defaultParser } = await import('../../nlp/parser.js');
      const { formatConllu, formatParseTable } = await import('../../output/conllu.js');
      const { createDocument } = await import('../../pipeline/pipeline.js');
      const { parseDocument } = await import('../../stages/syntax/index.js');
      const { tokenize } = await import('../../stages/tokens/index.js');
      const parser = defaultParser();
      let failed = 0;
      let sentId = 1;
      for (const file of files) {
        try {
          const article = await readArticle(file);
          const layers = tokenize(article.text);
          const syntax = parseDocument({ ...createDocument(article.text), layers }, parser);
          const parsed = { text: article.text, ...layers, syntax };
          const docId = file === '-' ? 'stdin' : file;
          if (opts.conllu) {
            process.stdout.write(formatConllu(parsed, docId, sentId));
            sentId += layers.sentences.length;
          } else {
            process.stdout.write(`${formatParseTable(parsed, docId)}\n\n`);
          }
        } catch (err) {
          failed++;
          process.stderr.write(`sitrep parse: ${errorLine(err)}\n`);
          if (exitCodeFor(err) > EXIT_INPUT_ERRORS) result.code = exitCodeFor(err);
        }
      }
      if (failed > 0 && result.code === 0) result.code = EXIT_INPUT_ERRORS;
    });
}
