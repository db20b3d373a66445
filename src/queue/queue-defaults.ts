/**
 * The queue's default schema name, apart from ./queue.ts so the CLI can name it in its help without
 * loading pg-boss (the CLI must start at once). Imports nothing.
 */
export const DEFAULT_QUEUE_SCHEMA = 'pgboss';
