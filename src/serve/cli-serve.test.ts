/**
 * `sitrep serve` as a process (bin/sitrep.js over the build, as `npm test` runs it): prints its URL,
 * answers over a real socket, warns when it listens beyond the loopback without SITREP_TOKEN, and
 * stops cleanly on SIGTERM (exit 0). Port 0: the system picks a free one and the URL says which.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const bin = path.join(repoRoot, 'bin', 'sitrep.js');

/** The status of a GET with a given Host header (fetch cannot set Host). */
function statusWithHost(port: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port, path: '/healthz', headers: { Host: host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    }).on('error', reject);
  });
}

async function runServe(args: string[], env: NodeJS.ProcessEnv) {
  const db = mkdtempSync(path.join(tmpdir(), 'sitrep-serve-cli-'));
  const child = spawn(process.execPath, [bin, 'serve', '--db', db, '--port', '0', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, SITREP_TOKEN: '', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (d) => {
      stdout += d;
      const m = /(http:\/\/\S+\/)/.exec(stdout);
      if (m) resolve(m[1]!);
    });
    exited.then((code) => reject(new Error(`serve exited (${code}) before printing its URL: ${stderr}`)));
  });
  return { child, url, exited, out: () => ({ stdout, stderr }) };
}

describe('sitrep serve (process)', () => {
  it('prints its URL, answers, warns beyond the loopback without a token, and stops on SIGTERM', async () => {
    const s = await runServe(['--host', '0.0.0.0', '--allowed-host', 'news.example'], {});
    const port = new URL(s.url).port;
    assert.match(port, /^\d+$/);
    assert.equal(await statusWithHost(port, `news.example:${port}`), 200);
    assert.equal(await statusWithHost(port, `localhost:${port}`), 200);
    assert.equal(await statusWithHost(port, `rebound.attacker.example:${port}`), 421);
    const res = await fetch(`http://127.0.0.1:${port}/healthz`);
    assert.equal(res.status, 200);
    assert.equal(((await res.json()) as { documents: number }).documents, 0);
    assert.match(s.out().stderr, /warning: listening on 0\.0\.0\.0 without SITREP_TOKEN/);
    assert.match(s.out().stdout, /writes off/);
    s.child.kill('SIGTERM');
    assert.equal(await s.exited, 0, s.out().stderr);
  });

  it('does not warn on the loopback, and takes writes with a token', async () => {
    const s = await runServe(['--host', '127.0.0.1'], { SITREP_TOKEN: 'cli-test-token' });
    assert.doesNotMatch(s.out().stderr, /warning/);
    assert.match(s.out().stdout, /writes on/);
    const res = await fetch(`${s.url}api/documents`, {
      method: 'POST',
      headers: { Authorization: 'Bearer cli-test-token', 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: 'North Korea sent troops to Russia, officials in Seoul said on Monday.' }),
    });
    assert.equal(res.status, 201, await res.clone().text());
    const events = await fetch(`${s.url}api/events`);
    assert.ok(((await events.json()) as { total: number }).total >= 1);
    s.child.kill('SIGINT');
    assert.equal(await s.exited, 0, s.out().stderr);
  });
});
