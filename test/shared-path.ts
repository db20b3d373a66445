/** Where the shared folder (seed article, gold data, tools) sits: beside the project, or $SITREP_SHARED. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const sharedDir = process.env.SITREP_SHARED ?? path.resolve(repoRoot, '..', 'shared');

export function sharedPath(...parts: string[]): string {
  const p = path.join(sharedDir, ...parts);
  if (!existsSync(p))
    throw new Error(`missing ${p}: the shared folder must sit beside the project (or set SITREP_SHARED)`);
  return p;
}
