/**
 * A character trie for multi-word names, compiled once per stage: finds the longest entry that starts
 * at a word start and ends at a word boundary, in time proportional to the match length (not to the
 * number of entries). A case-insensitive trie stores lower-cased keys and is queried with the
 * document's folded text (see TextIndex.folded), so offsets stay those of the original text.
 * Depends on nothing.
 */

interface Node<T> {
  readonly next: Map<number, Node<T>>;
  values: T[] | null;
}

export interface TrieMatch<T> {
  readonly start: number;
  readonly end: number;
  readonly values: readonly T[];
}

/** Letters, digits and combining marks continue a word; everything else (space, punctuation, ’) ends it. */
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/** Per UTF-16 unit: 0 not yet known, 1 word character, 2 not (filled lazily, shared by all documents). */
const wordCharCache = new Uint8Array(65536);

export function isWordChar(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  // ASCII fast path: this runs on every character of every article.
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  let known = wordCharCache[c]!;
  if (known === 0) {
    known = WORD_CHAR.test(ch) ? 1 : 2;
    wordCharCache[c] = known;
  }
  return known === 1;
}

/** Offsets where a word starts (a word character not preceded by one). */
export function wordStarts(text: string): Int32Array {
  const out: number[] = [];
  let prev = false;
  for (let i = 0; i < text.length; i++) {
    const w = isWordChar(text[i]);
    if (w && !prev) out.push(i);
    prev = w;
  }
  return Int32Array.from(out);
}

export class NameTrie<T> {
  private readonly root: Node<T> = { next: new Map(), values: null };
  private readonly fold: boolean;
  private size = 0;

  constructor(options: { caseInsensitive?: boolean } = {}) {
    this.fold = options.caseInsensitive ?? false;
  }

  get count(): number {
    return this.size;
  }

  add(key: string, value: T): void {
    let node = this.root;
    const k = this.fold ? key.toLowerCase() : key;
    for (let i = 0; i < k.length; i++) {
      const ch = k.charCodeAt(i);
      let child = node.next.get(ch);
      if (!child) {
        child = { next: new Map(), values: null };
        node.next.set(ch, child);
      }
      node = child;
    }
    if (!node.values) {
      node.values = [];
      this.size++;
    }
    node.values.push(value);
  }

  /**
   * The longest entry starting at `start` whose end is a word boundary (the next character is not a
   * letter or digit; an entry ending in '.' such as "U.S." may be followed by anything), or null.
   * A case-insensitive trie must be given the folded (lower-cased) text.
   */
  longestAt(text: string, start: number): TrieMatch<T> | null {
    let node: Node<T> | undefined = this.root;
    let best: TrieMatch<T> | null = null;
    for (let i = start; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      node = node.next.get(ch);
      if (!node) break;
      if (node.values && (ch === 46 || !isWordChar(text[i + 1]))) {
        best = { start, end: i + 1, values: node.values };
      }
    }
    return best;
  }

  /** Every non-overlapping longest match at the given word starts, left to right. */
  scan(text: string, starts: ArrayLike<number> = wordStarts(text)): TrieMatch<T>[] {
    const out: TrieMatch<T>[] = [];
    let from = 0;
    for (let k = 0; k < starts.length; k++) {
      const i = starts[k]!;
      if (i < from || !this.root.next.has(text.charCodeAt(i))) continue;
      const m = this.longestAt(text, i);
      if (m) {
        out.push(m);
        from = m.end;
      }
    }
    return out;
  }
}
