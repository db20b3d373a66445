/**
 * One `sitrep ingest` at a time per store, so two runs on one `--db` never extract the same
 * articles twice: the second waits for the first, then skips every article the first stored (the
 * store's usual check), and does only what is left. PostgreSQL: a session advisory lock keyed by the
 * store's schema (freed by the server if the process dies). Embedded: a lock file beside the
 * database file holding the owner's pid, taken over when that process is gone (kill -9 leaves it).
 * Imports pg, node:fs and the store's URL helpers.
 */
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { sleep } from '../core/sleep.js';
import { EMBEDDED_FILE, isPostgresUrl, redact, resolveDb } from '../store/open-store.js';

const POLL_MS = 500;

export type ReleaseLock = () => Promise<void>;

/** Takes the store's ingest lock, waiting (and saying so once, through `onWait`) while another holds it. */
export async function acquireIngestLock(
  db: string | undefined,
  onWait: (holder: string) => void,
  signal?: AbortSignal,
): Promise<ReleaseLock> {
  const target = resolveDb(db);
  return isPostgresUrl(target) ? pgLock(target, onWait, signal) : fileLock(target, onWait, signal);
}

async function pgLock(url: string, onWait: (h: string) => void, signal?: AbortSignal): Promise<ReleaseLock> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let told = false;
  try {
    for (;;) {
      const { rows } = await client.query(
        "SELECT pg_try_advisory_lock(hashtext('sitrep-ingest'), hashtext(current_schema())) AS ok",
      );
      if (rows[0]?.ok) break;
      if (!told) {
        onWait(`another sitrep ingest into ${redact(url)}`);
        told = true;
      }
      await sleep(POLL_MS, signal);
      if (signal?.aborted) throw new Error('interrupted while waiting for the ingest lock');
    }
  } catch (err) {
    await client.end().catch(() => {});
    throw err;
  }
  return async () => {
    await client.end().catch(() => {});
  };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The lock file beside the database file (`--db` names a data directory or a `.db` file). */
export function lockFileOf(target: string): string {
  const db = /\.(db|sqlite3?)$/i.test(target) ? target : path.join(target, EMBEDDED_FILE);
  return `${db}.ingest-lock`;
}

async function fileLock(
  dir: string,
  onWait: (h: string) => void,
  signal?: AbortSignal,
): Promise<ReleaseLock> {
  const file = lockFileOf(dir);
  const mine = JSON.stringify({ pid: process.pid, host: hostname(), at: new Date().toISOString() });
  let told = false;
  for (;;) {
    try {
      writeFileSync(file, mine, { flag: 'wx' });
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    let holder: { pid?: number; host?: string } = {};
    try {
      holder = JSON.parse(readFileSync(file, 'utf8')) as typeof holder;
    } catch {
      // Half-written by a process that died at once, or just removed: look again.
    }
    const sameHost = holder.host === undefined || holder.host === hostname();
    if (sameHost && typeof holder.pid === 'number' && !alive(holder.pid)) {
      // Left by a killed run: its articles are either stored or not, never half (see ./ingest.ts).
      try {
        unlinkSync(file);
      } catch {}
      continue;
    }
    if (!told) {
      onWait(
        `another sitrep ingest (pid ${holder.pid ?? '?'}${sameHost ? '' : ` on ${holder.host}`}) into ${dir}`,
      );
      told = true;
    }
    await sleep(POLL_MS, signal);
    if (signal?.aborted) throw new Error('interrupted while waiting for the ingest lock');
  }
  return async () => {
    try {
      if (readFileSync(file, 'utf8') === mine) unlinkSync(file);
    } catch {}
  };
}
