/**
 * Where extraction runs: a pool of worker threads (piscina) over the compiled worker in dist/, or
 * the calling thread when one job is asked for or no compiled worker exists (tests under tsx before
 * a build). Imports the extraction task only.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { type ErrorCode, SitrepError } from '../core/errors.js';
import { budgetError, docBudgetMs } from '../pipeline/pipeline.js';
import type { DocumentRows } from '../store/schema.js';
import { type ExtractTask, pipelineVersion, runExtractTask } from './extract-task.js';
import type { WorkerRefusal } from './worker.js';

/**
 * How long past its budget a document may keep a worker thread before the thread is ended: the
 * pipeline checks the budget between stages, this catches a stage that itself never returns.
 */
export const HARD_STOP_MARGIN_MS = 5_000;

function isRefusal(v: unknown): v is WorkerRefusal {
  return typeof v === 'object' && v !== null && 'refused' in v;
}

export interface Executor {
  readonly threads: number;
  version(): Promise<string>;
  run(task: ExtractTask): Promise<DocumentRows>;
  close(): Promise<void>;
}

/** The compiled worker: beside this file when running from dist/, else under dist/ at the package root. */
function workerFile(): string | null {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [
    path.join(here, 'worker.js'),
    path.resolve(here, '..', '..', 'dist', 'ingest', 'worker.js'),
  ];
  return candidates.find((c) => existsSync(c) && !c.includes(`${path.sep}src${path.sep}`)) ?? null;
}

/**
 * `jobs` threads. One job runs on the calling thread unless `offThread` asks for a pool of one: a
 * server must not stop answering while it extracts a long article.
 */
export function createExecutor(jobs: number, opts: { offThread?: boolean } = {}): Executor {
  const file = jobs > 1 || opts.offThread ? workerFile() : null;
  if (!file) {
    return {
      threads: 1,
      version: async () => pipelineVersion(),
      // Yield to the event loop first so progress output and writes interleave with extraction.
      run: (task) =>
        new Promise((resolve, reject) =>
          setImmediate(() => {
            try {
              resolve(runExtractTask(task));
            } catch (err) {
              reject(err);
            }
          }),
        ),
      close: async () => {},
    };
  }
  const pool = new Piscina({ filename: file, minThreads: jobs, maxThreads: jobs, idleTimeout: 60_000 });
  return {
    threads: jobs,
    version: () => pool.run('version') as Promise<string>,
    run: async (task) => {
      const budget = task.budgetMs ?? docBudgetMs();
      const signal = AbortSignal.timeout(Math.ceil(budget + HARD_STOP_MARGIN_MS));
      let out: unknown;
      try {
        out = await pool.run(task, { signal });
      } catch (err) {
        // Piscina ends the thread running an aborted task and starts a fresh one.
        if (signal.aborted) {
          throw budgetError(
            task.article.key,
            budget,
            `still running after ${budget + HARD_STOP_MARGIN_MS} ms: the worker thread was ended`,
          );
        }
        throw err;
      }
      if (isRefusal(out)) {
        throw new SitrepError(out.refused.code as ErrorCode, out.refused.message, {
          input: out.refused.input,
        });
      }
      return out as DocumentRows;
    },
    close: () => pool.destroy(),
  };
}
