/**
 * Helpers for spans: half-open [start, end) ranges of a document text in UTF-16 code units.
 * Imports only core types.
 */
import type { Span, Token } from './types.js';

/** The span of text[start, end), with its text. */
export function spanOf(text: string, start: number, end: number): Span {
  return { start, end, text: text.slice(start, end) };
}

/** The span with surrounding whitespace removed from both ends. */
export function trimSpan(text: string, start: number, end: number): Span {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  return spanOf(text, s, e);
}

export function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

export function contains(
  outer: { start: number; end: number },
  inner: { start: number; end: number },
): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

/**
 * Keeps, among overlapping candidates, the longest (then the earliest); returns them in text order.
 * The usual refiner for finders that propose overlapping matches.
 */
export function removeOverlaps<T extends { start: number; end: number }>(items: readonly T[]): T[] {
  const sorted = [...items].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: T[] = [];
  for (const item of sorted) {
    if (!kept.some((k) => overlaps(k, item))) kept.push(item);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** Throws if any span's text does not equal the document text at its offsets (used in tests). */
export function assertSpans(text: string, spans: Iterable<Span>): void {
  for (const s of spans) {
    const actual = text.slice(s.start, s.end);
    if (actual !== s.text) {
      throw new Error(
        `span [${s.start}, ${s.end}) holds ${JSON.stringify(actual)}, not ${JSON.stringify(s.text)}`,
      );
    }
  }
}

/** Index of the first token that ends after `offset` (binary search; tokens are in text order). */
export function tokenIndexAt(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
