/**
 * The options and checks that the queue commands share (`ingest --queue`, `worker`, `status`): the
 * pg-boss schema and the refusal of an embedded store, which has no queue.
 */
import type { Command } from 'commander';
import { SitrepError } from '../../core/errors.js';
import { DEFAULT_QUEUE_SCHEMA } from '../../queue/queue-defaults.js';
import { isPostgresUrl, resolveDb } from '../../store/open-store.js';

/** `--queue-schema` as every queue command declares it. */
export function queueSchemaOption(cmd: Command): Command {
  return cmd.option(
    '--queue-schema <name>',
    `the job queue's PostgreSQL schema (default ${DEFAULT_QUEUE_SCHEMA}, or $SITREP_QUEUE_SCHEMA)`,
  );
}

export function resolveQueueSchema(value?: string): string {
  return value || process.env.SITREP_QUEUE_SCHEMA || DEFAULT_QUEUE_SCHEMA;
}

/** The PostgreSQL URL of `--db`, or a clear refusal: the queue lives in PostgreSQL only. */
export function requireQueueDb(db: string | undefined, what: string): string {
  const target = resolveDb(db);
  if (!isPostgresUrl(target)) {
    throw new SitrepError(
      'BAD_ARGUMENT',
      `${what} needs a PostgreSQL store (--db postgres://user:pass@host/db): the job queue lives in PostgreSQL, and ${target} is an embedded store`,
    );
  }
  return target;
}
