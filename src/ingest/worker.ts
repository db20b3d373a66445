/**
 * The worker-thread entry of the ingest pool (loaded from dist/ as compiled JS). A task is either an
 * article to extract or the string 'version' (the pipeline version, asked once at start).
 */
import { type ExtractTask, pipelineVersion, runExtractTask } from './extract-task.js';

export default function work(task: ExtractTask | 'version') {
  return task === 'version' ? pipelineVersion() : runExtractTask(task);
}
