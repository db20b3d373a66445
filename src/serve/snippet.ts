/**
 * A plain-text search snippet: a window of the document around the first matching word, with the
 * offsets of every matching word inside the window (the client highlights them; nothing here is
 * markup). Matching is by word prefix, a rough stand-in for the stemming the full-text index did.
 * Imports nothing.
 */

export interface Snippet {
  readonly text: string;
  /** [start, end) offsets into `text`, UTF-16 code units like every offset in the API. */
  readonly highlights: [number, number][];
}

/** The prefix a word must start with to count as a form of a query word ("troops" → "troo"). */
function stemPrefix(word: string): string {
  const w = word.toLowerCase();
  return w.length <= 4 ? w : w.slice(0, Math.max(4, w.length - 2));
}

export function makeSnippet(text: string, words: readonly string[], width = 240): Snippet {
  const prefixes = words.map(stemPrefix).filter((p) => p.length > 0);
  const hits: [number, number][] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const w = m[0].toLowerCase();
    if (prefixes.some((p) => w.startsWith(p))) hits.push([m.index, m.index + m[0].length]);
  }
  const first = hits[0]?.[0] ?? 0;
  let start = Math.max(0, first - Math.floor(width / 3));
  // Start at a word boundary, not in the middle of a word.
  if (start > 0) {
    const space = text.indexOf(' ', start);
    if (space !== -1 && space < first) start = space + 1;
  }
  let end = Math.min(text.length, start + width);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > Math.max(start, first)) end = space;
  }
  return {
    // One space per whitespace character: newlines go, offsets stay.
    text: text.slice(start, end).replace(/\s/g, ' '),
    highlights: hits.filter(([s, e]) => s >= start && e <= end).map(([s, e]) => [s - start, e - start]),
  };
}
