/**
 * Expands file arguments: a folder (recursively, article-like files only), a glob (`*`, `?`, `**`)
 * or a single file. Node 20 has no `fs.glob`, so this is a small matcher over a directory walk.
 * Yields paths in a stable (sorted) order so that a re-run sees inputs in the same order.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** Extensions picked up when walking a folder (a file named explicitly is read whatever its name). */
export const ARTICLE_EXTENSIONS = new Set([
  '.txt',
  '.text',
  '.md',
  '.html',
  '.htm',
  '.xhtml',
  '.jsonl',
  '.ndjson',
  '.xml',
  '.rss',
  '.atom',
]);

export function isGlob(arg: string): boolean {
  return /[*?[]/.test(arg);
}

/** Every file under `dir`, depth first, sorted, skipping hidden entries. */
export function* walk(dir: string, filter: (file: string) => boolean = () => true): Generator<string> {
  let entries: import('node:fs').Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* walk(p, filter);
    else if (e.isFile() && filter(p)) yield p;
  }
}

/** A glob as a regular expression over `/`-separated relative paths. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        // `**/` matches any number of folders, including none.
        re += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
        i += glob[i + 2] === '/' ? 2 : 1;
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const close = glob.indexOf(']', i);
      if (close > i) {
        re += `[${glob.slice(i + 1, close).replace(/^!/, '^')}]`;
        i = close;
      } else re += '\\[';
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** Files matching a glob: the walk starts at the longest leading part without wildcards. */
export function* expandGlob(glob: string): Generator<string> {
  const norm = glob.split(path.sep).join('/');
  const parts = norm.split('/');
  const fixed: string[] = [];
  while (parts.length > 1 && !isGlob(parts[0]!)) fixed.push(parts.shift()!);
  const base = fixed.length ? fixed.join('/') || '/' : '.';
  const re = globToRegExp(parts.join('/'));
  for (const file of walk(base)) {
    const rel = path.relative(base, file).split(path.sep).join('/');
    if (re.test(rel)) yield file;
  }
}

/** Expands one argument into files; a folder yields its article-like files, recursively. */
export function* expandPath(arg: string): Generator<string> {
  if (isGlob(arg)) {
    let st: ReturnType<typeof statSync> | undefined;
    try {
      st = statSync(arg);
    } catch {
      st = undefined;
    }
    // A real file whose name has a bracket or star is that file, not a pattern.
    if (!st) {
      yield* expandGlob(arg);
      return;
    }
  }
  let st: ReturnType<typeof statSync>;
  try {
    st = statSync(arg);
  } catch {
    // Not found: yield it anyway so that reading it reports the error against its name.
    yield arg;
    return;
  }
  if (st.isDirectory()) yield* walk(arg, (f) => ARTICLE_EXTENSIONS.has(path.extname(f).toLowerCase()));
  else yield arg;
}
