/**
 * The pinned version of a peer package, read from the project's package.json (versions are pinned
 * exactly there), so results name the peer they measured: "chrono-node 2.10.3". Imports data paths only.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../../data/paths.js';

let deps: Record<string, string> | null = null;

export function peerName(pkg: string): string {
  if (deps === null) {
    try {
      const json = JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8'));
      deps = { ...json.devDependencies, ...json.dependencies };
    } catch {
      deps = {};
    }
  }
  const version = deps?.[pkg];
  return version ? `${pkg} ${version}` : pkg;
}
