/**
 * The worker-thread entry of the ingest pool (loaded from dist/ as compiled JS). A task is either an
 * article to extract or the string 'version' (the pipeline version, asked once at start). A refusal
 * (SitrepError) comes back as a value with its code, because an exception crossing threads keeps
 * only its message; ./executor.ts throws it again on the calling thread.
 */
import { isSitrepError } from '../core/errors.js';
import { type ExtractTask, pipelineVersion, runExtractTask } from './extract-task.js';

export interface WorkerRefusal {
  readonly refused: { readonly code: string; readonly message: string; readonly input: string | null };
}

export default function work(task: ExtractTask | 'version') {
  if (task === 'version') return pipelineVersion();
  try {
    return runExtractTask(task);
  } catch (err) {
    if (isSitrepError(err)) return { refused: { code: err.code, message: err.message, input: err.input } };
    throw err;
  }
}
