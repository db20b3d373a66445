/**
 * `sitrep feeds add|list|remove` and `sitrep scheduler` through the built CLI, against a feed served
 * on 127.0.0.1 by this process (so the CLI runs as an asynchronous child): usage errors exit 2,
 * `--once` polls and exits, and SIGTERM stops the loop after the pass in flight (exit 130).
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { repoRoot } from '../shared-path.js';
import { articlePage, type FeedServer, rss, startFeedServer } from './feed-server.js';

const bin = path.join(repoRoot, 'bin', 'sitrep.js');
const db = mkdtempSync(path.join(tmpdir(), 'sitrep-cli-feeds-'));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(
  args: string[],
  onStderr?: (text: string, kill: (sig: NodeJS.Signals) => void) => void,
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args, '--db', db], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
      onStderr?.(stderr, (sig) => child.kill(sig));
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let server: FeedServer;
const para =
  'Officials in Kyiv said on Monday that about 3,000 soldiers had crossed the border overnight, a figure the ministry later revised after further reports from the region.';

before(async () => {
  server = await startFeedServer();
  server.routes.set('/feed.xml', (_req, res) =>
    res
      .writeHead(200, { 'content-type': 'application/rss+xml' })
      .end(rss('Local', [{ title: 'One', link: `${server.base}/a` }])),
  );
  server.routes.set('/a', (_req, res) =>
    res
      .writeHead(200, { 'content-type': 'text/html' })
      .end(articlePage('One', [para, para.replace('Kyiv', 'Kharkiv')])),
  );
});

after(async () => {
  await server.close();
});

describe('sitrep feeds and sitrep scheduler (CLI)', () => {
  it('adds, refuses bad arguments with exit 2, and lists', async () => {
    const added = await run([
      'feeds',
      'add',
      `${server.base}/feed.xml`,
      '--every',
      '10m',
      '--outlet',
      'Local Wire',
    ]);
    assert.equal(added.code, 0, added.stderr);
    assert.match(added.stdout, /^added feed [0-9a-f]{12} /);
    for (const bad of [
      ['feeds', 'add', 'ftp://x.example/feed'],
      ['feeds', 'add', `${server.base}/other.xml`, '--every', '5s'],
      ['feeds', 'add', `${server.base}/feed.xml`],
      ['feeds', 'remove', 'no-such-feed'],
    ]) {
      const r = await run(bad);
      assert.equal(r.code, 2, `${bad.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, /^sitrep: /);
      assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    }
    const list = await run(['feeds', 'list', '--json']);
    const rows = list.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.equal(rows.length, 1);
    assert.equal(rows[0].outlet, 'Local Wire');
    assert.equal(rows[0].every_seconds, 600);
    assert.equal(rows[0].last_poll_at, null);
  });

  it('scheduler --once polls what is due, stores the article in process, and exits', async () => {
    const r = await run(['scheduler', '--once', '--jobs', '1']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /polled 1 feed\(s\): 1 ok.*1 new article\(s\) stored/s);
    const list = await run(['feeds', 'list']);
    assert.match(list.stdout, /Local Wire\s+10m\s+\S+ \S+\s+ok\s+1 new \/ 1/);
    const again = await run(['scheduler', '--once', '--jobs', '1']);
    assert.match(again.stdout, /polled 0 feed\(s\)/, 'not due again before 10 minutes');
  });

  it('scheduler stops on SIGTERM after the pass in flight, exit 130', async () => {
    await run(['feeds', 'add', `${server.base}/feed.xml?second=1`, '--every', '30s']);
    let sent = false;
    const r = await run(['scheduler', '--jobs', '1'], (stderr, kill) => {
      // The first feed line means a pass happened; the loop is now waiting for the next.
      if (!sent && /^feed [0-9a-f]{12} /m.test(stderr)) {
        sent = true;
        kill('SIGTERM');
      }
    });
    assert.ok(sent, r.stderr);
    assert.equal(r.code, 130, r.stderr);
    assert.match(r.stderr, /stopping after the pages in flight/);
    assert.match(r.stdout, /polled 1 feed\(s\)/);
  });

  it('removes a feed by id prefix', async () => {
    const list = await run(['feeds', 'list', '--json']);
    const id = JSON.parse(list.stdout.trim().split('\n')[0]!).id as string;
    const r = await run(['feeds', 'remove', id.slice(0, 8)]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, new RegExp(`^removed feed ${id} `));
    const after = await run(['feeds', 'list', '--json']);
    assert.equal(after.stdout.trim().split('\n').length, 1);
  });
});
