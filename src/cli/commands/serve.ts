/**
 * `sitrep serve [--db DIR|URL] [--port 8080] [--host 127.0.0.1] [--allowed-host NAME]...`: the JSON API and the dashboard
 * over a store (src/serve), on @hono/node-server. Writes need SITREP_TOKEN; without it they are
 * off, and listening beyond the loopback without it prints a warning. Closes the store on
 * SIGINT/SIGTERM after queued writes and merges finish.
 */
import type { Server } from 'node:http';
import path from 'node:path';
import type { Command } from 'commander';
import { SitrepError } from '../../core/errors.js';
import { packageRoot } from '../../data/paths.js';
import type { CommandResult } from '../main.js';
import { dbOption } from './ingest.js';

interface ServeOptions {
  db?: string;
  port: string;
  host: string;
  readOnly?: boolean;
  allowedHost: string[];
  readThreads: string;
  readQueue: string;
  cacheMb: string;
}

function countOf(flag: string, v: string, min: number): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min)
    throw new SitrepError('BAD_ARGUMENT', `${flag} ${v}: expected an integer ≥ ${min}`);
  return n;
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

function portOf(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    throw new SitrepError('BAD_ARGUMENT', `--port ${v}: expected a port number (0–65535)`);
  }
  return n;
}

export function registerServe(program: Command, _result: CommandResult): void {
  dbOption(program.command('serve').description('serve the JSON API and the dashboard over a store'))
    .option('--port <n>', 'TCP port', '8080')
    .option('--host <address>', 'address to listen on (0.0.0.0: every interface)', '127.0.0.1')
    .option('--read-only', 'never write: no merges, no POST (for a PostgreSQL read replica)')
    .option(
      '--allowed-host <name>',
      'a host name the server answers besides localhost and IP addresses (repeatable; DNS rebinding defence)',
      (v: string, all: string[]) => [...all, v],
      [] as string[],
    )
    .option(
      '--read-threads <n>',
      'reads run at once (embedded store: worker threads; PostgreSQL: pool connections)',
      '2',
    )
    .option(
      '--read-queue <n>',
      'reads that may wait for those before the server answers 503 (Retry-After)',
      '64',
    )
    .option(
      '--cache-mb <n>',
      'memory for cached read answers, kept until the next write or merge (0: off)',
      '64',
    )
    .action(async (opts: ServeOptions) => {
      const { serve } = await import('@hono/node-server');
      const { createExecutor } = await import('../../ingest/executor.js');
      const { createApp } = await import('../../serve/app.js');
      const { openStore } = await import('../../store/open-store.js');
      const { withReadPool } = await import('../../store/read-pool.js');
      const port = portOf(opts.port);
      const readThreads = countOf('--read-threads', opts.readThreads, 1);
      const readQueue = countOf('--read-queue', opts.readQueue, 0);
      const cacheMb = countOf('--cache-mb', opts.cacheMb, 0);
      const token = process.env.SITREP_TOKEN || null;
      if (!token && !isLoopback(opts.host)) {
        process.stderr.write(
          `sitrep serve: warning: listening on ${opts.host} without SITREP_TOKEN: anyone who can reach this port can read the store (writes stay off until a token is set)\n`,
        );
      }
      // The embedded store reads on worker threads; PostgreSQL's pg.Pool is asynchronous already.
      const store = withReadPool(await openStore(opts.db, { poolSize: readThreads }), readThreads);
      const readOnly = opts.readOnly === true;
      // Posted articles are extracted on a worker thread so reads keep being answered meanwhile.
      const executor = createExecutor(1, { offThread: true });
      const app = createApp({
        store,
        token,
        readOnly,
        // A name to listen on is a name clients use (an IP literal is always answered).
        allowedHosts: [...opts.allowedHost, opts.host],
        extract: (task) => executor.run(task),
        readConcurrency: readThreads,
        readQueue,
        cacheBytes: cacheMb * 1024 * 1024,
        webRoot: path.join(packageRoot, 'dist', 'web'),
      });
      let server: Server;
      try {
        server = await new Promise<Server>((resolve, reject) => {
          const s = serve({ fetch: app.fetch, port, hostname: opts.host }, () => resolve(s as Server));
          s.once('error', reject);
        });
      } catch (err) {
        await executor.close();
        await store.close();
        throw new SitrepError(
          'BAD_ARGUMENT',
          `cannot listen on ${opts.host}:${port}: ${(err as Error).message}`,
          {
            cause: err,
          },
        );
      }
      const addr = server.address();
      const shown = typeof addr === 'object' && addr ? addr.port : port;
      const host = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
      process.stdout.write(
        `sitrep serve: http://${host}:${shown}/ (store: ${store.location}; writes ${readOnly ? 'off: read-only' : token ? 'on' : 'off: set SITREP_TOKEN'})\n`,
      );
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.stdout.write('sitrep serve: stopping\n');
          server.close();
          server.closeIdleConnections();
          resolve();
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await app.idle();
      await executor.close();
      await store.close();
    });
}
