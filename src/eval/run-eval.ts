/**
 * Runs eval suites by name (`all` runs every one) after checking that each suite's gold folder
 * exists, so a missing folder is one clear error before any work starts. The function API behind
 * `sitrep eval`; imports the suites registry and core errors, never the CLI.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { SitrepError } from '../core/errors.js';
import { packageRoot } from '../data/paths.js';
import type { EvalOptions, EvalResult, EvalSuite } from './suite.js';
import { findSuite, SUITES } from './suites/index.js';

/** `../shared/data` beside the package (or `$SITREP_SHARED/data`), where the gold data lives. */
export function defaultDataDir(): string {
  const shared = process.env.SITREP_SHARED ?? path.resolve(packageRoot, '..', 'shared');
  return path.join(shared, 'data');
}

export function suiteNames(): string[] {
  return [...SUITES.map((s) => s.name), 'all'];
}

/** The suites a name stands for; a clear error for an unknown name. */
export function suitesFor(name: string): EvalSuite[] {
  if (name === 'all') return [...SUITES];
  const suite = findSuite(name);
  if (!suite) {
    throw new SitrepError('BAD_ARGUMENT', `unknown suite '${name}' (one of: ${suiteNames().join(', ')})`);
  }
  return [suite];
}

/** Shown in errors the shorter way: relative to the working directory ("../shared/data/…") or absolute. */
function shown(p: string): string {
  const rel = path.relative(process.cwd(), p) || '.';
  return rel.length <= p.length ? rel : p;
}

/** Throws INPUT_NOT_FOUND naming the first missing folder. */
export function checkDataFolders(suites: readonly EvalSuite[], dataDir: string): void {
  for (const s of suites) {
    const folder = path.join(dataDir, s.dataFolder);
    if (!existsSync(folder)) {
      throw new SitrepError('INPUT_NOT_FOUND', `${shown(folder)} not found (use --data DIR)`, {
        input: folder,
      });
    }
  }
}

/** Runs the named suite (or all), one after another, in registry order. */
export async function runEval(
  name: string,
  options: Partial<EvalOptions> = {},
  onResult?: (r: EvalResult) => void,
): Promise<EvalResult[]> {
  const full: EvalOptions = {
    dataDir: options.dataDir ?? defaultDataDir(),
    split: options.split ?? 'dev',
    limit: options.limit ?? null,
    errors: options.errors ?? 0,
  };
  const suites = suitesFor(name);
  checkDataFolders(suites, full.dataDir);
  const results: EvalResult[] = [];
  for (const suite of suites) {
    const r = await suite.run(full);
    results.push(r);
    onResult?.(r);
  }
  return results;
}

/** The `--json` form of one result: the shape, misses only when asked for. */
export function resultJson(r: EvalResult, withMisses: boolean): Record<string, unknown> {
  return {
    suite: r.suite,
    split: r.split,
    n: r.n,
    headline: r.headline,
    metrics: r.metrics,
    peer: r.peer,
    seconds: Math.round(r.seconds * 1000) / 1000,
    ...(withMisses ? { misses: r.misses } : {}),
  };
}
