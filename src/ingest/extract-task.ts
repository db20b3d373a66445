/**
 * One unit of ingest work: extract an article with the default pipeline and turn the result into
 * store rows. Runs in a worker thread (./worker.ts) or in-process with `--jobs 1`; either way the
 * main thread receives plain rows, never the document with its tokens.
 */
import { defaultPipeline } from '../pipeline/default.js';
import { createDocument, docBudgetMs } from '../pipeline/pipeline.js';
import { toDocumentRows } from '../store/rows.js';
import type { DocumentRows } from '../store/schema.js';
import type { RawArticle } from './sources.js';

export interface ExtractTask {
  readonly article: RawArticle;
  readonly ingestedAt: string;
  /** The per-document time budget (default: `docBudgetMs()`). */
  readonly budgetMs?: number;
}

/** The version string of the default pipeline (stored with every document). */
export function pipelineVersion(): string {
  return defaultPipeline().version;
}

export function runExtractTask(task: ExtractTask): DocumentRows {
  const pipeline = defaultPipeline();
  const doc = pipeline.run(
    createDocument(task.article.text, task.article.meta),
    { debug: false },
    { ms: task.budgetMs ?? docBudgetMs(), input: task.article.key },
  );
  return toDocumentRows(doc, {
    input: task.article.key,
    pipeline: pipeline.version,
    ingestedAt: task.ingestedAt,
  });
}
