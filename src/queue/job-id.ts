/**
 * The queue's job id for an article: a UUID derived from the article's content hash (the store's
 * document id), so the same text enqueued twice — through two feeds, or by running `ingest --queue`
 * again — maps to one job that pg-boss refuses to insert a second time (its primary key is the
 * queue name and the job id). Imports the pipeline's document id only.
 */
import { documentId } from '../pipeline/pipeline.js';

/** Formats 32 hex digits of the document id as a UUID (PostgreSQL accepts any hex in `uuid`). */
export function jobIdFor(text: string): string {
  const hex = documentId(text).slice('sha256:'.length, 'sha256:'.length + 32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
